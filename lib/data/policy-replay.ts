// Recent comments with the context each one had when it was posted, for the rules dry run (lib/policy/replay).
import 'server-only';
import { db } from '../db';
import type { PolicyContext, ReplaySample } from '../policy';

const windowMs = 10 * 60_000;

export async function loadReplaySamples(limit: number): Promise<ReplaySample[]> {
  const comments = await db.comment.findMany({
    where: { userId: { not: null }, status: { not: 'DELETED' } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: {
      id: true,
      body: true,
      userId: true,
      ip: true,
      createdAt: true,
      user: { select: { createdAt: true, premoderated: true, role: true } },
      article: { select: { commentsOpen: true, premoderate: true, publishedAt: true, autoCloseDays: true } },
    },
  });
  if (comments.length === 0) return [];
  const oldest = comments.at(-1)!.createdAt;
  // Everything that could be "recent" to one of the samples, loaded once.
  const nearby = await db.comment.findMany({
    where: { userId: { not: null }, createdAt: { gte: new Date(oldest.getTime() - windowMs) } },
    select: { body: true, userId: true, ip: true, status: true, createdAt: true },
    orderBy: { createdAt: 'desc' },
  });
  // Each author's whole history (status as it stands today), for the new-commenter and trust rules.
  const userIds = [...new Set(comments.map((comment) => comment.userId!))];
  const history = await db.comment.findMany({
    where: { userId: { in: userIds } },
    select: { userId: true, status: true, createdAt: true },
  });
  const historyOf = new Map<string, typeof history>();
  for (const row of history) {
    const list = historyOf.get(row.userId!);
    if (list) list.push(row);
    else historyOf.set(row.userId!, [row]);
  }
  return comments.map((comment) => {
    const before = nearby.filter((other) => other.createdAt < comment.createdAt);
    const recent = before.filter((other) => comment.createdAt.getTime() - other.createdAt.getTime() <= windowMs);
    const own = (historyOf.get(comment.userId!) ?? []).filter((other) => other.createdAt < comment.createdAt);
    const context: PolicyContext = {
      // Judged as of its posting time, except that the article's settings are today's.
      now: comment.createdAt,
      author: {
        id: comment.userId!,
        createdAt: comment.user?.createdAt ?? comment.createdAt,
        approvedCount: own.filter((other) => other.status === 'PUBLISHED').length,
        publishedCount: own.filter((other) => other.status === 'PUBLISHED').length,
        rejectedCount: own.filter((other) => other.status === 'REJECTED').length,
        premoderated: comment.user?.premoderated ?? false,
        isStaff: comment.user?.role === 'MODERATOR' || comment.user?.role === 'ADMIN',
      },
      // Closing a story later must not make its past comments look like refusals.
      article: { ...comment.article, commentsOpen: true, autoCloseDays: null },
      recentByAuthor: recent
        .filter((other) => other.userId === comment.userId)
        .map(({ body, createdAt }) => ({ body, createdAt })),
      recentByOthers: recent
        .filter((other) => other.userId !== comment.userId)
        .map(({ body, userId, createdAt }) => ({ body, authorId: userId!, createdAt })),
      recentFromIp: comment.ip
        ? recent
            .filter(
              (other) => other.ip === comment.ip && comment.createdAt.getTime() - other.createdAt.getTime() <= 60_000,
            )
            .map(({ createdAt }) => ({ createdAt }))
        : [],
    };
    return { id: comment.id, body: comment.body, context };
  });
}
