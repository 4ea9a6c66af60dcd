// The policy's lists and thresholds: defaults ship in code; admins save new versions at runtime.
import { z } from 'zod';
import {
  defaultAllowlist,
  defaultAmbiguousTerms,
  defaultBannedTerms,
  defaultHateTerms,
  defaultSuspectTerms,
  defaultThreatPhrases,
} from './default-terms';
import { ruleIds } from './types';

const terms = (label: string) =>
  z
    .array(
      z
        .string()
        .trim()
        .min(1, `${label}: empty entries are not allowed.`)
        .max(100, `${label}: keep each entry under 100 characters.`),
    )
    .max(20_000, `${label}: at most 20,000 entries.`);

const whole = (min: number, max: number, what: string) =>
  z
    .number({ error: `${what} must be a number.` })
    .int(`${what} must be a whole number.`)
    .min(min, `${what} must be at least ${min}.`)
    .max(max, `${what} must be at most ${max}.`);

export const policySettingsSchema = z.object({
  bannedTerms: terms('Banned terms'),
  hateTerms: terms('Hate terms'),
  suspectTerms: terms('Suspect terms'),
  threatPhrases: terms('Threat phrases'),
  allowlist: terms('Allowlist'),
  ambiguousTerms: terms('Terms with an innocent sense'),
  blockedDomains: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,63}$/, 'Blocked domains must look like example.com.'),
    )
    .max(20_000),
  maxLinks: whole(0, 50, 'The link limit'),
  detectPersonalInfo: z.boolean(),
  shoutingMinLetters: whole(5, 10_000, 'The shouting length'),
  shoutingCapsPercent: whole(50, 100, 'The capitals percentage'),
  duplicateWindowMinutes: whole(1, 24 * 60, 'The duplicate window'),
  duplicateAccounts: whole(1, 100, 'The number of accounts'),
  floodPerUserPerMinute: whole(1, 1000, 'The per-account flood limit'),
  floodPerIpPerMinute: whole(1, 10_000, 'The per-address flood limit'),
  newCommenterHoldCount: whole(0, 100, 'The number of held first comments'),
  trustThreshold: whole(-1000, 1000, 'The trust threshold'),
  autoCloseDays: whole(1, 3650, 'Auto-close').nullable(),
  disabledRules: z.array(z.enum(ruleIds)).max(ruleIds.length),
});

export type PolicySettings = z.infer<typeof policySettingsSchema>;

export const defaultPolicySettings: PolicySettings = {
  bannedTerms: defaultBannedTerms,
  hateTerms: defaultHateTerms,
  suspectTerms: defaultSuspectTerms,
  threatPhrases: defaultThreatPhrases,
  allowlist: defaultAllowlist,
  ambiguousTerms: defaultAmbiguousTerms,
  blockedDomains: ['spam.example', 'malware.example', 'bit-scam.example'],
  maxLinks: 2,
  detectPersonalInfo: true,
  shoutingMinLetters: 40,
  shoutingCapsPercent: 70,
  duplicateWindowMinutes: 10,
  duplicateAccounts: 2,
  floodPerUserPerMinute: 5,
  floodPerIpPerMinute: 20,
  newCommenterHoldCount: 1,
  trustThreshold: -2,
  // The site default under the story presets (issue 18): "everything else closes after 3 days".
  autoCloseDays: 3,
  disabledRules: [],
};

/**
 * Settings as stored in a saved policy version, brought up to date: settings added since are filled from the
 * defaults, and a version saved before the second edition of the engine (it has no `ambiguousTerms`) also
 * gets the second edition's default allowlist entries (Dyke Road, Coon Rapids, Pussy Riot, "Fucking, Austria"…)
 * beside its own — it could not have chosen them, and without them those names would be rejected.
 */
export function upgradeSettings(stored: Record<string, unknown>): unknown {
  const upgraded: Record<string, unknown> = { ...defaultPolicySettings, ...stored };
  if (!('ambiguousTerms' in stored) && Array.isArray(stored.allowlist)) {
    const own = stored.allowlist.filter((entry): entry is string => typeof entry === 'string');
    const known = new Set(own.map((entry) => entry.toLowerCase()));
    upgraded.allowlist = [...own, ...defaultAllowlist.filter((entry) => !known.has(entry.toLowerCase()))];
  }
  return upgraded;
}
