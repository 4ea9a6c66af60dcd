// "Edit and approve" (issue 16): a moderator removes part of a held or reported comment (a phone number, a name) and
// publishes the rest. The edit may only remove (lib/policy/redaction.ts); readers see "[removed by a moderator]"
// where text went; the writer is told what was removed and under which clause (the statement of reasons, on the page
// and by email); the original stays in Comment.originalBody for staff and the writer's own data export. The
// automatic policy does not look at the redacted text again: this is a moderator's decision. Its duplicate checks
// read Comment.body (lib/comments/submission-context.ts), so they no longer see the original.
// The same compare-and-set on the version as every decision (lib/moderation/decide.ts).
import { db } from '../db';
import { recordEvent } from '../comments/audit';
import { onCommentPublished, onModerationDecision } from '../notifications/events';
import { isClauseId, type ClauseId } from '../policy/clauses';
import { redact } from '../policy/redaction';
import { canDecideComment, type Viewer } from '../auth/permissions';
import { invalidateArticle } from '../cache/invalidate';
import { conflict, underAppeal, type DecisionResult } from './decide';
import { releaseNewAccountHolds } from './release';

export type Redaction = {
  /** The moderator's edit of the comment: the original with parts deleted or replaced by "[removed]". */
  edited: string;
  clause: ClauseId;
  note?: string;
};

/** A refusal of the edit itself is a field message (`field: 'body'`): the moderator corrects the edit. */
export type RedactionResult = DecisionResult | { ok: false; commentId: string; field: 'body'; message: string };

export async function redactAndApprove(
  moderator: Viewer,
  commentId: string,
  expectedVersion: number,
  redaction: Redaction,
  now = new Date(),
): Promise<RedactionResult> {
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: {
      id: true,
      body: true,
      originalBody: true,
      status: true,
      hiddenByReports: true,
      version: true,
      articleId: true,
      article: { select: { slug: true } },
      userId: true,
      appeal: { select: { status: true } },
    },
  });
  if (!comment) return { ok: false, commentId, message: 'This comment no longer exists.' };
  if (!canDecideComment(moderator, comment))
    return { ok: false, commentId, message: 'This is your own comment: another moderator must decide it.' };
  if (comment.appeal?.status === 'OPEN') return { ok: false, commentId, message: underAppeal };
  if (comment.version !== expectedVersion) return conflict(commentId);
  if (!isClauseId(redaction.clause))
    return { ok: false, commentId, message: 'Choose the clause that requires the removal.' };
  if (comment.status !== 'PENDING' && comment.status !== 'PUBLISHED')
    return { ok: false, commentId, message: 'Only held or published comments can be edited and approved.' };
  // One redaction per comment: the original stays the writer's own words, not an earlier moderator's edit.
  if (comment.originalBody !== null)
    return {
      ok: false,
      commentId,
      message: 'A moderator has already removed part of this comment: approve or reject it as it stands.',
    };
  const result = redact(comment.body, redaction.edited);
  if (!result.ok) return { ok: false, commentId, field: 'body', message: result.message };

  const wasVisible = comment.status === 'PUBLISHED' && !comment.hiddenByReports;
  const landed = await db.$transaction(async (tx) => {
    const updated = await tx.comment.updateMany({
      where: { id: comment.id, version: expectedVersion },
      data: {
        status: 'PUBLISHED',
        hiddenByReports: false,
        body: result.body,
        originalBody: comment.body,
        redactClause: redaction.clause,
        redactNote: redaction.note || null,
        decidedAt: now,
        decidedById: moderator.id,
        rejectClause: null,
        rejectNote: null,
        // Out of the Pending and Reported queues, like any decision: reports are settled.
        reportCount: 0,
        triageKey: '',
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) return false;
    if (!wasVisible)
      await tx.article.update({ where: { id: comment.articleId }, data: { commentCount: { increment: 1 } } });
    await tx.report.deleteMany({ where: { commentId: comment.id } });
    await recordEvent(tx, {
      commentId: comment.id,
      actorType: 'moderator',
      actorId: moderator.id,
      action: 'redact-approve',
      fromStatus: comment.status,
      toStatus: 'PUBLISHED',
      clause: redaction.clause,
      clauses: [redaction.clause],
      note: redaction.note || null,
    });
    if (comment.status !== 'PUBLISHED') await onCommentPublished(tx, comment.id);
    // The writer hears of it even when the comment was already published: its text changed.
    if (comment.userId) await onModerationDecision(tx, { commentId: comment.id, outcome: 'redacted' });
    return true;
  });
  if (!landed) return conflict(commentId);
  await invalidateArticle(comment.articleId);
  if (comment.status !== 'PUBLISHED' && comment.userId) await releaseNewAccountHolds(comment.userId, now);
  return { ok: true, commentId, articleSlug: comment.article.slug };
}
