// The settings schema the admin form saves through, and compilePolicy.
import { describe, expect, test } from 'vitest';
import {
  compilePolicy,
  defaultPolicySettings,
  policySettingsSchema,
  ruleIds,
  upgradeSettings,
  type PolicySettings,
} from '@/lib/policy';
import { judge, trustedContext } from './helpers';

const messagesFor = (patch: Record<string, unknown>) => {
  const result = policySettingsSchema.safeParse({ ...defaultPolicySettings, ...patch });
  expect(result.success, JSON.stringify(patch)).toBe(false);
  return result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('policySettingsSchema', () => {
  test('accepts the defaults unchanged', () => {
    expect(policySettingsSchema.parse(defaultPolicySettings)).toEqual(defaultPolicySettings);
  });

  test.each<[Record<string, unknown>, string]>([
    [{ maxLinks: -1 }, 'maxLinks: The link limit must be at least 0.'],
    [{ maxLinks: 51 }, 'maxLinks: The link limit must be at most 50.'],
    [{ maxLinks: 2.5 }, 'maxLinks: The link limit must be a whole number.'],
    [{ maxLinks: 'two' }, 'maxLinks: The link limit must be a number.'],
    [{ shoutingCapsPercent: 40 }, 'shoutingCapsPercent: The capitals percentage must be at least 50.'],
    [{ shoutingMinLetters: 4 }, 'shoutingMinLetters: The shouting length must be at least 5.'],
    [{ duplicateWindowMinutes: 0 }, 'duplicateWindowMinutes: The duplicate window must be at least 1.'],
    [{ floodPerUserPerMinute: 0 }, 'floodPerUserPerMinute: The per-account flood limit must be at least 1.'],
    [{ floodPerIpPerMinute: 10_001 }, 'floodPerIpPerMinute: The per-address flood limit must be at most 10000.'],
    [{ newCommenterHoldCount: -1 }, 'newCommenterHoldCount: The number of held first comments must be at least 0.'],
    [{ trustThreshold: 1001 }, 'trustThreshold: The trust threshold must be at most 1000.'],
    [{ autoCloseDays: 0 }, 'autoCloseDays: Auto-close must be at least 1.'],
    [{ bannedTerms: ['ok', '   '] }, 'bannedTerms.1: Banned terms: empty entries are not allowed.'],
    [{ suspectTerms: ['x'.repeat(101)] }, 'suspectTerms.0: Suspect terms: keep each entry under 100 characters.'],
    [{ blockedDomains: ['not a domain'] }, 'blockedDomains.0: Blocked domains must look like example.com.'],
    [{ blockedDomains: ['https://spam.example/'] }, 'blockedDomains.0: Blocked domains must look like example.com.'],
  ])('rejects %j', (patch, message) => {
    expect(messagesFor(patch)).toContain(message);
  });

  test('rejects unknown rule ids in disabledRules and missing fields', () => {
    expect(messagesFor({ disabledRules: ['no-such-rule'] })[0]).toMatch(/^disabledRules\.0: /);
    const { maxLinks: _dropped, ...missing } = defaultPolicySettings;
    expect(policySettingsSchema.safeParse(missing).success).toBe(false);
  });

  test('rejects overlong lists', () => {
    expect(messagesFor({ hateTerms: Array.from({ length: 20_001 }, (_, i) => `w${i}`) })).toContain(
      'hateTerms: Hate terms: at most 20,000 entries.',
    );
  });

  test('trims terms, lower-cases domains, accepts null auto-close and every rule id', () => {
    const parsed = policySettingsSchema.parse({
      ...defaultPolicySettings,
      bannedTerms: ['  plonker  '],
      blockedDomains: ['  Scam.Example  '],
      autoCloseDays: null,
      disabledRules: [...ruleIds],
    });
    expect(parsed.bannedTerms).toEqual(['plonker']);
    expect(parsed.blockedDomains).toEqual(['scam.example']);
    expect(parsed.autoCloseDays).toBeNull();
    expect(parsed.disabledRules).toEqual([...ruleIds]);
  });
});

describe('compilePolicy', () => {
  test('keeps the settings and reports enabled rules', () => {
    const settings: PolicySettings = { ...defaultPolicySettings, disabledRules: ['shouting'] };
    const policy = compilePolicy(settings);
    expect(policy.settings).toBe(settings);
    expect(policy.enabled('shouting')).toBe(false);
    expect(ruleIds.filter((rule) => policy.enabled(rule))).toHaveLength(ruleIds.length - 1);
  });

  test('blocked domains match regardless of the case they were saved in', () => {
    const policy = compilePolicy({ ...defaultPolicySettings, blockedDomains: ['Scam.Example'] });
    expect(judge('See https://scam.example/', trustedContext(), policy).outcome).toBe('reject');
  });

  test('terms that normalise to nothing are ignored rather than matching everything', () => {
    // Both pass the schema (trim() keeps U+200B), and neither has a letter or digit to match.
    const settings = policySettingsSchema.parse({ ...defaultPolicySettings, bannedTerms: ['\u200B', '...'] });
    const policy = compilePolicy(settings);
    expect(judge('A perfectly ordinary comment... with an ellipsis.', trustedContext(), policy).outcome).toBe(
      'publish',
    );
  });
});

describe('upgradeSettings (versions saved by an older engine)', () => {
  test('a first-edition version keeps its own allowlist and gains the new default entries, and the ambiguous terms', () => {
    const stored = { ...defaultPolicySettings, allowlist: ['scunthorpe', 'Twin Peaks'] } as Record<string, unknown>;
    delete stored.ambiguousTerms;
    const settings = policySettingsSchema.parse(upgradeSettings(stored));
    expect(settings.allowlist.slice(0, 2)).toEqual(['scunthorpe', 'Twin Peaks']);
    expect(settings.allowlist).toContain('dyke road');
    expect(settings.allowlist.filter((e) => e === 'scunthorpe')).toHaveLength(1);
    expect(settings.ambiguousTerms).toEqual(defaultPolicySettings.ambiguousTerms);
    expect(judge('I grew up on Dyke Road.', trustedContext(), compilePolicy(settings)).outcome).toBe('publish');
  });

  test('a version saved by this engine keeps exactly the allowlist it was saved with', () => {
    const stored = { ...defaultPolicySettings, allowlist: ['scunthorpe'] };
    expect(policySettingsSchema.parse(upgradeSettings(stored)).allowlist).toEqual(['scunthorpe']);
  });
});
