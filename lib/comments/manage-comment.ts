// A reader's changes to an existing comment: edit within the window, delete (tombstone), react, report.
import { db } from '../db';
import { env } from '../env';
import { getActivePolicy } from '../data/policy';
import { checkDraft, type Reason } from '../policy';
import {
  canDeleteComment,
  canEditComment,
  canModerate,
  canReactToComment,
  canReport,
  canReportComment,
  commentBlock,
  ownsComment,
  type Viewer,
} from '../auth/permissions';
import { recordEvent } from './audit';
import { refreshTriageKey } from '../moderation/triage';
import { isUniqueViolation } from '../database/errors';
import { invalidateArticle } from '../cache/invalidate';

export type ManageResult =
  | { ok: true; message: string; reasons?: Reason[]; /** The story's slug: the page to refresh. */ articleSlug: string }
  | { ok: false; message: string; reasons?: Reason[] };

/** Distinct readers' reports that hide a comment until a moderator decides. */
export const reportHideThreshold = () => env().REPORT_HIDE_THRESHOLD;

async function loadComment(id: string) {
  return db.comment.findUnique({
    where: { id },
    select: {
      id: true,
      userId: true,
      status: true,
      createdAt: true,
      articleId: true,
      article: { select: { slug: true } },
      hiddenByReports: true,
      version: true,
      originalBody: true,
      appeal: { select: { status: true } },
    },
  });
}

/** While an appeal is open only the appeal decision may change the comment (lib/moderation/appeals.ts). */
const underAppeal = 'This comment has an open appeal: it stays as it is until a moderator decides the appeal.';

export async function editComment(
  viewer: Viewer,
  commentId: string,
  body: string,
  now = new Date(),
): Promise<ManageResult> {
  const comment = await loadComment(commentId);
  if (!comment || !ownsComment(viewer, comment)) return { ok: false, message: 'You can only edit your own comments.' };
  if (comment.originalBody !== null)
    return { ok: false, message: 'A moderator removed part of this comment, so it can no longer be edited.' };
  if (!canEditComment(viewer, comment, now, env().COMMENT_EDIT_WINDOW_SECONDS)) {
    const minutes = Math.round(env().COMMENT_EDIT_WINDOW_SECONDS / 60);
    return { ok: false, message: `Comments can only be edited within ${minutes} minutes of posting.` };
  }
  const reasons = checkDraft(body, (await getActivePolicy()).compiled);
  const rejecting = reasons.filter((reason) => reason.outcome === 'reject');
  if (rejecting.length)
    return { ok: false, message: 'Your edit was not saved because it breaks the comment policy.', reasons: rejecting };
  const held = reasons.length > 0;
  const toStatus = held ? 'PENDING' : comment.status;
  const updated = await db.$transaction(async (tx) => {
    const result = await tx.comment.updateMany({
      where: { id: comment.id, version: comment.version },
      data: {
        body,
        editedAt: now,
        status: toStatus,
        reasons: held ? JSON.stringify(reasons) : undefined,
        version: { increment: 1 },
      },
    });
    if (result.count !== 1) return false;
    if (held) await refreshTriageKey(tx, comment.id);
    if (comment.status === 'PUBLISHED' && toStatus !== 'PUBLISHED' && !comment.hiddenByReports)
      await tx.article.update({ where: { id: comment.articleId }, data: { commentCount: { decrement: 1 } } });
    await recordEvent(tx, {
      commentId: comment.id,
      actorType: 'reader',
      actorId: viewer.id,
      action: held ? 'edit-held' : 'edit',
      fromStatus: comment.status,
      toStatus,
      clause: reasons[0]?.clause,
      // A held edit is an automatic hold: every clause it cites is counted.
      clauses: reasons.map((reason) => reason.clause),
    });
    return true;
  });
  if (!updated) return { ok: false, message: 'The comment changed while you were editing it; reload and try again.' };
  await invalidateArticle(comment.articleId);
  return held
    ? { ok: true, message: 'Your edit was saved and is held for review.', reasons, articleSlug: comment.article.slug }
    : { ok: true, message: 'Your edit was saved.', articleSlug: comment.article.slug };
}

export async function deleteComment(viewer: Viewer, commentId: string, now = new Date()): Promise<ManageResult> {
  const comment = await loadComment(commentId);
  if (!comment || !canDeleteComment(viewer, comment)) return { ok: false, message: 'You cannot delete this comment.' };
  if (comment.appeal?.status === 'OPEN') return { ok: false, message: underAppeal };
  const deleted = await db.$transaction(async (tx) => {
    const result = await tx.comment.updateMany({
      // The version read above: an appeal filed meanwhile bumps it, and the deletion does not land.
      where: { id: comment.id, version: comment.version, status: { not: 'DELETED' } },
      data: { status: 'DELETED', deletedAt: now, version: { increment: 1 } },
    });
    if (result.count !== 1) return false;
    if (comment.status === 'PUBLISHED' && !comment.hiddenByReports)
      await tx.article.update({ where: { id: comment.articleId }, data: { commentCount: { decrement: 1 } } });
    await recordEvent(tx, {
      commentId: comment.id,
      actorType: comment.userId === viewer.id ? 'reader' : 'moderator',
      actorId: viewer.id,
      action: 'delete',
      fromStatus: comment.status,
      toStatus: 'DELETED',
    });
    return true;
  });
  if (!deleted) return { ok: false, message: 'The comment changed meanwhile; reload and try again.' };
  await invalidateArticle(comment.articleId);
  return { ok: true, message: 'Your comment was deleted.', articleSlug: comment.article.slug };
}

export async function toggleReaction(viewer: Viewer, commentId: string): Promise<ManageResult & { reacted?: boolean }> {
  const now = new Date();
  const blocked = commentBlock(viewer, now);
  if (blocked) return { ok: false, message: blocked };
  const comment = await loadComment(commentId);
  if (!comment || comment.status !== 'PUBLISHED' || comment.hiddenByReports)
    return { ok: false, message: 'This comment is not available.' };
  if (!canReactToComment(viewer, comment, now)) return { ok: false, message: 'You cannot respect your own comment.' };
  const result = await db.$transaction(async (tx) => {
    const removed = await tx.reaction.deleteMany({ where: { commentId, userId: viewer.id } });
    if (removed.count > 0) {
      await tx.comment.update({ where: { id: commentId }, data: { reactionCount: { decrement: 1 } } });
      return { ok: true as const, message: 'Respect withdrawn.', reacted: false, articleSlug: comment.article.slug };
    }
    await tx.reaction.create({ data: { commentId, userId: viewer.id } });
    await tx.comment.update({ where: { id: commentId }, data: { reactionCount: { increment: 1 } } });
    return { ok: true as const, message: 'Respect given.', reacted: true, articleSlug: comment.article.slug };
  });
  await invalidateArticle(comment.articleId);
  return result;
}

export async function reportComment(
  viewer: Viewer,
  input: { commentId: string; clause: string; note: string },
): Promise<ManageResult> {
  if (!canReport(viewer)) return { ok: false, message: 'Your account has been banned.' };
  const comment = await loadComment(input.commentId);
  if (!comment || comment.status !== 'PUBLISHED') return { ok: false, message: 'This comment is not available.' };
  if (!canReportComment(viewer, comment)) return { ok: false, message: 'You cannot report your own comment.' };
  try {
    await db.$transaction(async (tx) => {
      await tx.report.create({
        data: { commentId: comment.id, userId: viewer.id, clause: input.clause, note: input.note },
      });
      const updated = await tx.comment.update({
        where: { id: comment.id },
        data: { reportCount: { increment: 1 } },
        select: { reportCount: true, hiddenByReports: true },
      });
      await refreshTriageKey(tx, comment.id);
      await recordEvent(tx, {
        commentId: comment.id,
        actorType: 'reader',
        actorId: viewer.id,
        action: 'report',
        fromStatus: comment.status,
        toStatus: comment.status,
        clause: input.clause,
        note: input.note || null,
      });
      if (!updated.hiddenByReports && updated.reportCount >= reportHideThreshold() && !canModerate(viewer)) {
        await tx.comment.update({ where: { id: comment.id }, data: { hiddenByReports: true } });
        await tx.article.update({ where: { id: comment.articleId }, data: { commentCount: { decrement: 1 } } });
        await recordEvent(tx, {
          commentId: comment.id,
          actorType: 'system',
          action: 'hide-by-reports',
          fromStatus: comment.status,
          toStatus: comment.status,
          clause: input.clause,
          note: `Hidden after ${updated.reportCount} reports, until a moderator decides.`,
        });
      }
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, message: 'You have already reported this comment.' };
    throw error;
  }
  // Enough reports hide the comment: the page changes.
  await invalidateArticle(comment.articleId);
  return { ok: true, message: 'Thank you. A moderator will look at this comment.', articleSlug: comment.article.slug };
}
