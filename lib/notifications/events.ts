// What emails an event causes. Each function runs inside the transaction of its event, so the
// outbox rows commit (or roll back) with it.
import { statementFields } from '../data/comments';
import type { Db } from '../db';
import { enqueueMail } from '../mail/outbox';
import { decisionMail, measureMail, pickMail, replyNotificationMail, type MeasureKind } from '../mail/templates';
import { clauseHref, clauseLabel, type ClauseId } from '../policy/clauses';
import { appealHref, statementOf, statementText } from '../policy/statement';
import { absoluteUrl, commentUrl, unsubscribeLinks } from './links';

type Tx = Pick<Db, 'comment' | 'authorDigestItem' | 'outboxMessage' | 'user'>;

/** A comment became visible to readers (posted and published, or approved later). */
export async function onCommentPublished(tx: Tx, commentId: string): Promise<void> {
  const comment = await tx.comment.findUniqueOrThrow({
    where: { id: commentId },
    select: {
      id: true,
      body: true,
      userId: true,
      authorProfileId: true,
      threadId: true,
      user: { select: { displayName: true } },
      authorProfile: { select: { name: true } },
      article: {
        select: {
          id: true,
          slug: true,
          headline: true,
          authorId: true,
          author: { select: { notifyOnComments: true } },
        },
      },
      parent: {
        select: {
          id: true,
          userId: true,
          user: { select: { email: true, notifyReplies: true, notifyAuthorReplies: true } },
        },
      },
    },
  });
  const { article } = comment;

  // The story's author hears about readers' comments in a batched digest (lib/notifications/author-digest.ts).
  if (comment.userId && article.author.notifyOnComments) {
    await tx.authorDigestItem.upsert({
      where: { commentId: comment.id },
      update: {},
      create: { authorId: article.authorId, articleId: article.id, commentId: comment.id },
    });
  }

  const replierName = comment.authorProfile?.name ?? comment.user?.displayName ?? 'A reader';
  const byAuthor = !!comment.authorProfileId;
  const notified = new Set<string>();
  const send = async (userId: string, email: string, kind: 'reply' | 'author-reply') => {
    if (notified.has(userId) || userId === comment.userId) return;
    notified.add(userId);
    await enqueueMail(
      tx,
      replyNotificationMail({
        to: email,
        kind,
        replierName,
        headline: article.headline,
        body: comment.body,
        commentUrl: commentUrl(article.slug, comment.id),
        unsubscribe: unsubscribeLinks({
          kind: 'user',
          id: userId,
          topic: kind === 'reply' ? 'replies' : 'authorReplies',
        }),
      }),
    );
  };

  const parentUser = comment.parent?.user;
  if (comment.parent?.userId && parentUser) {
    if (byAuthor ? parentUser.notifyAuthorReplies : parentUser.notifyReplies)
      await send(comment.parent.userId, parentUser.email, byAuthor ? 'author-reply' : 'reply');
  }
  // An author's reply also reaches the readers who started or took part in the thread.
  if (byAuthor && comment.threadId) {
    const participants = await tx.comment.findMany({
      where: { threadId: comment.threadId, status: 'PUBLISHED', userId: { not: null } },
      select: { user: { select: { id: true, email: true, notifyAuthorReplies: true } } },
      distinct: ['userId'],
      take: 50,
    });
    for (const { user } of participants) if (user?.notifyAuthorReplies) await send(user.id, user.email, 'author-reply');
  }
}

export type DecisionOutcome = 'approved' | 'rejected' | 'appeal-upheld' | 'appeal-reinstated' | 'redacted';

/** Tells the commenter what a moderator decided, in the statement of reasons the article and profile show. */
export async function onModerationDecision(
  tx: Tx,
  input: { commentId: string; outcome: DecisionOutcome },
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

/** Tells a reader their comment was chosen as an editors' pick (with the moderation emails they receive). */
export async function onCommentPicked(tx: Tx, commentId: string): Promise<void> {
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
  );
}
