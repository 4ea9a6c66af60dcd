// Batches reader comments into at most one email per article per interval for the story's author.
import type { Db } from '../db';
import { env } from '../env';
import { enqueueMail } from '../mail/outbox';
import { authorDigestMail } from '../mail/templates';
import { absoluteUrl, createReplyLink, unsubscribeLinks } from './links';

export const digestIntervalSeconds = () => env().AUTHOR_DIGEST_INTERVAL_SECONDS;

/** Sends every digest that is due; returns how many emails were queued. */
export async function sendDueAuthorDigests(db: Db, now = new Date()): Promise<number> {
  // An entry dated ahead waits out a moderator's undo window (lib/notifications/events.ts onCommentPublished).
  const due = { sentAt: null, createdAt: { lte: now } };
  const pending = await db.authorDigestItem.groupBy({ by: ['articleId'], where: due });
  let queued = 0;
  for (const { articleId } of pending) {
    const sent = await db.$transaction(async (tx) => {
      const lastSent = await tx.authorDigestItem.findFirst({
        where: { articleId, sentAt: { not: null } },
        orderBy: { sentAt: 'desc' },
        select: { sentAt: true },
      });
      if (lastSent?.sentAt && now.getTime() - lastSent.sentAt.getTime() < digestIntervalSeconds() * 1000) return false;
      const items = await tx.authorDigestItem.findMany({
        where: { articleId, ...due },
        orderBy: { createdAt: 'asc' },
        take: 50,
      });
      if (!items.length) return false;
      // Claim the items first: a second sender running the same job finds nothing left to claim.
      const claimed = await tx.authorDigestItem.updateMany({
        where: { id: { in: items.map((item) => item.id) }, sentAt: null },
        data: { sentAt: now },
      });
      if (claimed.count !== items.length) throw new Error('digest items claimed concurrently');
      const article = await tx.article.findUniqueOrThrow({
        where: { id: articleId },
        select: {
          slug: true,
          headline: true,
          author: { select: { id: true, name: true, email: true, notifyOnComments: true } },
        },
      });
      if (!article.author.notifyOnComments) return false;
      const comments = await tx.comment.findMany({
        where: { id: { in: items.map((item) => item.commentId) }, status: 'PUBLISHED', hiddenByReports: false },
        select: {
          id: true,
          body: true,
          createdAt: true,
          user: { select: { displayName: true } },
          // What a reply answers, so the author reads it in its conversation (a parent that is no longer
          // published is not quoted).
          parent: {
            select: {
              body: true,
              status: true,
              hiddenByReports: true,
              user: { select: { displayName: true } },
              authorProfile: { select: { name: true } },
            },
          },
        },
        orderBy: { createdAt: 'asc' },
      });
      if (!comments.length) return false;
      const rows = [];
      for (const comment of comments) {
        const parent = comment.parent;
        rows.push({
          displayName: comment.user?.displayName ?? 'A reader',
          body: comment.body,
          inReplyTo:
            parent && parent.status === 'PUBLISHED' && !parent.hiddenByReports
              ? {
                  displayName: parent.authorProfile
                    ? `you (${parent.authorProfile.name})`
                    : (parent.user?.displayName ?? 'A reader'),
                  body: parent.body,
                }
              : parent
                ? { displayName: 'a comment', body: null }
                : null,
          replyUrl: await createReplyLink(tx, article.author.id, comment.id, now),
        });
      }
      await enqueueMail(
        tx,
        authorDigestMail({
          to: article.author.email,
          authorName: article.author.name,
          headline: article.headline,
          articleUrl: absoluteUrl(`/articles/${article.slug}`),
          comments: rows,
          unsubscribe: unsubscribeLinks({ kind: 'author', id: article.author.id, topic: 'comments' }),
        }),
      );
      return true;
    });
    if (sent) queued++;
  }
  return queued;
}
