// The policy engine: a draft and its context in, publish / hold / reject out, with the reasons.
import type { CompiledPolicy } from './compile';
import { activityReasons, articleReasons } from './rules/context-rules';
import { textReasons } from './rules/text-rules';
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
  return verdictOf([
    ...articleReasons(context, policy),
    ...activityReasons(draft.body, context, policy),
    ...textReasons(draft.body, policy),
  ]);
}

/** The text-only rules, for the compose box's live check. */
export function checkDraft(body: string, policy: CompiledPolicy): Reason[] {
  return verdictOf(textReasons(body, policy)).reasons;
}
