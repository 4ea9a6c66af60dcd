// Dry run: how would a changed policy have judged past comments? Pure: callers supply the comments with
// the context each one had when it was posted.
import type { CompiledPolicy } from './compile';
import { evaluate } from './evaluate';
import { tokenize } from './text/normalize';
import type { Outcome, PolicyContext, Reason } from './types';

export type ReplaySample = { id: string; body: string; context: PolicyContext };
export type ReplayExample = {
  id: string;
  body: string;
  from: Outcome;
  to: Outcome;
  reasons: Pick<Reason, 'ruleId' | 'clause' | 'message'>[];
};
export type ReplayResult = {
  total: number;
  /** before → after → count */
  matrix: Record<Outcome, Record<Outcome, number>>;
  changed: number;
  examples: ReplayExample[];
  /** Allowlist entries of the new policy that exempted text, with the number of comments, most first. */
  allowlisted: { entry: string; comments: number }[];
};

const outcomes: Outcome[] = ['publish', 'hold', 'reject'];

export function replay(
  samples: readonly ReplaySample[],
  before: CompiledPolicy,
  after: CompiledPolicy,
  examplesPerMove = 3,
): ReplayResult {
  const matrix = Object.fromEntries(
    outcomes.map((from) => [from, Object.fromEntries(outcomes.map((to) => [to, 0]))]),
  ) as ReplayResult['matrix'];
  const examples: ReplayExample[] = [];
  let changed = 0;
  const allowed = new Map<string, number>();
  for (const sample of samples) {
    const was = evaluate(sample, sample.context, before);
    const now = evaluate(sample, sample.context, after);
    matrix[was.outcome][now.outcome]++;
    for (const entry of new Set(after.terms.match(tokenize(sample.body), sample.body).allowed.map((hit) => hit.entry)))
      allowed.set(entry, (allowed.get(entry) ?? 0) + 1);
    if (was.outcome === now.outcome) continue;
    changed++;
    if (examples.filter((e) => e.from === was.outcome && e.to === now.outcome).length < examplesPerMove)
      examples.push({
        id: sample.id,
        body: sample.body.length > 280 ? `${sample.body.slice(0, 277)}…` : sample.body,
        from: was.outcome,
        to: now.outcome,
        reasons: (now.outcome === 'publish' ? was : now).reasons.map(({ ruleId, clause, message }) => ({
          ruleId,
          clause,
          message,
        })),
      });
  }
  const allowlisted = [...allowed]
    .map(([entry, comments]) => ({ entry, comments }))
    .sort((a, b) => b.comments - a.comments || a.entry.localeCompare(b.entry));
  return { total: samples.length, matrix, changed, examples, allowlisted };
}
