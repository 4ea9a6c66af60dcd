// One appeal per rejected comment; decided by a moderator other than the one who rejected it.
import { db } from '../db';
import { recordEvent } from '../comments/audit';
import { isUniqueViolation } from '../comments/submit-comment';
import { onCommentPublished, onModerationDecision } from '../notifications/events';
import { canDecideAppeal, type Viewer } from '../permissions';
import { invalidateArticle } from '../cache/invalidate';

export async function fileAppeal(viewer: Viewer, commentId: string, statement: string) {
  const comment = await db.comment.findUnique({ where: { id: commentId }, select: { id: true, userId: true, status: true, rejectClause: true } });
  if (!comment || comment.userId !== viewer.id) return { ok: false as const, message: 'You can only appeal decisions on your own comments.' };
  if (comment.status !== 'REJECTED') return { ok: false as const, message: 'Only rejected comments can be appealed.' };
  try {
    await db.$transaction(async (tx) => {
      await tx.appeal.create({ data: { commentId: comment.id, userId: viewer.id, statement } });
      await recordEvent(tx, { commentId: comment.id, actorType: 'reader', actorId: viewer.id, action: 'appeal', fromStatus: 'REJECTED', toStatus: 'REJECTED', clause: comment.rejectClause, note: statement });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false as const, message: 'You have already appealed this decision; each decision can be appealed once.' };
    throw error;
  }
  return { ok: true as const, message: 'Your appeal is with a moderator who did not make the original decision.' };
}

export async function decideAppeal(moderator: Viewer, appealId: string, outcome: 'uphold' | 'reinstate', note: string | null, now = new Date()) {
  const appeal = await db.appeal.findUnique({ where: { id: appealId } });
  if (!appeal) return { ok: false as const, message: 'No such appeal.' };
  const comment = await db.comment.findUniqueOrThrow({ where: { id: appeal.commentId }, select: { id: true, userId: true, decidedById: true, articleId: true, rejectClause: true, version: true, status: true } });
  if (!canDecideAppeal(moderator, comment))
    return {
      ok: false as const,
      message: comment.userId === moderator.id ? 'This is an appeal on your own comment: another moderator must decide it.' : 'You made the original decision; another moderator must decide this appeal.',
    };
  const done = await db.$transaction(async (tx) => {
    const claimed = await tx.appeal.updateMany({
      where: { id: appeal.id, status: 'OPEN' },
      data: { status: outcome === 'reinstate' ? 'REINSTATED' : 'UPHELD', decidedAt: now, decidedById: moderator.id, decisionNote: note },
    });
    if (claimed.count !== 1) return false;
    if (outcome === 'reinstate') {
      const updated = await tx.comment.updateMany({
        where: { id: comment.id, status: 'REJECTED' },
        data: { status: 'PUBLISHED', hiddenByReports: false, decidedAt: now, decidedById: moderator.id, rejectClause: null, rejectNote: null, version: { increment: 1 } },
      });
      if (updated.count === 1) {
        await tx.article.update({ where: { id: comment.articleId }, data: { commentCount: { increment: 1 } } });
        await onCommentPublished(tx, comment.id);
      }
    }
    await recordEvent(tx, {
      commentId: comment.id,
      actorType: 'moderator',
      actorId: moderator.id,
      action: outcome === 'reinstate' ? 'appeal-reinstate' : 'appeal-uphold',
      fromStatus: 'REJECTED',
      toStatus: outcome === 'reinstate' ? 'PUBLISHED' : 'REJECTED',
      clause: comment.rejectClause,
      note,
    });
    await onModerationDecision(tx, { commentId: comment.id, outcome: outcome === 'reinstate' ? 'appeal-reinstated' : 'appeal-upheld', clause: comment.rejectClause, note });
    return true;
  });
  if (!done) return { ok: false as const, message: 'This appeal has already been decided.' };
  if (outcome === 'reinstate') await invalidateArticle(comment.articleId);
  return { ok: true as const, message: outcome === 'reinstate' ? 'The comment is reinstated and published.' : 'The rejection is upheld.' };
}
