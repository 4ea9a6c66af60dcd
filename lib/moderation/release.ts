// A held comment's reasons must stay true. "Your comments are reviewed until a moderator approves one": once a
// new account has the approvals the policy asks for (or a moderator takes an account off pre-moderation), its
// comments held only for that reason appear at once, and those held for other reasons as well stop citing it.
// Runs after the approval's (or the measure's) own transaction.
import { db } from '../db';
import { getActivePolicy } from '../data/policy';
import { invalidateArticle } from '../cache/invalidate';
import type { Reason } from '../policy';
import { onCommentPublished } from '../notifications/events';
import type { Hold } from '../mail/outbox';
import { recordEvent } from '../comments/audit';
import { loadConductOf } from './conduct';
import { refreshTriageKey } from './triage';

type AccountRule = 'new-commenter' | 'user-premoderated';

/** A held comment as it was before a release changed it: what undoing the approval behind it puts back. */
export type ReleasedHold = {
  commentId: string;
  articleId: string;
  /** The release's audit entry. */
  eventId: string;
  published: boolean;
  hiddenByReports: boolean;
  reasons: string;
  decidedAt: string | null;
  triageKey: string;
  /** The version the release left. */
  version: number;
};

/** `hold`: the approval can still be undone (lib/moderation/undo.ts): the released comments' emails wait with it,
 *  and the releases are returned so an undo can put the holds back. */
export async function releaseNewAccountHolds(userId: string, now = new Date(), hold?: Hold): Promise<ReleasedHold[]> {
  const { settings } = await getActivePolicy();
  const { approvedCount } = await loadConductOf(userId);
  return approvedCount >= settings.newCommenterHoldCount ? releaseHolds(userId, 'new-commenter', now, hold) : [];
}

export async function releasePremoderationHolds(userId: string, now = new Date()): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { premoderated: true } });
  if (user && !user.premoderated) await releaseHolds(userId, 'user-premoderated', now);
}

const endedNotes: Record<AccountRule, string> = {
  'new-commenter': 'new-commenter: a moderator approved enough of this account’s comments.',
  'user-premoderated': 'user-premoderated: a moderator took this account off pre-moderation.',
};

async function releaseHolds(userId: string, ruleId: AccountRule, now: Date, hold?: Hold): Promise<ReleasedHold[]> {
  const held = await db.comment.findMany({
    where: { userId, status: 'PENDING', reasons: { contains: `"${ruleId}"` } },
    select: {
      id: true,
      version: true,
      reasons: true,
      articleId: true,
      hiddenByReports: true,
      decidedAt: true,
      triageKey: true,
    },
  });
  const changed = new Set<string>();
  const released: ReleasedHold[] = [];
  for (const comment of held) {
    const reasons = JSON.parse(comment.reasons) as Reason[];
    const rest = reasons.filter((reason) => reason.ruleId !== ruleId);
    if (rest.length === reasons.length) continue;
    const publish = rest.length === 0;
    const landed = await db.$transaction(async (tx) => {
      // Compare-and-set: a moderator deciding this comment at the same moment wins.
      const result = await tx.comment.updateMany({
        where: { id: comment.id, version: comment.version, status: 'PENDING' },
        data: {
          reasons: JSON.stringify(rest),
          version: { increment: 1 },
          ...(publish ? { status: 'PUBLISHED' as const, decidedAt: now } : {}),
        },
      });
      if (result.count !== 1) return false;
      await refreshTriageKey(tx, comment.id);
      if (publish && !comment.hiddenByReports)
        await tx.article.update({ where: { id: comment.articleId }, data: { commentCount: { increment: 1 } } });
      if (publish) await onCommentPublished(tx, comment.id, hold);
      const event = await recordEvent(tx, {
        commentId: comment.id,
        actorType: 'system',
        action: publish ? 'release' : 'hold-reason-ended',
        fromStatus: 'PENDING',
        toStatus: publish ? 'PUBLISHED' : 'PENDING',
        clause: 'moderation',
        note: endedNotes[ruleId],
      });
      released.push({
        commentId: comment.id,
        articleId: comment.articleId,
        eventId: event.id,
        published: publish,
        hiddenByReports: comment.hiddenByReports,
        reasons: comment.reasons,
        decidedAt: comment.decidedAt?.toISOString() ?? null,
        triageKey: comment.triageKey,
        version: comment.version + 1,
      });
      return publish;
    });
    if (landed) changed.add(comment.articleId);
  }
  for (const articleId of changed) await invalidateArticle(articleId);
  return released;
}
