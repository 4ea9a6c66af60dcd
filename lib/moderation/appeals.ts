// One appeal per rejected comment; decided by a moderator other than the one who rejected it.
// Filing an appeal bumps the comment's version, so a console tab opened before the appeal cannot decide the
// comment any more (its compare-and-set fails); while the appeal is open, decideComment refuses every other
// decision (lib/moderation/decide.ts). Deciding the appeal bumps the version again and closes the appeal.
// A moderator's redaction (lib/moderation/redact.ts) is appealed the same way: reinstating it publishes the
// original words again (the second moderator's decision); upholding it leaves the comment as published.
import { db } from '../db';
import { recordEvent } from '../comments/audit';
import { isUniqueViolation } from '../database/errors';
import { onCommentPublished, onModerationDecision } from '../notifications/events';
import { canAppealComment, canDecideAppeal, ownsComment, type Viewer } from '../auth/permissions';
import { invalidateArticle, invalidateQueues } from '../cache/invalidate';
import { releaseNewAccountHolds } from './release';

export async function fileAppeal(viewer: Viewer, commentId: string, statement: string) {
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: {
      id: true,
      userId: true,
      status: true,
      rejectClause: true,
      originalBody: true,
      redactClause: true,
      version: true,
    },
  });
  if (!comment || !ownsComment(viewer, comment))
    return { ok: false as const, message: 'You can only appeal decisions on your own comments.' };
  if (!canAppealComment(viewer, comment))
    return {
      ok: false as const,
      message: 'Only rejected comments, and comments a moderator removed part of, can be appealed.',
    };
  const status = comment.status === 'REJECTED' ? ('REJECTED' as const) : ('PUBLISHED' as const);
  try {
    const filed = await db.$transaction(async (tx) => {
      // Compare-and-set: the appeal is about the decision the reader saw, and every open console card goes stale.
      const locked = await tx.comment.updateMany({
        where: { id: comment.id, version: comment.version, status },
        data: { version: { increment: 1 } },
      });
      if (locked.count !== 1) return false;
      await tx.appeal.create({ data: { commentId: comment.id, userId: viewer.id, statement } });
      await recordEvent(tx, {
        commentId: comment.id,
        actorType: 'reader',
        actorId: viewer.id,
        action: 'appeal',
        fromStatus: status,
        toStatus: status,
        clause: status === 'REJECTED' ? comment.rejectClause : comment.redactClause,
        note: statement,
      });
      return true;
    });
    if (!filed)
      return {
        ok: false as const,
        message: 'The decision on this comment changed meanwhile: reload your profile and look again.',
      };
  } catch (error) {
    if (isUniqueViolation(error))
      return {
        ok: false as const,
        message: 'You have already appealed this decision; each decision can be appealed once.',
      };
    throw error;
  }
  invalidateQueues();
  return { ok: true as const, message: 'Your appeal is with a moderator who did not make the decision.' };
}

class StaleAppealError extends Error {}

export async function decideAppeal(
  moderator: Viewer,
  appealId: string,
  outcome: 'uphold' | 'reinstate',
  note: string | null,
  now = new Date(),
) {
  const appeal = await db.appeal.findUnique({ where: { id: appealId } });
  // An appeal of a measure on an account is decided by lib/moderation/measure-appeals.ts.
  if (!appeal?.commentId) return { ok: false as const, message: 'No such appeal.' };
  const comment = await db.comment.findUniqueOrThrow({
    where: { id: appeal.commentId },
    select: {
      id: true,
      userId: true,
      decidedById: true,
      articleId: true,
      article: { select: { slug: true } },
      rejectClause: true,
      originalBody: true,
      redactClause: true,
      version: true,
      status: true,
    },
  });
  // An appeal against a redaction: the comment is published, with part removed.
  const redacted = comment.status === 'PUBLISHED' && comment.originalBody !== null;
  const from = redacted ? ('PUBLISHED' as const) : ('REJECTED' as const);
  if (!canDecideAppeal(moderator, comment))
    return {
      ok: false as const,
      message: ownsComment(moderator, comment)
        ? 'This is an appeal on your own comment: another moderator must decide it.'
        : 'You made the original decision; another moderator must decide this appeal.',
    };
  const done = await db
    .$transaction(async (tx) => {
      const claimed = await tx.appeal.updateMany({
        where: { id: appeal.id, status: 'OPEN' },
        data: {
          status: outcome === 'reinstate' ? 'REINSTATED' : 'UPHELD',
          decidedAt: now,
          decidedById: moderator.id,
          decisionNote: note,
        },
      });
      if (claimed.count !== 1) return false;
      // Nothing else can change a comment under an open appeal, so the version read above still holds; the
      // bump closes the matter for any console card still showing the appeal.
      const updated = await tx.comment.updateMany({
        where: { id: comment.id, status: from, version: comment.version },
        data:
          outcome === 'reinstate' && redacted
            ? {
                // The writer's own words again; nothing of the redaction stays on the comment.
                body: comment.originalBody!,
                originalBody: null,
                redactClause: null,
                redactNote: null,
                decidedAt: now,
                decidedById: moderator.id,
                version: { increment: 1 },
              }
            : outcome === 'reinstate'
              ? {
                  status: 'PUBLISHED',
                  hiddenByReports: false,
                  decidedAt: now,
                  decidedById: moderator.id,
                  rejectClause: null,
                  rejectNote: null,
                  version: { increment: 1 },
                }
              : { version: { increment: 1 } },
      });
      // Only a comment deleted under it could fail here; undo the claim rather than close an appeal on nothing.
      if (updated.count !== 1) throw new StaleAppealError();
      if (outcome === 'reinstate' && !redacted) {
        await tx.article.update({ where: { id: comment.articleId }, data: { commentCount: { increment: 1 } } });
        await onCommentPublished(tx, comment.id);
      }
      await recordEvent(tx, {
        commentId: comment.id,
        actorType: 'moderator',
        actorId: moderator.id,
        action: outcome === 'reinstate' ? 'appeal-reinstate' : 'appeal-uphold',
        fromStatus: from,
        toStatus: outcome === 'reinstate' ? 'PUBLISHED' : from,
        clause: redacted ? comment.redactClause : comment.rejectClause,
        note,
      });
      await onModerationDecision(tx, {
        commentId: comment.id,
        outcome: outcome === 'reinstate' ? 'appeal-reinstated' : 'appeal-upheld',
      });
      return true;
    })
    .catch((error: unknown) => {
      if (error instanceof StaleAppealError) return 'stale' as const;
      throw error;
    });
  if (done === 'stale') return { ok: false as const, message: 'This comment changed meanwhile: reload the queue.' };
  if (!done) return { ok: false as const, message: 'This appeal has already been decided.' };
  if (outcome === 'reinstate') await invalidateArticle(comment.articleId);
  else invalidateQueues();
  if (outcome === 'reinstate' && comment.userId && !redacted) await releaseNewAccountHolds(comment.userId, now);
  return {
    ok: true as const,
    message:
      outcome === 'reinstate'
        ? redacted
          ? 'The comment is published again in full, as its writer wrote it.'
          : 'The comment is reinstated and published.'
        : redacted
          ? 'The removal is upheld.'
          : 'The rejection is upheld.',
    /** The story's slug: the page to refresh. */
    articleSlug: comment.article.slug,
  };
}
