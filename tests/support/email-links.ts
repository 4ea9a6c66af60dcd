// Signed links the app emails ("Reply as the author", unsubscribe), made directly for tests, with the secret the
// end-to-end server runs with (playwright.config.ts sets AUTH_SECRET for the server it starts).
import { randomUUID } from 'node:crypto';
import { signAccountDeletionToken, signReplyToken, signUnsubscribeToken } from '../../lib/email-links/token';
import { testDb } from './db';

export const e2eAuthSecret = 'e2e-secret-not-for-production-0123456789';

/** A valid, unused reply link for the comment, as the digest email would carry it. */
export async function replyLinkFor(commentId: string, { expiresAt = new Date(Date.now() + 86_400_000) } = {}) {
  const db = await testDb();
  const comment = await db.comment.findUniqueOrThrow({
    where: { id: commentId },
    select: { article: { select: { authorId: true } } },
  });
  const link = await db.authorReplyLink.create({
    data: { id: randomUUID(), authorId: comment.article.authorId, commentId, expiresAt },
  });
  const token = signReplyToken({ linkId: link.id, authorId: link.authorId, commentId, expiresAt }, e2eAuthSecret);
  return { linkId: link.id, authorId: link.authorId, token, path: `/reply/${commentId}/${token}` };
}

/** The same payload signed with another secret: what someone without the link could make up. */
export function forgedReplyToken(commentId: string, authorId: string): string {
  return signReplyToken(
    { linkId: randomUUID(), authorId, commentId, expiresAt: new Date(Date.now() + 86_400_000) },
    'not-the-server-secret-0123456789',
  );
}

export function unsubscribeTokenFor(subject: { kind: 'author' | 'user'; id: string; topic: string }): string {
  return signUnsubscribeToken(subject, e2eAuthSecret);
}

/** A valid "Delete my account" link's token for the account, as the confirmation email carries it. */
export function accountDeletionTokenFor(userId: string, expiresAt = new Date(Date.now() + 3_600_000)): string {
  return signAccountDeletionToken({ userId, expiresAt }, e2eAuthSecret);
}
