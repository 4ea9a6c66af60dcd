// Muting (issue 17): a signed-in reader collapses another commenter's comments for themselves only. Nobody else's
// view changes, and signed-out pages (the page cache) never see a mute, so nothing is invalidated.
import { db } from '../db';
import type { Viewer } from '../auth/permissions';

export type MuteResult = { ok: true; message: string; articleSlug?: string } | { ok: false; message: string };

/** Mutes the reader who wrote this comment (the comment names them: readers never handle each other's ids). */
export async function muteCommenter(viewer: Viewer, commentId: string): Promise<MuteResult> {
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: { userId: true, status: true, article: { select: { slug: true } } },
  });
  // An author's reply has no reader account; a deleted comment no writer to mute.
  if (!comment || !comment.userId || comment.status === 'DELETED')
    return { ok: false, message: 'This comment’s writer cannot be muted.' };
  if (comment.userId === viewer.id) return { ok: false, message: 'You cannot mute yourself.' };
  await db.mute.upsert({
    where: { muterId_mutedId: { muterId: viewer.id, mutedId: comment.userId } },
    create: { muterId: viewer.id, mutedId: comment.userId },
    update: {},
  });
  return { ok: true, message: 'Muted: their comments are collapsed for you.', articleSlug: comment.article.slug };
}

export async function unmuteCommenter(viewer: Viewer, mutedId: string): Promise<MuteResult> {
  const removed = await db.mute.deleteMany({ where: { muterId: viewer.id, mutedId } });
  return removed.count > 0
    ? { ok: true, message: 'Unmuted: their comments show in full again.' }
    : { ok: false, message: 'You had not muted this reader.' };
}
