// The policy rules form (/moderate/rules): how its fields become PolicySettings, and what is echoed back.
import { z } from 'zod';
import { policySettingsSchema, ruleIds } from '../policy';

/** What the admin typed, echoed back so a refused or dry-run form keeps every edit (React resets forms after actions). */
export type RulesDraft = { text: Record<string, string>; checked: Record<string, boolean>; disabledRules: string[] };

/** The settings edited as one term per line. */
export const rulesListFields = [
  'bannedTerms',
  'hateTerms',
  'suspectTerms',
  'threatPhrases',
  'allowlist',
  'ambiguousTerms',
  'blockedDomains',
] as const;
const numbers = [
  'maxLinks',
  'shoutingMinLetters',
  'shoutingCapsPercent',
  'duplicateWindowMinutes',
  'duplicateAccounts',
  'floodPerUserPerMinute',
  'floodPerIpPerMinute',
  'newCommenterHoldCount',
  'trustThreshold',
] as const;

/** The settings plus the save note and the dry run's sample size. */
export const rulesFormSchema = policySettingsSchema.extend({
  note: z.string().trim().max(500, 'Keep the note under 500 characters.'),
  replayCount: z.coerce.number().int().min(1).max(10_000),
});

/** One term per line; blank numbers are left to the defaults. */
export function readRulesForm(formData: FormData): unknown {
  const text = (name: string) => String(formData.get(name) ?? '');
  const settings: Record<string, unknown> = {};
  for (const name of rulesListFields)
    settings[name] = text(name)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  for (const name of numbers) settings[name] = text(name).trim() === '' ? undefined : Number(text(name));
  settings.autoCloseDays = text('autoCloseDays').trim() === '' ? null : Number(text('autoCloseDays'));
  settings.detectPersonalInfo = formData.get('detectPersonalInfo') === 'on';
  settings.disabledRules = formData
    .getAll('disabledRules')
    .filter((value) => (ruleIds as readonly unknown[]).includes(value));
  settings.note = formData.get('note') ?? '';
  settings.replayCount = formData.get('replayCount') || 1000;
  return settings;
}

export function readRulesDraft(formData: FormData): RulesDraft {
  const text: Record<string, string> = {};
  for (const name of [...rulesListFields, ...numbers, 'autoCloseDays', 'note', 'replayCount'])
    text[name] = String(formData.get(name) ?? '').slice(0, 1_000_000);
  return {
    text,
    checked: { detectPersonalInfo: formData.get('detectPersonalInfo') === 'on' },
    disabledRules: formData
      .getAll('disabledRules')
      .map(String)
      .filter((value) => (ruleIds as readonly string[]).includes(value)),
  };
}
