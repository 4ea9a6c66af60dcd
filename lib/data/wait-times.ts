// The expected wait told to the writer of a held comment (lib/moderation/expected-wait.ts does the arithmetic):
// recent moderators' decisions on held comments, each with when its comment was submitted. Read from the audit
// log (a decision whose comment was PENDING), cached in-process for a minute: every held comment a writer looks at
// in that minute is told the same estimate, for one read.
import 'server-only';
import { db } from '../db';
import { reversedEventIds } from '../moderation/undo';
import { describeExpectedWait, expectedWait, waitDefaults, type WaitSample } from '../moderation/expected-wait';

const cacheMs = 60_000;
/** The latest decisions are enough for a median; a busy desk's fortnight would otherwise be read whole. */
const maxSamples = 2000;
let cached: { samples: WaitSample[]; at: number } | null = null;

export async function loadHeldDecisionSamples(now = new Date(), useCache = true): Promise<WaitSample[]> {
  if (useCache && cached && now.getTime() - cached.at < cacheMs) return cached.samples;
  const decisions = await db.moderationEvent.findMany({
    where: {
      actorType: 'moderator',
      action: { in: ['approve', 'reject'] },
      fromStatus: 'PENDING',
      createdAt: { gte: new Date(now.getTime() - waitDefaults.days * 86_400_000) },
      commentId: { not: null },
    },
    orderBy: { createdAt: 'desc' },
    take: maxSamples,
    select: { id: true, commentId: true, createdAt: true },
  });
  // An undone decision did not end the wait.
  const reversed = await reversedEventIds(new Date(now.getTime() - waitDefaults.days * 86_400_000));
  const events = decisions.filter((event) => !reversed.has(event.id));
  const comments = await db.comment.findMany({
    where: { id: { in: events.map((event) => event.commentId!) } },
    select: { id: true, createdAt: true },
  });
  const submitted = new Map(comments.map((comment) => [comment.id, comment.createdAt]));
  const samples = events.flatMap((event) => {
    const submittedAt = submitted.get(event.commentId!);
    return submittedAt ? [{ submittedAt, decidedAt: event.createdAt }] : [];
  });
  if (useCache) cached = { samples, at: now.getTime() };
  return samples;
}

/** The sentence for a held comment's writer, e.g. "Held comments are usually decided within about 20 minutes…". */
export async function heldCommentWait(now = new Date()): Promise<string> {
  return describeExpectedWait(expectedWait(await loadHeldDecisionSamples(now), now));
}

/** The status of one of the viewer's own comments (the held comment's page watches for its decision), else null. */
export async function ownCommentStatus(userId: string, commentId: string) {
  const comment = await db.comment.findFirst({ where: { id: commentId, userId }, select: { status: true } });
  return comment?.status ?? null;
}
