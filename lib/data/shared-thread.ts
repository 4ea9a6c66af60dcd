// Whether a signed-in viewer sees a story's list of threads exactly as the shared signed-in edition shows it
// (lib/cache/shared-thread.ts): a reader who may post, with nothing of their own on the story. Anything that makes
// the list theirs (a comment of theirs in any state, a reaction, a muted writer, staff rights, a block on posting)
// sends the page down the whole render, as before. One small query per table, answered from an index each.
import 'server-only';
import { db } from '../db';
import { commentBlock, isStaff, type Viewer } from '../auth/permissions';

export async function seesSharedThread(articleId: string, viewer: Viewer, now = new Date()): Promise<boolean> {
  if (isStaff(viewer) || commentBlock(viewer, now) !== null) return false;
  const [comment, reaction, mute] = await Promise.all([
    db.comment.findFirst({ where: { articleId, userId: viewer.id }, select: { id: true } }),
    db.reaction.findFirst({ where: { userId: viewer.id, comment: { articleId } }, select: { commentId: true } }),
    db.mute.findFirst({ where: { muterId: viewer.id }, select: { mutedId: true } }),
  ]);
  return !comment && !reaction && !mute;
}

/** A signature of the story's comments as stored: it changes with any comment added, edited, deleted, decided,
 *  reacted to or reported, through the app or not (a script, an import, a test writing rows). The shared list is
 *  kept per signature as well as dropped by invalidations, so a page never gets a list older than its own read. */
export async function sharedListVersion(articleId: string): Promise<string> {
  const found = await db.comment.aggregate({
    where: { articleId },
    _count: { _all: true },
    _sum: { version: true, reactionCount: true, reportCount: true },
    _max: { createdAt: true, editedAt: true, deletedAt: true, decidedAt: true },
  });
  const times = [found._max.createdAt, found._max.editedAt, found._max.deletedAt, found._max.decidedAt];
  return [
    found._count._all,
    found._sum.version ?? 0,
    found._sum.reactionCount ?? 0,
    found._sum.reportCount ?? 0,
    ...times.map((time) => time?.getTime() ?? 0),
  ].join('.');
}
