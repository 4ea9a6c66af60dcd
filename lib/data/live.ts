// The live channel's one query (lib/live/hub.ts asks it, once per story per burst of changes, whatever the number of
// readers listening): what happened on a story's comments after a moment, reduced to what a reader with the page
// open may know. Held comments never appear: a comment is named only once it is published, and its later removal or
// deletion only if it was public before (its audit trail shows it left PUBLISHED).
import 'server-only';
import { db } from '../db';
import type { LiveChange } from '../live/changes';

const shown = (c: { status: string; hiddenByReports: boolean }) => c.status === 'PUBLISHED' && !c.hiddenByReports;
const after = (date: Date | null, since: Date) => date !== null && date > since;

export async function listLiveChanges(slug: string, sinceMs: number): Promise<LiveChange[] | null> {
  const since = new Date(sinceMs);
  const article = await db.article.findUnique({ where: { slug }, select: { id: true } });
  if (!article) return null;
  const rows = await db.comment.findMany({
    where: {
      articleId: article.id,
      OR: [
        { createdAt: { gt: since } },
        { decidedAt: { gt: since } },
        { editedAt: { gt: since } },
        { deletedAt: { gt: since } },
      ],
    },
    select: {
      id: true,
      threadId: true,
      status: true,
      hiddenByReports: true,
      createdAt: true,
      decidedAt: true,
      editedAt: true,
      deletedAt: true,
    },
    orderBy: { createdAt: 'asc' },
    take: 500,
  });

  const changes: LiveChange[] = [];
  const gone: typeof rows = [];
  for (const row of rows) {
    const threadId = row.threadId ?? row.id;
    if (shown(row)) {
      const appeared = after(row.createdAt, since) ? row.createdAt : after(row.decidedAt, since) ? row.decidedAt : null;
      if (appeared) changes.push({ kind: 'new', id: row.id, threadId, at: appeared.getTime() });
      if (after(row.editedAt, since))
        changes.push({ kind: 'edited', id: row.id, threadId, at: row.editedAt!.getTime() });
    } else if (after(row.deletedAt, since) || after(row.decidedAt, since)) gone.push(row);
  }
  if (gone.length > 0) {
    // Only what readers could have seen: a comment that was published before it was deleted or removed.
    const wasPublic = new Set(
      (
        await db.moderationEvent.findMany({
          where: { commentId: { in: gone.map((row) => row.id) }, toStatus: 'PUBLISHED' },
          select: { commentId: true },
        })
      ).map((event) => event.commentId),
    );
    for (const row of gone) {
      if (!wasPublic.has(row.id)) continue;
      const deleted = row.status === 'DELETED' && row.deletedAt;
      const at = (deleted ? row.deletedAt! : (row.decidedAt ?? row.deletedAt!)).getTime();
      changes.push({ kind: deleted ? 'deleted' : 'removed', id: row.id, threadId: row.threadId ?? row.id, at });
    }
  }
  return changes.sort((a, b) => a.at - b.at);
}
