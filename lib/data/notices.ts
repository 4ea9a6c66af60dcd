// Reads for notices of illegal content (issue 17): what the public form shows about the content reported, the
// moderators' notices queue, and the transparency report's counts.
import 'server-only';
import { db } from '../db';
import { median } from '../moderation/transparency-figures';

export type NoticeTargetView = {
  kind: 'comment' | 'article';
  commentId: string | null;
  articleSlug: string;
  headline: string;
  /** The comment's writer, for a comment. */
  by: string | null;
  excerpt: string | null;
};

/** The published comment or the story a notice would be about, or null when there is nothing public to report. */
export async function getNoticeTarget(input: { commentId?: string; articleSlug?: string }) {
  if (input.commentId) {
    const comment = await db.comment.findUnique({
      where: { id: input.commentId },
      select: {
        id: true,
        status: true,
        body: true,
        user: { select: { displayName: true } },
        authorProfile: { select: { name: true } },
        article: { select: { slug: true, headline: true } },
      },
    });
    if (!comment || comment.status !== 'PUBLISHED') return null;
    return {
      kind: 'comment',
      commentId: comment.id,
      articleSlug: comment.article.slug,
      headline: comment.article.headline,
      by: comment.authorProfile?.name ?? comment.user?.displayName ?? 'A reader',
      excerpt: comment.body.length > 280 ? `${comment.body.slice(0, 279)}…` : comment.body,
    } satisfies NoticeTargetView;
  }
  if (!input.articleSlug) return null;
  const article = await db.article.findUnique({
    where: { slug: input.articleSlug },
    select: { slug: true, headline: true },
  });
  return article
    ? ({
        kind: 'article',
        commentId: null,
        articleSlug: article.slug,
        headline: article.headline,
        by: null,
        excerpt: null,
      } satisfies NoticeTargetView)
    : null;
}

export const noticeQueuePage = 50;

/** Open notices oldest first (a legal notice is answered in order), or the latest decided ones; `q` finds one. */
export async function listNoticeCards(view: 'open' | 'decided', q?: string) {
  // A reference quoted in a reporter's email, or the reporter's address (stored lower-case).
  const search = q ? { OR: [{ reference: q.toUpperCase() }, { reporterEmail: { contains: q.toLowerCase() } }] } : {};
  const notices = await db.legalNotice.findMany({
    where: { ...search, ...(view === 'open' ? { status: 'OPEN' } : { status: { not: 'OPEN' } }) },
    orderBy: view === 'open' ? [{ createdAt: 'asc' }, { id: 'asc' }] : [{ decidedAt: 'desc' }, { id: 'desc' }],
    take: noticeQueuePage,
  });
  const commentIds = notices.flatMap((n) => (n.commentId ? [n.commentId] : []));
  const [comments, articles, deciders] = await Promise.all([
    db.comment.findMany({
      where: { id: { in: commentIds } },
      select: {
        id: true,
        body: true,
        status: true,
        user: { select: { displayName: true } },
        authorProfile: { select: { name: true } },
      },
    }),
    db.article.findMany({
      where: { id: { in: [...new Set(notices.map((n) => n.articleId))] } },
      select: { id: true, slug: true, headline: true },
    }),
    db.user.findMany({
      where: { id: { in: notices.flatMap((n) => (n.decidedById ? [n.decidedById] : [])) } },
      select: { id: true, displayName: true, email: true },
    }),
  ]);
  return notices.map((notice) => {
    const comment = comments.find((c) => c.id === notice.commentId) ?? null;
    const decider = deciders.find((u) => u.id === notice.decidedById);
    return {
      ...notice,
      article: articles.find((a) => a.id === notice.articleId) ?? null,
      comment: comment && {
        id: comment.id,
        body: comment.body,
        status: comment.status,
        by: comment.authorProfile?.name ?? comment.user?.displayName ?? 'A reader',
      },
      decidedBy: decider ? (decider.displayName ?? decider.email) : null,
    };
  });
}
export type NoticeCard = Awaited<ReturnType<typeof listNoticeCards>>[number];

/** A decided notice's outcome by its reference (the queue's confirmation after a decision), else null. */
export async function getDecidedNotice(reference: string) {
  const notice = await db.legalNotice.findUnique({ where: { reference }, select: { reference: true, status: true } });
  return notice && notice.status !== 'OPEN' ? notice : null;
}

export const countOpenNotices = () => db.legalNotice.count({ where: { status: 'OPEN' } });

export type NoticeFigures = {
  received: number;
  decided: number;
  removed: number;
  noAction: number;
  open: number;
  medianDecisionMs: number | null;
};

/** Notices received since `since` and what became of them (the transparency report; not cached: one small table). */
export async function noticeFigures(since: Date): Promise<NoticeFigures> {
  const rows = await db.legalNotice.findMany({
    where: { createdAt: { gte: since } },
    select: { status: true, createdAt: true, decidedAt: true },
    take: 50_000,
  });
  const decided = rows.filter((row) => row.status !== 'OPEN' && row.decidedAt);
  return {
    received: rows.length,
    decided: decided.length,
    removed: rows.filter((row) => row.status === 'REMOVED').length,
    noAction: rows.filter((row) => row.status === 'NO_ACTION').length,
    open: rows.filter((row) => row.status === 'OPEN').length,
    medianDecisionMs: median(decided.map((row) => row.decidedAt!.getTime() - row.createdAt.getTime())),
  };
}
