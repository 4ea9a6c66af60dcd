// A reply's email to a reader (issue 17): queued when the reply is published, sent REPLY_NOTIFICATION_DELAY_SECONDS
// later and written from the reply as it is then, so an edit made meanwhile is what the reader reads and a reply
// deleted or removed meanwhile sends nothing. It runs with the author digests in the mail sender's jobs (worker 1,
// or `npm run mailer`); every row is claimed by a compare-and-set on doneAt, so two instances sharing the table send
// it once. One row per reply and recipient: a reply edited after its email went sends no second one (the email says
// the reply may have been edited since, and its link shows the current text).
import type { Db } from '../db';
import { env } from '../env';
import { enqueueMail } from '../mail/outbox';
import { replyNotificationMail } from '../mail/templates';
import { commentUrl, unsubscribeLinks } from './links';

export type ReplyKind = 'reply' | 'author-reply';

export const replyNotificationDelaySeconds = () => env().REPLY_NOTIFICATION_DELAY_SECONDS;

// A reply hidden by readers' reports waits for a moderator's decision; a week on, it is no longer news.
const hiddenRecheckMs = 5 * 60_000;
const staleAfterMs = 7 * 86_400_000;

/**
 * Queues the email for one recipient, inside the transaction that publishes the reply. A reply published again
 * later (approved after a held edit, reinstated on appeal) queues it again only if it was cancelled, never sent.
 */
export async function queueReplyNotification(
  tx: Pick<Db, 'replyNotification'>,
  input: { commentId: string; userId: string; kind: ReplyKind },
  now = new Date(),
  /** The reply was published for the first time in this transaction: no row for it can exist yet. */
  fresh = false,
  /** Not due before this (a moderator's undo window). */
  notBefore?: Date,
): Promise<void> {
  const delayed = now.getTime() + replyNotificationDelaySeconds() * 1000;
  const dueAt = new Date(Math.max(delayed, notBefore?.getTime() ?? 0));
  if (fresh) {
    await tx.replyNotification.create({ data: { ...input, dueAt } });
    return;
  }
  const key = { commentId: input.commentId, userId: input.userId };
  await tx.replyNotification.upsert({ where: { commentId_userId: key }, create: { ...input, dueAt }, update: {} });
  await tx.replyNotification.updateMany({
    where: { ...key, outcome: 'cancelled' },
    data: { kind: input.kind, dueAt, doneAt: null, outcome: null },
  });
}

type Outcome = 'sent' | 'cancelled' | 'deferred' | 'taken';

/** Sends (or cancels) every reply email that is due; returns how many were sent. */
export async function sendDueReplyNotifications(db: Db, now = new Date(), { batchSize = 50 } = {}): Promise<number> {
  const due = await db.replyNotification.findMany({
    where: { doneAt: null, dueAt: { lte: now } },
    orderBy: { dueAt: 'asc' },
    take: batchSize,
    select: { id: true },
  });
  let sent = 0;
  for (const { id } of due) if ((await settle(db, id, now)) === 'sent') sent++;
  return sent;
}

async function settle(db: Db, id: string, now: Date): Promise<Outcome> {
  return db.$transaction(async (tx): Promise<Outcome> => {
    const row = await tx.replyNotification.findUnique({ where: { id } });
    if (!row || row.doneAt) return 'taken';
    const reply = await tx.comment.findUnique({
      where: { id: row.commentId },
      select: {
        id: true,
        body: true,
        status: true,
        hiddenByReports: true,
        createdAt: true,
        user: { select: { displayName: true } },
        authorProfile: { select: { name: true } },
        article: { select: { slug: true, headline: true } },
      },
    });
    const recipient = await tx.user.findUnique({
      where: { id: row.userId },
      select: { id: true, email: true, notifyReplies: true, notifyAuthorReplies: true },
    });
    const kind: ReplyKind = row.kind === 'author-reply' ? 'author-reply' : 'reply';
    const stale = !reply || now.getTime() - reply.createdAt.getTime() > staleAfterMs;
    if (reply && reply.status === 'PUBLISHED' && reply.hiddenByReports && !stale) {
      const deferred = await tx.replyNotification.updateMany({
        where: { id, doneAt: null },
        data: { dueAt: new Date(now.getTime() + hiddenRecheckMs) },
      });
      return deferred.count === 1 ? 'deferred' : 'taken';
    }
    const wanted = kind === 'author-reply' ? recipient?.notifyAuthorReplies : recipient?.notifyReplies;
    const send = !!reply && !!recipient && reply.status === 'PUBLISHED' && !reply.hiddenByReports && !stale && wanted;
    // The compare-and-set: another sender that got here first leaves nothing to claim.
    const claimed = await tx.replyNotification.updateMany({
      where: { id, doneAt: null },
      data: { doneAt: now, outcome: send ? 'sent' : 'cancelled' },
    });
    if (claimed.count !== 1) return 'taken';
    if (!send) return 'cancelled';
    await enqueueMail(
      tx,
      replyNotificationMail({
        to: recipient.email,
        kind,
        replierName: reply.authorProfile?.name ?? reply.user?.displayName ?? 'A reader',
        headline: reply.article.headline,
        body: reply.body,
        commentUrl: commentUrl(reply.article.slug, reply.id),
        unsubscribe: unsubscribeLinks({
          kind: 'user',
          id: recipient.id,
          topic: kind === 'reply' ? 'replies' : 'authorReplies',
        }),
      }),
    );
    return 'sent';
  });
}
