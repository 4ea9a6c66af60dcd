// The compose box's live check: which clause a draft would trip, and where. It never returns the term lists.
import { getActivePolicy } from '../data/policy';
import { checkDraft } from '../policy';
import { clauseHref, clauseLabel } from '../policy/clauses';

export type DraftWarning = {
  clause: string;
  clauseHref: string;
  message: string;
  outcome: 'hold' | 'reject';
  spans: { start: number; end: number }[];
};

export async function draftWarnings(body: string): Promise<DraftWarning[]> {
  const reasons = checkDraft(body, (await getActivePolicy()).compiled);
  return reasons.map((reason) => ({
    clause: clauseLabel(reason.clause),
    clauseHref: clauseHref(reason.clause),
    message: reason.message,
    outcome: reason.outcome,
    spans: reason.evidence.flatMap((evidence) =>
      evidence.kind === 'span' ? [{ start: evidence.start, end: evidence.end }] : [],
    ),
  }));
}
