// Read models about accounts: a reader's email preferences, and the names staff pages show for user ids.
import 'server-only';
import { db } from '../db';

export function getNotificationPreferences(userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { notifyReplies: true, notifyAuthorReplies: true, notifyModeration: true },
  });
}

/** Searches of names and emails (the desk's people search, the audit log's person filter, the queues' commenter
 *  filter) ignore case on both databases. */
export { containsText } from '../database/contains';

/** Display names (or emails) of the given users, by id. */
export async function namesOfUsers(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, displayName: true, email: true },
  });
  return new Map(users.map((u) => [u.id, u.displayName ?? u.email]));
}

/** The measures in force on an account, each with the clause and message of the decision that imposed it (the
 *  latest audit entry of that measure; none for a measure from before clauses were recorded). */
export async function measuresInForce(
  user: { id: string; suspendedUntil: Date | null; bannedAt: Date | null; premoderated: boolean },
  now = new Date(),
) {
  const active = [
    ...(user.bannedAt ? [{ kind: 'ban' as const, action: 'user-ban', until: null }] : []),
    ...(user.suspendedUntil && user.suspendedUntil > now
      ? [{ kind: 'suspend' as const, action: 'user-suspend', until: user.suspendedUntil }]
      : []),
    ...(user.premoderated ? [{ kind: 'premoderate' as const, action: 'user-premoderate-on', until: null }] : []),
  ];
  if (active.length === 0) return [];
  const events = await db.moderationEvent.findMany({
    where: { subjectUserId: user.id, action: { in: active.map((m) => m.action) } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, action: true, clause: true, note: true, createdAt: true, actorId: true },
  });
  return active.map((measure) => {
    const event = events.find((e) => e.action === measure.action);
    return {
      ...measure,
      clause: event?.clause ?? null,
      since: event?.createdAt ?? null,
      note: event?.note ?? null,
      /** The audit entry that imposed it: what an appeal is about (lib/moderation/measure-appeals.ts). */
      eventId: event?.id ?? null,
      imposedById: event?.actorId ?? null,
    };
  });
}

/** The readers this reader has muted (issue 17), newest first: the profile's list to unmute. */
export async function listMutes(userId: string) {
  const rows = await db.mute.findMany({
    where: { muterId: userId },
    orderBy: { createdAt: 'desc' },
    select: { mutedId: true, createdAt: true, muted: { select: { displayName: true } } },
  });
  return rows.map((row) => ({ userId: row.mutedId, name: row.muted.displayName ?? 'A reader', since: row.createdAt }));
}

/** The reader's appeals of measures on their account (issue 16), newest first: the profile shows each one's state. */
export function listMeasureAppeals(userId: string) {
  return db.appeal.findMany({
    where: { userId, measureEventId: { not: null } },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      measureEventId: true,
      measureKind: true,
      statement: true,
      status: true,
      createdAt: true,
      decidedAt: true,
      decisionNote: true,
    },
  });
}
