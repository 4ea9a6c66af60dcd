// The append-only audit log. Entries are only ever created; nothing in the app updates or deletes them.
import type { Db } from '../db';

export type AuditEntry = {
  commentId: string | null;
  actorType: 'rule' | 'moderator' | 'author' | 'reader' | 'system';
  actorId?: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  clause?: string | null;
  note?: string | null;
};

export function recordEvent(tx: Pick<Db, 'moderationEvent'>, entry: AuditEntry) {
  return tx.moderationEvent.create({ data: entry });
}
