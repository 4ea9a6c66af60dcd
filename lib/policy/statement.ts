// The statement of reasons: what a reader is told about their held or rejected comment. One function for
// every place that tells them (the article page, the profile page, the decision email), so they never
// disagree. While only the automatic checks have looked at a comment, it gives their reasons; once a
// moderator has decided, it gives the moderator's decision instead: the clause, the note, and the appeal.
import { clauseHref, clauseLabel, getClause, isClauseId, type ClauseId } from './clauses';
import { removedParts } from './redaction';
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
  /** A moderator removed part of the comment and published the rest (lib/moderation/redact.ts). */
  redaction?: { clause: string; note: string | null; removed: readonly string[] } | null;
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
  /** What a moderator removed from a published comment, in the writer's words (empty otherwise). */
  removed: string[];
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

/** Where the writer's one appeal against a moderator's decision stands. */
function appealState(input: StatementInput): NonNullable<Statement['appeal']> {
  if (!input.appeal)
    return {
      state: 'available',
      text: 'You may ask, once, for a second moderator to review this decision.',
      href: appealHref(input.id),
    };
  if (input.appeal.status === 'OPEN')
    return { state: 'open', text: 'Your appeal is with a moderator who did not make the decision.', href: null };
  return {
    state: 'upheld',
    text: `A second moderator reviewed your appeal: the decision stands${input.appeal.decisionNote ? ` (“${input.appeal.decisionNote}”)` : ''}.`,
    href: null,
  };
}

export const redactedHeadline = 'Part of your comment was removed by a moderator; the rest is published.';

/** null when there is nothing to explain (published comments a moderator did not edit, deleted comments). */
export function statementOfReasons(input: StatementInput): Statement | null {
  if (input.status === 'PUBLISHED' && input.redaction && isClauseId(input.redaction.clause))
    return {
      by: 'moderator',
      headline: redactedHeadline,
      lines: [
        line(
          'Part of your comment was removed under',
          input.redaction.clause,
          getClause(input.redaction.clause).summary,
        ),
      ],
      note: input.redaction.note,
      appeal: appealState(input),
      canResubmit: false,
      next: 'Readers see “[removed by a moderator]” where the text was taken out.',
      removed: [...input.redaction.removed],
    };
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
  const appeal = held ? null : appealState(input);
  return {
    by: human ? 'moderator' : 'automatic',
    headline,
    lines,
    note: human ? input.rejectNote : null,
    appeal,
    canResubmit: !held && input.appeal?.status !== 'OPEN',
    next: held ? heldNext : null,
    removed: [],
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
  /** A moderator's redaction (lib/moderation/redact.ts): the published body, the original and the decision. */
  body?: string;
  originalBody?: string | null;
  redactClause?: string | null;
  redactNote?: string | null;
}): Statement | null {
  if (row.status === 'PUBLISHED' && row.originalBody != null && row.body !== undefined && row.redactClause)
    return statementOfReasons({
      id: row.id,
      status: row.status,
      reasons: [],
      decidedByModerator: true,
      rejectClause: null,
      rejectNote: null,
      appeal: row.appeal,
      redaction: {
        clause: row.redactClause,
        note: row.redactNote ?? null,
        removed: removedParts(row.originalBody, row.body),
      },
    });
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
    ...statement.removed.map((text) => `Removed: “${text}”`),
    ...(statement.note ? [`Moderator’s note: ${statement.note}`] : []),
    ...(statement.appeal ? [statement.appeal.text] : []),
  ];
}
