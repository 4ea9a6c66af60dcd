// Email subscriptions that one-click unsubscribe links (and their undo) change.
import { db } from '../db';
import { env } from '../env';
import { verifyUnsubscribeToken } from '../email-links/token';

const userTopics = {
  replies: 'notifyReplies',
  authorReplies: 'notifyAuthorReplies',
  moderation: 'notifyModeration',
} as const;
const topicNames: Record<string, string> = {
  comments: 'emails about new reader comments on your stories',
  replies: 'emails when someone replies to your comments',
  authorReplies: 'emails when a story’s author replies in your threads',
  moderation: 'emails about moderation decisions on your comments',
};

export type Subscription = { description: string; subscribed: boolean; recipient: string };

export async function readSubscription(token: string): Promise<Subscription | null> {
  const subject = verifyUnsubscribeToken(token, env().authSecret, env().UNSUBSCRIBE_LINK_VERSION);
  if (!subject) return null;
  if (subject.kind === 'author' && subject.topic === 'comments') {
    const author = await db.author.findUnique({
      where: { id: subject.id },
      select: { email: true, notifyOnComments: true },
    });
    return author && { description: topicNames.comments, subscribed: author.notifyOnComments, recipient: author.email };
  }
  const field = userTopics[subject.topic as keyof typeof userTopics];
  if (subject.kind !== 'user' || !field) return null;
  const user = await db.user.findUnique({
    where: { id: subject.id },
    select: { email: true, notifyReplies: true, notifyAuthorReplies: true, notifyModeration: true },
  });
  return user && { description: topicNames[subject.topic]!, subscribed: user[field], recipient: user.email };
}

export async function setSubscription(token: string, subscribed: boolean): Promise<boolean> {
  const subject = verifyUnsubscribeToken(token, env().authSecret, env().UNSUBSCRIBE_LINK_VERSION);
  if (!subject) return false;
  if (subject.kind === 'author' && subject.topic === 'comments') {
    const result = await db.author.updateMany({ where: { id: subject.id }, data: { notifyOnComments: subscribed } });
    return result.count === 1;
  }
  const field = userTopics[subject.topic as keyof typeof userTopics];
  if (subject.kind !== 'user' || !field) return false;
  const result = await db.user.updateMany({ where: { id: subject.id }, data: { [field]: subscribed } });
  return result.count === 1;
}
