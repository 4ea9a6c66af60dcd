// A held comment's reasons must stay true. "Your comments are reviewed until a moderator approves one": once a
// new account has the approvals the policy asks for (or a moderator takes an account off pre-moderation), its
// comments held only for that reason appear at once, and those held for other reasons as well stop citing it.
// Runs after the approval's (or the measure's) own transaction.
import { db } from '../db';
import { getActivePolicy } from '../data/policy';
import { invalidateArticle } from '../cache/invalidate';
import type { Reason } from '../policy';
import { onCommentPublished } from '../notifications/events';
import { recordEvent } from '../comments/audit';
import { loadConductOf } from './conduct';
import { refreshTriageKey } from './triage';

type AccountRule = 'new-commenter' | 'user-premoderated';

export async function releaseNewAccountHolds(userId: string, now = new Date()): Promise<void> {
  const { settings } = await getActivePolicy();
  const { approvedCount } = await loadConductOf(userId);
  if (approvedCount >= settings.newCommenterHoldCount) await releaseHolds(userId, 'new-commenter', now);
}

export async function releasePremoderationHolds(userId: string, now = new Date()): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { premoderated: true } });
  if (user && !user.premoderated) await releaseHolds(userId, 'user-premoderated', now);
}

const endedNotes: Record<AccountRule, string> = {
  'new-commenter': 'new-commenter: a moderator approved enough of this account’s comments.',
  'user-premoderated': 'user-premoderated: a moderator took this account off pre-moderation.',
};

async function releaseHolds(userId: string, ruleId: AccountRule, now: Date): Promise<void> {
  const held = await db.comment.findMany({
    where: { userId, status: 'PENDING', reasons: { contains: `"${ruleId}"` } },
    select: { id: true, version: true, reasons: true, articleId: true, hiddenByReports: true },
  });
  const changed = new Set<string>();
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
      if (publish) await onCommentPublished(tx, comment.id);
      await recordEvent(tx, {
        commentId: comment.id,
        actorType: 'system',
        action: publish ? 'release' : 'hold-reason-ended',
        fromStatus: 'PENDING',
        toStatus: publish ? 'PUBLISHED' : 'PENDING',
        clause: 'moderation',
        note: endedNotes[ruleId],
      });
      return publish;
    });
    if (landed) changed.add(comment.articleId);
  }
  for (const articleId of changed) await invalidateArticle(articleId);
}
