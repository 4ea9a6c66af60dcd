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
  | {
      kind: 'used';
      reply: { id: string; body: string; status: string; editedAt: Date | null } | null;
      articleSlug: string;
      /** Until when the reply may still be edited or deleted from this link (null: no longer). */
      editableUntil: Date | null;
    }
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
      ? await db.comment.findUnique({
          where: { id: link.replyId },
          select: { id: true, body: true, status: true, editedAt: true, createdAt: true },
        })
      : null;
    const until = reply && reply.status !== 'DELETED' ? editableUntil(reply.createdAt) : null;
    return {
      kind: 'used',
      reply: reply && { id: reply.id, body: reply.body, status: reply.status, editedAt: reply.editedAt },
      articleSlug: comment.article.slug,
      editableUntil: until && until > now ? until : null,
    };
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

/** An author may correct or withdraw a reply for as long as readers may edit theirs (COMMENT_EDIT_WINDOW_SECONDS). */
const editableUntil = (createdAt: Date) => new Date(createdAt.getTime() + env().COMMENT_EDIT_WINDOW_SECONDS * 1000);

export type AuthorReplyChange = { kind: 'edit'; body: string } | { kind: 'delete' };

/** Edits or deletes the reply posted through this link, within the edit window; the link is the authority. */
export async function changeAuthorReply(
  commentId: string,
  token: string,
  change: AuthorReplyChange,
  now = new Date(),
): Promise<{ ok: true; message: string; articleSlug: string; replyId: string } | { ok: false; message: string }> {
  const refused = { ok: false as const, message: 'This link cannot change a reply.' };
  const resolved = await resolve(commentId, token, now);
  if ('state' in resolved || !resolved.link.usedAt || !resolved.link.replyId) return refused;
  const reply = await db.comment.findUnique({
    where: { id: resolved.link.replyId },
    select: {
      id: true,
      status: true,
      version: true,
      createdAt: true,
      hiddenByReports: true,
      articleId: true,
      authorProfileId: true,
      article: { select: { slug: true } },
    },
  });
  if (!reply || reply.authorProfileId !== resolved.link.authorId) return refused;
  if (reply.status === 'DELETED') return { ok: false, message: 'This reply has already been deleted.' };
  if (editableUntil(reply.createdAt) <= now)
    return { ok: false, message: 'The time for changing this reply has passed; it stays as it was published.' };
  const changed = await db.$transaction(async (tx) => {
    const result = await tx.comment.updateMany({
      where: { id: reply.id, version: reply.version },
      data:
        change.kind === 'edit'
          ? { body: change.body, editedAt: now, version: { increment: 1 } }
          : { status: 'DELETED', deletedAt: now, version: { increment: 1 } },
    });
    if (result.count !== 1) return false;
    if (change.kind === 'delete' && reply.status === 'PUBLISHED' && !reply.hiddenByReports)
      await tx.article.update({ where: { id: reply.articleId }, data: { commentCount: { decrement: 1 } } });
    await recordEvent(tx, {
      commentId: reply.id,
      actorType: 'author',
      actorId: resolved.link.authorId,
      action: change.kind === 'edit' ? 'author-edit' : 'author-delete',
      fromStatus: reply.status,
      toStatus: change.kind === 'edit' ? reply.status : 'DELETED',
      note: 'Through the emailed reply link',
    });
    return true;
  });
  if (!changed) return { ok: false, message: 'The reply changed meanwhile; open the link again and retry.' };
  await invalidateArticle(reply.articleId);
  return {
    ok: true,
    message: change.kind === 'edit' ? 'Your reply was updated.' : 'Your reply was deleted.',
    articleSlug: reply.article.slug,
    replyId: reply.id,
  };
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
