// What the policy weighs besides the text of a submission: the writer's conduct and recent comments, the
// story's settings, and the recent traffic from the same address (flood and duplicate rules).
import { db } from '../db';
import type { PolicyContext } from '../policy';
import { isStaff, type Viewer } from '../auth/permissions';
import { loadConductOf } from '../moderation/conduct';

const recentWindowMs = 10 * 60_000;

export type ContextInput = { viewer: Viewer; ip?: string; replaces?: string };

export async function loadContext(
  input: ContextInput,
  article: { commentsOpen: boolean; premoderate: boolean; publishedAt: Date; autoCloseDays: number | null },
  now: Date,
  settings: { floodPerUserPerMinute: number; floodPerIpPerMinute: number },
): Promise<PolicyContext> {
  const since = new Date(now.getTime() - recentWindowMs);
  const [conduct, recentByAuthor, recentByOthers, recentFromIp] = await Promise.all([
    loadConductOf(input.viewer.id),
    db.comment.findMany({
      // The comment being corrected is not a recent duplicate of its correction.
      where: {
        userId: input.viewer.id,
        createdAt: { gte: since },
        ...(input.replaces ? { id: { not: input.replaces } } : {}),
      },
      select: { body: true, createdAt: true },
      orderBy: { createdAt: 'desc' },
      // Enough to see the flood limit crossed, however high an admin sets it.
      take: Math.max(50, settings.floodPerUserPerMinute + 1),
    }),
    db.comment.findMany({
      where: { userId: { not: input.viewer.id }, createdAt: { gte: since } },
      select: { body: true, userId: true, createdAt: true },
      orderBy: { createdAt: 'desc' },
      take: 200,
    }),
    input.ip
      ? db.comment.findMany({
          where: { ip: input.ip, createdAt: { gte: new Date(now.getTime() - 60_000) } },
          select: { createdAt: true },
          // The newest ones: the limit-th newest says when the address may post again.
          orderBy: { createdAt: 'desc' },
          take: settings.floodPerIpPerMinute,
        })
      : Promise.resolve([]),
  ]);
  return {
    now,
    author: {
      id: input.viewer.id,
      createdAt: input.viewer.createdAt,
      // Conduct, not status: duplicates and the writer's own deletions change nothing (lib/policy/trust.ts).
      approvedCount: conduct.approvedCount,
      publishedCount: conduct.approvedCount,
      rejectedCount: conduct.breaches.length,
      premoderated: input.viewer.premoderated,
      isStaff: isStaff(input.viewer),
    },
    article,
    recentByAuthor,
    recentByOthers: recentByOthers.map((row) => ({
      body: row.body,
      authorId: row.userId ?? '',
      createdAt: row.createdAt,
    })),
    recentFromIp,
  };
}
