// The moderation queue's live channel asks these (lib/live/queue-hub.ts, registered at start by instrumentation.ts):
// who holds a session cookie, and what a console with given filters shows now. The session is read as next-auth's
// database sessions are (the row by its token, unexpired) and the role as every staff page checks it (canModerate).
import 'server-only';
import { db, type Prisma } from '../db';
import { canModerate, viewerSelect } from '../auth/permissions';
import type { QueueAnswer } from '../live/queue';
import {
  allComments,
  narrowFilter,
  queueCounts,
  queueNames,
  queueWhere,
  textSearchable,
  type QueueName,
} from '../moderation/queues';
import { readQueueFilter } from '../validation/moderation';

export async function sessionHolder(sessionTokens: string[]): Promise<'staff' | 'signed-in' | null> {
  let found: 'signed-in' | null = null;
  for (const sessionToken of sessionTokens.slice(0, 2)) {
    const session = await db.session.findUnique({
      where: { sessionToken },
      select: { expires: true, user: { select: viewerSelect } },
    });
    if (!session || session.expires <= new Date()) continue;
    if (canModerate(session.user)) return 'staff';
    found = 'signed-in';
  }
  return found;
}

/** How an item entered each queue after `since`: held or re-held, first reported, published unchecked, appealed,
 *  decided. */
function enteredSince(queue: QueueName, since: Date): Prisma.CommentWhereInput {
  switch (queue) {
    case 'pending':
      return { OR: [{ createdAt: { gt: since } }, { editedAt: { gt: since } }] };
    case 'reported':
      return { reports: { none: { createdAt: { lte: since } } } };
    case 'unmoderated':
      return { createdAt: { gt: since } };
    case 'appeals':
      return { appeal: { is: { createdAt: { gt: since } } } };
    case 'approved':
    case 'rejected':
      return { decidedAt: { gt: since } };
  }
}

/** The console's counts, with its filters as the page applies them (moderate/page.tsx), and the items that entered
 *  its queue since it was rendered. */
export async function lookQueue(query: string, sinceMs: number | null): Promise<QueueAnswer> {
  const params = new URLSearchParams(query);
  const given = readQueueFilter((name) => params.get(name));
  const asked = params.get('queue') ?? '';
  const all = asked === allComments;
  const queue = (queueNames as readonly string[]).includes(asked) ? (asked as QueueName) : 'pending';
  const filter = await narrowFilter({ ...given, q: all || textSearchable.has(queue) ? given.q : undefined });
  const [counts, fresh] = await Promise.all([
    queueCounts(filter),
    all || sinceMs === null
      ? null
      : db.comment.count({ where: { AND: [queueWhere(queue, filter), enteredSince(queue, new Date(sinceMs))] } }),
  ]);
  return { counts, fresh };
}
