// Notices of illegal content from anyone (EU Digital Services Act, Art. 16) and a moderator's decision on them
// (Art. 17). A notice is one row, its receipt and its decision are outbox rows written with it, and the decision
// to remove a comment goes through the ordinary rejection (lib/moderation/decide.ts), so the writer gets the usual
// statement of reasons, may appeal, and the audit log and transparency report count it like any other rejection.
import { randomInt } from 'node:crypto';
import { db } from '../db';
import { recordEvent } from '../comments/audit';
import { enqueueMail } from '../mail/outbox';
import { allowMail } from '../mail/recipient-limits';
import { canDecideComment, type Viewer } from '../auth/permissions';
import { decideComment } from '../moderation/decide';
import { absoluteUrl, commentUrl } from '../notifications/links';
import { clauseLabel, isClauseId } from '../policy/clauses';
import { noticeCategoryLabel, type NoticeInput, type NoticeOutcome } from '../validation/notice';
import { noticeDecisionMail, noticeReceiptMail, type NoticeSummary } from './notice-mail';
import { erased } from './retention';

// Crockford's base 32: no I, L, O or U to misread when a reporter quotes the reference.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const newNoticeReference = () =>
  `N-${Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join('')}`;

type Target = { commentId: string | null; articleId: string; describe: string; url: string };

async function findTarget(input: { commentId?: string; articleSlug?: string }): Promise<Target | null> {
  if (input.commentId) {
    const comment = await db.comment.findUnique({
      where: { id: input.commentId },
      select: {
        id: true,
        status: true,
        user: { select: { displayName: true } },
        authorProfile: { select: { name: true } },
        article: { select: { id: true, slug: true, headline: true } },
      },
    });
    // Only what readers can see can be noticed: a held or removed comment is not on the site.
    if (!comment || comment.status !== 'PUBLISHED') return null;
    const by = comment.authorProfile?.name ?? comment.user?.displayName ?? 'a reader';
    return {
      commentId: comment.id,
      articleId: comment.article.id,
      describe: `the comment by ${by} on “${comment.article.headline}”`,
      url: commentUrl(comment.article.slug, comment.id),
    };
  }
  if (!input.articleSlug) return null;
  const article = await db.article.findUnique({
    where: { slug: input.articleSlug },
    select: { id: true, slug: true, headline: true },
  });
  return article
    ? {
        commentId: null,
        articleId: article.id,
        describe: `the story “${article.headline}”`,
        url: absoluteUrl(`/articles/${article.slug}`),
      }
    : null;
}

export type SubmitNoticeResult =
  { ok: true; reference: string } | { ok: false; reason: 'not-found' | 'limited'; message: string };

/** Files a notice from `ip` (rate limited per address and per reporter email), with its receipt. */
export async function submitNotice(input: NoticeInput, ip: string): Promise<SubmitNoticeResult> {
  const target = await findTarget(input);
  if (!target)
    return {
      ok: false,
      reason: 'not-found',
      message: 'This comment or story is no longer on the site, so there is nothing to report.',
    };
  for (const [kind, key] of [
    ['legal-notice-address', ip],
    ['legal-notice', input.email],
  ] as const) {
    const allowance = await allowMail(kind, key);
    if (!allowance.allowed)
      return {
        ok: false,
        reason: 'limited',
        message: `Too many notices have been sent from here in a short time. Please try again in ${Math.ceil(allowance.retryAfterSeconds / 60)} minutes.`,
      };
  }
  const reference = newNoticeReference();
  await db.$transaction(async (tx) => {
    await tx.legalNotice.create({
      data: {
        reference,
        commentId: target.commentId,
        articleId: target.articleId,
        category: input.category,
        law: input.law,
        explanation: input.explanation,
        reporterName: input.name,
        reporterEmail: input.email,
      },
    });
    await recordEvent(tx, {
      commentId: target.commentId,
      actorType: 'reader',
      actorId: null,
      action: 'notice-received',
      fromStatus: null,
      toStatus: null,
      note: `Legal notice ${reference}: ${noticeCategoryLabel(input.category)}`,
    });
    await enqueueMail(tx, noticeReceiptMail({ ...summary(reference, input, target), explanation: input.explanation }));
  });
  return { ok: true, reference };
}

const summary = (
  reference: string,
  notice: { email: string; name: string; category: string; law: string },
  target: { describe: string; url: string },
): NoticeSummary => ({
  reference,
  to: notice.email,
  reporterName: notice.name,
  target: target.describe,
  targetUrl: target.url,
  category: noticeCategoryLabel(notice.category),
  law: notice.law,
});

export type NoticeDecision = { outcome: NoticeOutcome; clause?: string; reason: string };
export type NoticeDecisionResult =
  { ok: true; message: string; reference: string; articleSlug: string } | { ok: false; message: string };

const outcomeStatus = { removed: 'REMOVED', 'no-action': 'NO_ACTION' } as const;

/**
 * Decides a notice once. The notice is claimed first (compare-and-set on OPEN), so two moderators never both
 * decide it; removing a comment then goes through decideComment, and if that refuses (the writer appealed, the
 * moderator wrote the comment) the claim is released and nothing was decided.
 */
export async function decideNotice(
  moderator: Viewer,
  noticeId: string,
  decision: NoticeDecision,
  now = new Date(),
): Promise<NoticeDecisionResult> {
  const notice = await db.legalNotice.findUnique({ where: { id: noticeId } });
  if (!notice) return { ok: false, message: 'This notice no longer exists.' };
  if (notice.status !== 'OPEN') return { ok: false, message: 'This notice was already decided. Nothing was changed.' };
  const clause = decision.clause && isClauseId(decision.clause) ? decision.clause : null;
  if (decision.outcome === 'removed' && !clause) return { ok: false, message: 'Choose the clause the removal cites.' };
  const comment = notice.commentId
    ? await db.comment.findUnique({
        where: { id: notice.commentId },
        select: { id: true, userId: true, status: true, version: true, article: { select: { slug: true } } },
      })
    : null;
  if (comment && !canDecideComment(moderator, comment))
    return { ok: false, message: 'This notice is about your own comment: another moderator must decide it.' };
  const article = await db.article.findUnique({
    where: { id: notice.articleId },
    select: { slug: true, headline: true },
  });

  const claimed = await db.legalNotice.updateMany({
    where: { id: notice.id, status: 'OPEN' },
    data: {
      status: outcomeStatus[decision.outcome],
      decisionClause: clause,
      decisionReason: decision.reason,
      decidedById: moderator.id,
      decidedAt: now,
    },
  });
  if (claimed.count !== 1) return { ok: false, message: 'This notice was already decided. Nothing was changed.' };

  // A comment still up is removed through the ordinary rejection; one already held or removed stays as it is.
  if (decision.outcome === 'removed' && comment && (comment.status === 'PUBLISHED' || comment.status === 'PENDING')) {
    const removed = await decideComment(
      moderator,
      comment.id,
      comment.version,
      {
        kind: 'reject',
        clause: clause!,
        note: `Removed after a legal notice (${notice.reference}): ${decision.reason}`,
      },
      now,
    );
    if (!removed.ok) {
      await db.legalNotice.updateMany({
        where: { id: notice.id, decidedById: moderator.id, status: outcomeStatus[decision.outcome] },
        data: { status: 'OPEN', decisionClause: null, decisionReason: null, decidedById: null, decidedAt: null },
      });
      return { ok: false, message: removed.message };
    }
  }

  const target = comment
    ? {
        describe: `the comment you reported on “${article?.headline ?? 'a story'}”`,
        url: commentUrl(comment.article.slug, comment.id),
      }
    : { describe: `the story “${article?.headline ?? ''}”`, url: absoluteUrl(`/articles/${article?.slug ?? ''}`) };
  await db.$transaction(async (tx) => {
    await recordEvent(tx, {
      commentId: notice.commentId,
      actorType: 'moderator',
      actorId: moderator.id,
      action: decision.outcome === 'removed' ? 'notice-removed' : 'notice-no-action',
      fromStatus: 'OPEN',
      toStatus: outcomeStatus[decision.outcome],
      clause,
      // The removal's own audit entry (a rejection) already cites the clause for the transparency report.
      clauses: [],
      note: `Legal notice ${notice.reference}: ${decision.reason}`,
    });
    // A notice decided after its reporter's details were erased (lib/notices/retention.ts) has no one to tell.
    if (notice.reporterEmail === erased) return;
    await enqueueMail(
      tx,
      noticeDecisionMail({
        ...summary(
          notice.reference,
          { email: notice.reporterEmail, name: notice.reporterName, category: notice.category, law: notice.law },
          target,
        ),
        outcome: decision.outcome,
        clauseLabel: clause ? clauseLabel(clause) : null,
        reason: decision.reason,
      }),
    );
  });
  return {
    ok: true,
    message:
      decision.outcome === 'removed'
        ? `Notice ${notice.reference}: content removed.`
        : `Notice ${notice.reference}: no action.`,
    reference: notice.reference,
    articleSlug: article?.slug ?? '',
  };
}
