// The statement of reasons: what a reader is told about their held or rejected comment. One function for
// every place that tells them (the article page, the profile page, the decision email), so they never
// disagree. While only the automatic checks have looked at a comment, it gives their reasons; once a
// moderator has decided, it gives the moderator's decision instead: the clause, the note, and the appeal.
import { clauseHref, clauseLabel, getClause, isClauseId, type ClauseId } from './clauses';
import type { Reason } from './types';

export type StatementInput = {
  id: string;
  status: 'PUBLISHED' | 'PENDING' | 'REJECTED' | 'DELETED';
  /** The automatic checks' reasons, as stored with the comment. */
  reasons: readonly Pick<Reason, 'clause' | 'message'>[];
  /** Whether a moderator made the latest decision (decidedById is set). */
  decidedByModerator: boolean;
  rejectClause: string | null;
  rejectNote: string | null;
  appeal: { status: 'OPEN' | 'UPHELD' | 'REINSTATED' | 'LIFTED' | 'MOOT'; decisionNote: string | null } | null;
};

export type StatementLine = { lead: string; clause: ClauseId; label: string; href: string; detail: string };

export type Statement = {
  by: 'automatic' | 'moderator';
  /** "Held for review — only you can see this comment." */
  headline: string;
  lines: StatementLine[];
  /** The moderator's note to the commenter, in their words. */
  note: string | null;
  /** What the reader can do next, or where their appeal stands. */
  appeal: { state: 'available' | 'open' | 'upheld'; text: string; href: string | null } | null;
  /** A rejected comment can be corrected and sent again (checked like a new comment). */
  canResubmit: boolean;
  /** For a held comment, what happens next (the expected wait is added where it is shown: lib/data/wait-times.ts). */
  next: string | null;
};

export const heldNext =
  'What happens next: a moderator reads it and decides. If it is approved it is published for everyone; if not, you will see the reason here and may ask for a second review. Either way we email you, unless you have turned those emails off.';

export const appealHref = (commentId: string) => `/profile#comment-${commentId}`;

const line = (lead: string, clause: ClauseId, detail: string): StatementLine => ({
  lead,
  clause,
  label: clauseLabel(clause),
  href: clauseHref(clause),
  detail,
});

/** null when there is nothing to explain (published or deleted comments). */
export function statementOfReasons(input: StatementInput): Statement | null {
  if (input.status !== 'PENDING' && input.status !== 'REJECTED') return null;
  const held = input.status === 'PENDING';
  const headline = held
    ? 'Held for review — only you can see this comment.'
    : 'Not published — only you can see this comment.';
  const human =
    !held && input.decidedByModerator && input.rejectClause && isClauseId(input.rejectClause)
      ? input.rejectClause
      : null;
  const lines = human
    ? [line('A moderator rejected it under', human, getClause(human).summary)]
    : input.reasons.map((reason) =>
        line(held ? 'Held for review under' : 'Rejected under', reason.clause, reason.message),
      );
  const appeal = held
    ? null
    : !input.appeal
      ? {
          state: 'available' as const,
          text: 'You may ask, once, for a second moderator to review this decision.',
          href: appealHref(input.id),
        }
      : input.appeal.status === 'OPEN'
        ? { state: 'open' as const, text: 'Your appeal is with a moderator who did not make the decision.', href: null }
        : {
            state: 'upheld' as const,
            text: `A second moderator reviewed your appeal: the decision stands${input.appeal.decisionNote ? ` (“${input.appeal.decisionNote}”)` : ''}.`,
            href: null,
          };
  return {
    by: human ? 'moderator' : 'automatic',
    headline,
    lines,
    note: human ? input.rejectNote : null,
    appeal,
    canResubmit: !held && input.appeal?.status !== 'OPEN',
    next: held ? heldNext : null,
  };
}

/** The statement for a comment as stored (reasons as JSON, decidedById set by a moderator's decision). */
export function statementOf(row: {
  id: string;
  status: StatementInput['status'];
  reasons: string;
  decidedById: string | null;
  rejectClause: string | null;
  rejectNote: string | null;
  appeal: StatementInput['appeal'];
}): Statement | null {
  if (row.status !== 'PENDING' && row.status !== 'REJECTED') return null;
  return statementOfReasons({
    id: row.id,
    status: row.status,
    reasons: JSON.parse(row.reasons) as Reason[],
    decidedByModerator: row.decidedById !== null,
    rejectClause: row.rejectClause,
    rejectNote: row.rejectNote,
    appeal: row.appeal,
  });
}

/** The statement as plain sentences (the email's text, and anywhere HTML is not wanted). */
export function statementText(statement: Statement): string[] {
  return [
    ...statement.lines.map((l) => `${l.lead} ${l.label}: ${l.detail}`),
    ...(statement.note ? [`Moderator’s note: ${statement.note}`] : []),
    ...(statement.appeal ? [statement.appeal.text] : []),
  ];
}
