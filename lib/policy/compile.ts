// Settings → matchers, built once per policy version and reused for every comment.
import type { PolicySettings } from './settings';
import { TermMatcher } from './text/terms';
import type { RuleId } from './types';

export type CompiledPolicy = {
  settings: PolicySettings;
  terms: TermMatcher;
  blockedDomains: readonly string[];
  enabled: (rule: RuleId) => boolean;
};

export function compilePolicy(settings: PolicySettings): CompiledPolicy {
  const disabled = new Set(settings.disabledRules);
  return {
    settings,
    // Order matters: a word on several lists counts for the strictest.
    terms: new TermMatcher(
      {
        hate: settings.hateTerms,
        banned: settings.bannedTerms,
        threat: settings.threatPhrases,
        suspect: settings.suspectTerms,
      },
      settings.allowlist,
      settings.ambiguousTerms,
    ),
    blockedDomains: settings.blockedDomains.map((domain) => domain.toLowerCase()),
    enabled: (rule) => !disabled.has(rule),
  };
}
