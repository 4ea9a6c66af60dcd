// Links that go into emails, built from APP_URL.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db';
import { env } from '../env';
import { defaultReplyLinkTtlSeconds, signReplyToken, signUnsubscribeToken } from '../email-links/token';

type Tx = Pick<Db, 'authorReplyLink'>;

export const absoluteUrl = (path: string) => `${env().appUrl}${path}`;

export function commentUrl(articleSlug: string, commentId: string) {
  return absoluteUrl(`/articles/${articleSlug}#comment-${commentId}`);
}

/** A new single-use reply link for an author and a comment (a row plus its signed token). */
export async function createReplyLink(tx: Tx, authorId: string, commentId: string, now = new Date()): Promise<string> {
  const link = await tx.authorReplyLink.create({
    data: {
      id: randomUUID(),
      authorId,
      commentId,
      expiresAt: new Date(now.getTime() + defaultReplyLinkTtlSeconds * 1000),
    },
  });
  return absoluteUrl(
    `/reply/${commentId}/${signReplyToken({ linkId: link.id, authorId, commentId, expiresAt: link.expiresAt }, env().authSecret)}`,
  );
}

export function unsubscribeLinks(subject: { kind: 'author' | 'user'; id: string; topic: string }) {
  const token = signUnsubscribeToken(subject, env().authSecret, env().UNSUBSCRIBE_LINK_VERSION);
  return { page: absoluteUrl(`/unsubscribe/${token}`), oneClick: absoluteUrl(`/api/unsubscribe/${token}`) };
}
