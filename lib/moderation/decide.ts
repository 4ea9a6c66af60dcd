// Moderators' decisions on comments. Every decision is a compare-and-set on the comment's version:
// when two moderators act on the same card, exactly one decision lands and the other is told who won.
import { db, type Db } from '../db';
import { recordEvent } from '../comments/audit';
import { onCommentPicked, onCommentPublished, onModerationDecision } from '../notifications/events';
import { isClauseId, type ClauseId } from '../policy/clauses';
import { canDecideComment, type Viewer } from '../auth/permissions';
import { invalidateArticle } from '../cache/invalidate';
import type { Hold } from '../mail/outbox';
import { releaseNewAccountHolds } from './release';
import { forgetExpiredUndos, undoWindowMs, type UndoSnapshot } from './undo';

export type Decision =
  { kind: 'approve' } | { kind: 'reject'; clause: ClauseId; note?: string } | { kind: 'feature'; featured: boolean };

export type DecisionResult =
  | { ok: true; commentId: string; /** The story's slug: the page to refresh. */ articleSlug: string }
  | { ok: false; commentId: string; conflict?: { by: string; at: Date; action: string }; message: string };

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

const visible = (c: { status: string; hiddenByReports: boolean }) => c.status === 'PUBLISHED' && !c.hiddenByReports;

/**
 * `undo.batchId`: the moderator may undo this decision for the undo window (lib/moderation/undo.ts); the emails it
 * causes wait until the window ends, and one undo reverses every decision of the batch (a bulk decision).
 */
export async function decideComment(
  moderator: Viewer,
  commentId: string,
  expectedVersion: number,
  decision: Decision,
  now = new Date(),
  undo?: { batchId: string },
): Promise<DecisionResult> {
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: {
      id: true,
      status: true,
      hiddenByReports: true,
      version: true,
      articleId: true,
      article: { select: { slug: true } },
      userId: true,
      authorProfileId: true,
      featured: true,
      appeal: { select: { status: true } },
      decidedAt: true,
      decidedById: true,
      rejectClause: true,
      rejectNote: true,
      reportCount: true,
      triageKey: true,
      reports: { select: { userId: true, clause: true, note: true, createdAt: true } },
    },
  });
  if (!comment) return { ok: false, commentId, message: 'This comment no longer exists.' };
  if (!canDecideComment(moderator, comment))
    return { ok: false, commentId, message: 'This is your own comment: another moderator must decide it.' };
  // While an appeal is open only the appeal decision may change the comment (lib/moderation/appeals.ts).
  if (comment.appeal?.status === 'OPEN') return { ok: false, commentId, message: underAppeal };
  if (comment.version !== expectedVersion) return conflict(commentId);
  if (decision.kind === 'reject' && !isClauseId(decision.clause))
    return { ok: false, commentId, message: 'Choose the policy clause the comment breaks.' };
  if (comment.status === 'DELETED') return { ok: false, commentId, message: 'The commenter deleted this comment.' };

  const to =
    decision.kind === 'approve'
      ? { status: 'PUBLISHED' as const, hiddenByReports: false }
      : decision.kind === 'reject'
        ? { status: 'REJECTED' as const, hiddenByReports: false }
        : { status: comment.status, hiddenByReports: comment.hiddenByReports };
  if (decision.kind === 'feature' && comment.status !== 'PUBLISHED')
    return { ok: false, commentId, message: 'Only published comments can be featured.' };

  const windowMs = undo ? undoWindowMs() : 0;
  const landed = await db.$transaction(async (tx) => {
    // Whether the story's author had this comment in a digest already: an undo removes only the entry it caused.
    const digestItem = windowMs > 0 && (await tx.authorDigestItem.count({ where: { commentId: comment.id } })) > 0;
    const result = await tx.comment.updateMany({
      where: { id: comment.id, version: expectedVersion },
      data: {
        status: to.status,
        hiddenByReports: to.hiddenByReports,
        version: { increment: 1 },
        ...(decision.kind === 'feature'
          ? { featured: decision.featured }
          : {
              decidedAt: now,
              decidedById: moderator.id,
              rejectClause: decision.kind === 'reject' ? decision.clause : null,
              rejectNote: decision.kind === 'reject' ? decision.note || null : null,
            }),
      },
    });
    if (result.count !== 1) return false;
    const delta = Number(visible(to)) - Number(visible(comment));
    if (delta !== 0)
      await tx.article.update({ where: { id: comment.articleId }, data: { commentCount: { increment: delta } } });
    const event = await recordEvent(tx, {
      commentId: comment.id,
      actorType: 'moderator',
      actorId: moderator.id,
      action: decision.kind === 'feature' ? (decision.featured ? 'feature' : 'unfeature') : decision.kind,
      fromStatus: comment.status,
      toStatus: to.status,
      clause: decision.kind === 'reject' ? decision.clause : null,
      clauses: decision.kind === 'reject' ? [decision.clause] : [],
      note: decision.kind === 'reject' ? decision.note || null : null,
    });
    const hold = windowMs > 0 ? { eventId: event.id, until: new Date(now.getTime() + windowMs) } : undefined;
    if (decision.kind !== 'feature') await afterDecision(tx, comment, decision, to.status, hold);
    // A newly picked reader's comment: its writer hears of it (not again on a re-pick of the same comment).
    else if (decision.featured && !comment.featured && comment.userId) await onCommentPicked(tx, comment.id, hold);
    if (undo && hold) {
      const before: UndoSnapshot = {
        status: comment.status,
        hiddenByReports: comment.hiddenByReports,
        featured: comment.featured,
        decidedAt: comment.decidedAt?.toISOString() ?? null,
        decidedById: comment.decidedById,
        rejectClause: comment.rejectClause,
        rejectNote: comment.rejectNote,
        reportCount: comment.reportCount,
        triageKey: comment.triageKey,
        reports: comment.reports.map((report) => ({ ...report, createdAt: report.createdAt.toISOString() })),
        digestItem,
        released: [],
      };
      await forgetExpiredUndos(tx, now);
      await tx.decisionUndo.create({
        data: {
          eventId: event.id,
          batchId: undo.batchId,
          commentId: comment.id,
          moderatorId: moderator.id,
          action: event.action,
          before: JSON.stringify(before),
          version: expectedVersion + 1,
          expiresAt: hold.until,
          createdAt: now,
        },
      });
    }
    return hold ?? true;
  });
  if (!landed) return conflict(commentId);
  await invalidateArticle(comment.articleId);
  if (to.status === 'PUBLISHED' && comment.status !== 'PUBLISHED' && comment.userId) {
    const hold = landed === true ? undefined : landed;
    const released = await releaseNewAccountHolds(comment.userId, now, hold);
    // The approval's undo puts these holds back (lib/moderation/undo.ts).
    if (hold && released.length) {
      const row = await db.decisionUndo.findUniqueOrThrow({ where: { eventId: hold.eventId } });
      const before = JSON.parse(row.before) as UndoSnapshot;
      await db.decisionUndo.update({
        where: { eventId: hold.eventId },
        data: { before: JSON.stringify({ ...before, released }) },
      });
    }
  }
  return { ok: true, commentId, articleSlug: comment.article.slug };
}

async function afterDecision(
  tx: Tx,
  before: { id: string; status: string; userId: string | null },
  decision: Decision,
  toStatus: string,
  hold: Hold | undefined,
) {
  // Reports are settled by any decision: the card leaves the Reported queue.
  await tx.report.deleteMany({ where: { commentId: before.id } });
  // …and the triage queues altogether (the key is empty outside them).
  await tx.comment.update({ where: { id: before.id }, data: { reportCount: 0, triageKey: '' } });
  if (toStatus === 'PUBLISHED' && before.status !== 'PUBLISHED') await onCommentPublished(tx, before.id, hold);
  // Tell the commenter when their comment's fate changed (not when a published comment is merely kept).
  if (before.userId && before.status !== toStatus)
    await onModerationDecision(
      tx,
      {
        commentId: before.id,
        outcome: decision.kind === 'approve' ? 'approved' : 'rejected',
      },
      hold,
    );
}

export const underAppeal =
  'The commenter has appealed this decision: only the appeal, decided by another moderator in the Appeals queue, can change it now. Nothing was changed.';

export async function conflict(commentId: string): Promise<DecisionResult> {
  // Filing an appeal bumps the version: a card opened before it must say so, not name the reader as a decider.
  const appeal = await db.appeal.findUnique({ where: { commentId }, select: { status: true } });
  if (appeal?.status === 'OPEN') return { ok: false, commentId, message: underAppeal };
  const last = await db.moderationEvent.findFirst({
    where: { commentId, actorType: { in: ['moderator', 'reader', 'author'] } },
    orderBy: { createdAt: 'desc' },
  });
  const actor = last?.actorId
    ? await db.user.findUnique({ where: { id: last.actorId }, select: { displayName: true, email: true } })
    : null;
  const by = actor?.displayName ?? actor?.email ?? 'someone else';
  const at = last?.createdAt ?? new Date();
  return {
    ok: false,
    commentId,
    conflict: { by, at, action: last?.action ?? 'changed' },
    message: `Already decided by ${by} at ${at.toISOString().slice(11, 19)} UTC (${last?.action ?? 'changed'}). Nothing was changed.`,
  };
}
