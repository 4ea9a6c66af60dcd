// Read model for the Appeals tab's appeals of measures on accounts (issue 16): what the moderator deciding needs —
// the reader, the measure with its clause, message, who imposed it and when, and the reader's statement.
import 'server-only';
import { db } from '../db';
import { namesOfUsers } from './accounts';

export type MeasureAppealCard = Awaited<ReturnType<typeof listOpenMeasureAppeals>>[number];

/** Open appeals of measures, oldest first (like the comments' appeals). */
export async function listOpenMeasureAppeals(take = 50) {
  const appeals = await db.appeal.findMany({
    where: { status: 'OPEN', measureEventId: { not: null } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take,
    select: { id: true, userId: true, measureEventId: true, measureKind: true, statement: true, createdAt: true },
  });
  if (appeals.length === 0) return [];
  const [events, users] = await Promise.all([
    db.moderationEvent.findMany({
      where: { id: { in: appeals.map((a) => a.measureEventId!) } },
      select: { id: true, actorId: true, clause: true, note: true, toStatus: true, createdAt: true },
    }),
    db.user.findMany({
      where: { id: { in: appeals.map((a) => a.userId) } },
      select: { id: true, displayName: true, email: true, suspendedUntil: true },
    }),
  ]);
  const names = await namesOfUsers(events.flatMap((e) => (e.actorId ? [e.actorId] : [])));
  return appeals.map((appeal) => {
    const event = events.find((e) => e.id === appeal.measureEventId);
    const user = users.find((u) => u.id === appeal.userId);
    return {
      id: appeal.id,
      kind: appeal.measureKind as 'suspend' | 'ban' | 'premoderate',
      statement: appeal.statement,
      filedAt: appeal.createdAt,
      user: { id: appeal.userId, name: user?.displayName ?? user?.email ?? 'A reader' },
      until: appeal.measureKind === 'suspend' ? (user?.suspendedUntil ?? null) : null,
      clause: event?.clause ?? null,
      note: event?.note ?? null,
      imposedAt: event?.createdAt ?? null,
      imposedById: event?.actorId ?? null,
      imposedBy: (event?.actorId && names.get(event.actorId)) || 'a moderator',
    };
  });
}
