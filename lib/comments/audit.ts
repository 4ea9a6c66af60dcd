// The append-only audit log. Entries are only ever created; nothing in the app updates or deletes them.
import type { Db } from '../db';

export type AuditEntry = {
  commentId: string | null;
  actorType: 'rule' | 'moderator' | 'author' | 'reader' | 'system';
  actorId?: string | null;
  /** The account the entry is about (a measure, a note, a change of name). */
  subjectUserId?: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  /** The first clause cited: what the log shows on one line. */
  clause?: string | null;
  /**
   * Every clause a decision cites (an automatic hold can cite several), each stored once as a
   * DecisionClause row: the transparency report counts these. Automatic decisions that pass none
   * still record their one clause, so no automatic decision goes uncounted.
   */
  clauses?: readonly string[];
  note?: string | null;
  /** A reversal (lib/moderation/undo.ts): the entry it reverses, which then no longer counts. */
  reversesId?: string | null;
};

export async function recordEvent(tx: Pick<Db, 'moderationEvent' | 'decisionClause'>, entry: AuditEntry) {
  const { clauses, ...data } = entry;
  const event = await tx.moderationEvent.create({ data });
  const cited = [...new Set(clauses ?? (entry.actorType === 'rule' && entry.clause ? [entry.clause] : []))];
  if (cited.length)
    await tx.decisionClause.createMany({
      data: cited.map((clause) => ({
        eventId: event.id,
        clause,
        commentId: event.commentId,
        actorType: event.actorType,
        action: event.action,
        createdAt: event.createdAt,
      })),
    });
  return event;
}
