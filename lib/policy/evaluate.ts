// The policy engine: a draft and its context in, publish / hold / reject out, with the reasons.
import type { CompiledPolicy } from './compile';
import { activityReasons, articleReasons } from './rules/context-rules';
import { textReasons } from './rules/text-rules';
import { applyStricterOutcomes, stricterMaxLinks } from './presets';
import type { PolicyContext, Reason, Verdict } from './types';

export function verdictOf(reasons: Reason[]): Verdict {
  const outcome = reasons.some((r) => r.outcome === 'reject') ? 'reject' : reasons.length ? 'hold' : 'publish';
  // Rejections first: they decide the outcome and are what the reader must fix.
  return {
    outcome,
    reasons: [...reasons].sort((a, b) => Number(b.outcome === 'reject') - Number(a.outcome === 'reject')),
  };
}

export function evaluate(draft: { body: string }, context: PolicyContext, policy: CompiledPolicy): Verdict {
  const presets = context.article.presets;
  if (!presets)
    return verdictOf([
      ...articleReasons(context, policy),
      ...activityReasons(draft.body, context, policy),
      ...textReasons(draft.body, policy),
    ]);
  // The story's presets may tighten the thresholds (lib/policy/presets.ts): the link limit before the text rules
  // run, the suspect terms' outcome after.
  const maxLinks = stricterMaxLinks(policy.settings.maxLinks, presets.settings);
  const strict =
    maxLinks === policy.settings.maxLinks ? policy : { ...policy, settings: { ...policy.settings, maxLinks } };
  return verdictOf(
    applyStricterOutcomes(
      [
        ...articleReasons(context, strict),
        ...activityReasons(draft.body, context, strict),
        ...textReasons(draft.body, strict),
      ],
      presets.settings,
    ),
  );
}

/** The text-only rules, for the compose box's live check. */
export function checkDraft(body: string, policy: CompiledPolicy): Reason[] {
  return verdictOf(textReasons(body, policy)).reasons;
}
