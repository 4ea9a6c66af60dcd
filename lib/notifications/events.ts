// What emails an event causes. Each function runs inside the transaction of its event, so the
// outbox rows commit (or roll back) with it.
import { statementFields } from '../data/comments';
import type { Db } from '../db';
import { enqueueMail, type Hold } from '../mail/outbox';
import { decisionMail, measureAppealMail, measureMail, pickMail, type MeasureKind } from '../mail/templates';
import { clauseHref, clauseLabel, type ClauseId } from '../policy/clauses';
import { appealHref, statementOf, statementText } from '../policy/statement';
import { absoluteUrl, commentUrl, unsubscribeLinks } from './links';
import { queueReplyNotification, type ReplyKind } from './reply-notifications';

type Tx = Pick<Db, 'comment' | 'authorDigestItem' | 'outboxMessage' | 'replyNotification' | 'user'>;

/** What a published comment's notifications need. A post knows all of it already and hands it over
 *  (lib/comments/submit-comment.ts); a later approval reads it (`loadPublished`). The emails themselves are
 *  written when they go, from the comment as it is then (lib/notifications/reply-notifications.ts). */
export type PublishedComment = {
  id: string;
  userId: string | null;
  authorProfileId: string | null;
  threadId: string | null;
  article: { id: string; authorId: string; notifyAuthor: boolean };
  parent: { userId: string | null; user: { notifyReplies: boolean; notifyAuthorReplies: boolean } | null } | null;
  /** Published for the first time just now, in this transaction: no digest item can exist for it yet. */
  fresh: boolean;
};

/** The preferences of a parent comment's writer that decide whether a reply reaches them. */
export const parentNotificationSelect = {
  userId: true,
  user: { select: { notifyReplies: true, notifyAuthorReplies: true } },
} as const;

async function loadPublished(tx: Tx, commentId: string): Promise<PublishedComment> {
  const comment = await tx.comment.findUniqueOrThrow({
    where: { id: commentId },
    select: {
      id: true,
      userId: true,
      authorProfileId: true,
      threadId: true,
      article: { select: { id: true, authorId: true, author: { select: { notifyOnComments: true } } } },
      parent: { select: parentNotificationSelect },
    },
  });
  const { article, ...rest } = comment;
  return {
    ...rest,
    article: { id: article.id, authorId: article.authorId, notifyAuthor: article.author.notifyOnComments },
    fresh: false,
  };
}

/** A comment became visible to readers (posted and published, or approved later). `hold`: a moderator's decision
 *  caused it; its emails and digest entry wait out the undo window (lib/moderation/undo.ts). */
export async function onCommentPublished(tx: Tx, published: string | PublishedComment, hold?: Hold): Promise<void> {
  const comment = typeof published === 'string' ? await loadPublished(tx, published) : published;
  const { article } = comment;

  // The story's author hears about readers' comments in a batched digest (lib/notifications/author-digest.ts).
  if (comment.userId && article.notifyAuthor) {
    // A held entry is dated when the undo window ends: the digest leaves it until then.
    const item = {
      authorId: article.authorId,
      articleId: article.id,
      commentId: comment.id,
      ...(hold ? { createdAt: hold.until } : {}),
    };
    if (comment.fresh) await tx.authorDigestItem.create({ data: item });
    else await tx.authorDigestItem.upsert({ where: { commentId: comment.id }, update: {}, create: item });
  }

  const byAuthor = !!comment.authorProfileId;
  const notified = new Set<string>();
  const send = async (userId: string, kind: ReplyKind) => {
    if (notified.has(userId) || userId === comment.userId) return;
    notified.add(userId);
    // Due no sooner than a moderator's undo window ends (hold): an undone approval leaves the reply unpublished,
    // and a reply email finds it so when it is due and is cancelled (lib/notifications/reply-notifications.ts).
    await queueReplyNotification(tx, { commentId: comment.id, userId, kind }, new Date(), comment.fresh, hold?.until);
  };

  const parentUser = comment.parent?.user;
  if (comment.parent?.userId && parentUser) {
    if (byAuthor ? parentUser.notifyAuthorReplies : parentUser.notifyReplies)
      await send(comment.parent.userId, byAuthor ? 'author-reply' : 'reply');
  }
  // An author's reply also reaches the readers who started or took part in the thread.
  if (byAuthor && comment.threadId) {
    const participants = await tx.comment.findMany({
      where: { threadId: comment.threadId, status: 'PUBLISHED', userId: { not: null } },
      select: { user: { select: { id: true, notifyAuthorReplies: true } } },
      distinct: ['userId'],
      take: 50,
    });
    for (const { user } of participants) if (user?.notifyAuthorReplies) await send(user.id, 'author-reply');
  }
}

export type DecisionOutcome = 'approved' | 'rejected' | 'appeal-upheld' | 'appeal-reinstated' | 'redacted';

/** Tells the commenter what a moderator decided, in the statement of reasons the article and profile show. */
export async function onModerationDecision(
  tx: Tx,
  input: { commentId: string; outcome: DecisionOutcome },
  hold?: Hold,
): Promise<void> {
  const comment = await tx.comment.findUniqueOrThrow({
    where: { id: input.commentId },
    select: {
      id: true,
      body: true,
      ...statementFields,
      article: { select: { slug: true, headline: true } },
      user: { select: { id: true, email: true, notifyModeration: true } },
    },
  });
  if (!comment.user?.notifyModeration) return;
  const statement = statementOf(comment);
  await enqueueMail(
    tx,
    decisionMail({
      to: comment.user.email,
      outcome: input.outcome,
      headline: comment.article.headline,
      body: comment.body,
      statement: statement ? statementText(statement) : [],
      clauseUrls: statement ? [...new Set(statement.lines.map((line) => absoluteUrl(line.href)))] : [],
      profileUrl: absoluteUrl(appealHref(comment.id)),
      commentUrl: commentUrl(comment.article.slug, comment.id),
      unsubscribe: unsubscribeLinks({ kind: 'user', id: comment.user.id, topic: 'moderation' }),
    }),
    hold,
  );
}

/** Tells a reader about a measure on their account (imposed or lifted), with its clause and the moderator's message. */
export async function onAccountMeasure(
  tx: Tx,
  input: { userId: string; measure: MeasureKind; until: Date | null; clause: ClauseId | null; message: string | null },
): Promise<void> {
  const user = await tx.user.findUniqueOrThrow({
    where: { id: input.userId },
    select: { id: true, email: true, notifyModeration: true },
  });
  if (!user.notifyModeration) return;
  await enqueueMail(
    tx,
    measureMail({
      to: user.email,
      measure: input.measure,
      until: input.until,
      clause: input.clause ? { label: clauseLabel(input.clause), url: absoluteUrl(clauseHref(input.clause)) } : null,
      message: input.message,
      profileUrl: absoluteUrl('/profile'),
      unsubscribe: unsubscribeLinks({ kind: 'user', id: user.id, topic: 'moderation' }),
    }),
  );
}

/** Tells a reader the decision on their appeal of a measure, with the reasons (with the other moderation emails). */
export async function onMeasureAppealDecision(
  tx: Tx,
  input: { userId: string; measure: 'suspend' | 'ban' | 'premoderate'; outcome: 'upheld' | 'lifted'; reason: string },
): Promise<void> {
  const user = await tx.user.findUniqueOrThrow({
    where: { id: input.userId },
    select: { id: true, email: true, notifyModeration: true },
  });
  if (!user.notifyModeration) return;
  await enqueueMail(
    tx,
    measureAppealMail({
      to: user.email,
      measure: input.measure,
      outcome: input.outcome,
      reason: input.reason,
      profileUrl: absoluteUrl('/profile#measures'),
      unsubscribe: unsubscribeLinks({ kind: 'user', id: user.id, topic: 'moderation' }),
    }),
  );
}

/** Tells a reader their comment was chosen as an editors' pick (with the moderation emails they receive). */
export async function onCommentPicked(tx: Tx, commentId: string, hold?: Hold): Promise<void> {
  const comment = await tx.comment.findUniqueOrThrow({
    where: { id: commentId },
    select: {
      id: true,
      body: true,
      article: { select: { slug: true, headline: true } },
      user: { select: { id: true, email: true, notifyModeration: true } },
    },
  });
  if (!comment.user?.notifyModeration) return;
  await enqueueMail(
    tx,
    pickMail({
      to: comment.user.email,
      headline: comment.article.headline,
      body: comment.body,
      commentUrl: commentUrl(comment.article.slug, comment.id),
      unsubscribe: unsubscribeLinks({ kind: 'user', id: comment.user.id, topic: 'moderation' }),
    }),
    hold,
  );
}
