// Authors answer readers from the "Reply as the author" link in their digest email: no password, no account.
// The link's signed token names the author, the comment, an expiry and a single-use link id.
import { randomUUID } from 'node:crypto';
import { allowMail } from '../mail/recipient-limits';
import { db } from '../db';
import { env } from '../env';
import { verifyReplyToken } from '../email-links/token';
import { enqueueMail } from '../mail/outbox';
import { freshReplyLinkMail } from '../mail/templates';
import { onCommentPublished } from '../notifications/events';
import { createReplyLink } from '../notifications/links';
import { recordEvent } from './audit';
import { invalidateArticle } from '../cache/invalidate';

const contextSelect = {
  id: true,
  body: true,
  status: true,
  depth: true,
  threadId: true,
  createdAt: true,
  user: { select: { displayName: true } },
  parent: { select: { id: true, body: true, status: true, user: { select: { displayName: true } } } },
  article: { select: { id: true, slug: true, headline: true, authorId: true } },
} as const;

export type ReplyLinkState =
  // Tampered, malformed, for another comment, or unknown: nothing about why.
  | { kind: 'invalid' }
  // Genuine but expired: a fresh link can go to the author's address on file.
  | { kind: 'expired' }
  | { kind: 'used'; reply: { id: string; body: string } | null; articleSlug: string }
  | { kind: 'ready'; authorName: string; comment: Awaited<ReturnType<typeof loadComment>> & {} };

function loadComment(id: string) {
  return db.comment.findUnique({ where: { id }, select: contextSelect });
}

type Resolved =
  | { state: ReplyLinkState }
  | {
      link: { id: string; authorId: string; commentId: string; usedAt: Date | null; replyId: string | null };
      expired: boolean;
    };

async function resolve(commentId: string, token: string, now: Date): Promise<Resolved> {
  const verified = verifyReplyToken(token, env().authSecret, now, commentId);
  if (!verified.ok && verified.reason !== 'expired') return { state: { kind: 'invalid' } };
  const payload = verified.payload!;
  if (payload.cid !== commentId) return { state: { kind: 'invalid' } };
  const link = await db.authorReplyLink.findUnique({ where: { id: payload.lid } });
  if (!link || link.authorId !== payload.aid || link.commentId !== payload.cid) return { state: { kind: 'invalid' } };
  return { link, expired: !verified.ok };
}

export async function openReplyLink(commentId: string, token: string, now = new Date()): Promise<ReplyLinkState> {
  const resolved = await resolve(commentId, token, now);
  if ('state' in resolved) return resolved.state;
  const { link, expired } = resolved;
  const comment = await loadComment(link.commentId);
  if (!comment) return { kind: 'invalid' };
  if (link.usedAt) {
    const reply = link.replyId
      ? await db.comment.findUnique({ where: { id: link.replyId }, select: { id: true, body: true } })
      : null;
    return { kind: 'used', reply, articleSlug: comment.article.slug };
  }
  if (expired) return { kind: 'expired' };
  const author = await db.author.findUnique({ where: { id: link.authorId }, select: { name: true } });
  if (!author || comment.article.authorId !== link.authorId) return { kind: 'invalid' };
  return { kind: 'ready', authorName: author.name, comment };
}

export type AuthorReplyResult =
  { ok: true; replyId: string; articleSlug: string } | { ok: false; message: string; state?: ReplyLinkState['kind'] };

export async function postAuthorReply(
  commentId: string,
  token: string,
  body: string,
  now = new Date(),
): Promise<AuthorReplyResult> {
  const state = await openReplyLink(commentId, token, now);
  if (state.kind !== 'ready')
    return { ok: false, message: 'This reply link can no longer be used.', state: state.kind };
  const resolved = await resolve(commentId, token, now);
  if ('state' in resolved) return { ok: false, message: 'This reply link can no longer be used.', state: 'invalid' };
  const { comment } = state;
  if (comment.status !== 'PUBLISHED')
    return { ok: false, message: 'This comment is no longer published, so it cannot be answered.' };
  const replyId = randomUUID();
  const posted = await db.$transaction(async (tx) => {
    // Single use: only the first submit through this link claims it.
    const claim = await tx.authorReplyLink.updateMany({
      where: { id: resolved.link.id, usedAt: null },
      data: { usedAt: now, replyId },
    });
    if (claim.count !== 1) return false;
    await tx.comment.create({
      data: {
        id: replyId,
        articleId: comment.article.id,
        authorProfileId: resolved.link.authorId,
        parentId: comment.id,
        threadId: comment.threadId ?? comment.id,
        depth: comment.depth + 1,
        body,
        status: 'PUBLISHED',
        createdAt: now,
        decidedAt: now,
      },
    });
    await tx.article.update({ where: { id: comment.article.id }, data: { commentCount: { increment: 1 } } });
    await recordEvent(tx, {
      commentId: replyId,
      actorType: 'author',
      actorId: resolved.link.authorId,
      action: 'author-reply',
      fromStatus: null,
      toStatus: 'PUBLISHED',
      note: `Reply to comment ${comment.id} through an emailed link`,
    });
    await onCommentPublished(tx, replyId);
    return true;
  });
  if (!posted) return { ok: false, message: 'A reply has already been posted through this link.', state: 'used' };
  await invalidateArticle(comment.article.id);
  return { ok: true, replyId, articleSlug: comment.article.slug };
}

/**
 * Sends a fresh link for the comment in the URL to the address on file of that story's author — never to an
 * address the visitor supplies, so even a damaged link can ask for one safely. The answer to the visitor is
 * the same whatever happens, so it reveals nothing about the token.
 */
export async function sendFreshReplyLink(commentId: string, now = new Date()): Promise<void> {
  const target = await db.comment.findUnique({
    where: { id: commentId },
    select: { id: true, article: { select: { authorId: true } } },
  });
  if (!target) return;
  const payload = { aid: target.article.authorId, cid: target.id };
  const [author, comment] = await Promise.all([
    db.author.findUnique({ where: { id: payload.aid } }),
    db.comment.findUnique({
      where: { id: payload.cid },
      select: {
        id: true,
        body: true,
        status: true,
        user: { select: { displayName: true } },
        article: { select: { headline: true, authorId: true } },
      },
    }),
  ]);
  if (!author || !comment || comment.article.authorId !== author.id || comment.status !== 'PUBLISHED') return;
  // At most a few fresh links per comment per hour, so the button cannot flood the author's inbox.
  const recent = await db.authorReplyLink.count({
    where: { commentId: comment.id, createdAt: { gte: new Date(now.getTime() - 3_600_000) } },
  });
  if (recent >= 5) return;
  // And a few per author across all their stories: a stranger could otherwise walk every commented story.
  if (!(await allowMail('fresh-reply-link', author.id)).allowed) return;
  await db.$transaction(async (tx) => {
    const replyUrl = await createReplyLink(tx, author.id, comment.id, now);
    await enqueueMail(
      tx,
      freshReplyLinkMail({
        to: author.email,
        authorName: author.name,
        headline: comment.article.headline,
        displayName: comment.user?.displayName ?? 'a reader',
        body: comment.body,
        replyUrl,
      }),
    );
  });
}
