// What the writer of a comment is told once it is stored: the same words after a post with JavaScript (the
// action's answer) and without (the page after the post/redirect/get, read from ?posted=ID).
import type { Reason } from '../policy';
import { describeReason } from './reasons';

export type PostOutcome = { message: string; tone: 'ok' | 'warn' };

/** The notice for a published or held comment (a rejected one is answered in its form, with the text kept). */
export function postOutcome(status: 'PUBLISHED' | 'PENDING', reasons: Reason[]): PostOutcome {
  if (status === 'PUBLISHED') return { message: 'Your comment is published.', tone: 'ok' };
  const why = reasons.map(describeReason).join(' ');
  return {
    message: `Your comment is held for review. ${why} Only you can see it until a moderator approves it.`,
    tone: 'warn',
  };
}
