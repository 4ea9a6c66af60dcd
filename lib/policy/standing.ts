// Why an account's comments are reviewed before they appear, and what ends it. One definition of the words:
// the policy engine's hold reasons (rules/context-rules.ts) and the reader's profile both come from here, so a
// held comment and the profile always say the same, true thing.
import { trustScore, trustWeights } from './trust';
import type { PolicyContext } from './types';

export type AccountHold = {
  ruleId: 'user-premoderated' | 'new-commenter' | 'low-trust';
  /** Shown under each held comment: true for every comment of the account while the hold lasts. */
  message: string;
  /** Shown on the profile after "Your comments are reviewed because ". */
  because: string;
  /** Shown on the profile: what ends the hold, from the account's record today. */
  ends: string;
};

type Settings = { newCommenterHoldCount: number; trustThreshold: number };
type Enabled = (ruleId: AccountHold['ruleId']) => boolean;

export function newCommenterMessage(holdCount: number): string {
  return holdCount === 1
    ? 'Your account is new: your comments are reviewed by a moderator until one of them is approved.'
    : `Your account is new: your comments are reviewed by a moderator until ${holdCount} of them have been approved.`;
}

export const premoderatedMessage =
  'A moderator has put your account on pre-moderation: your comments are reviewed before they appear.';
export const lowTrustMessage =
  'Several of your comments broke the policy, so a moderator reviews your new ones before they appear.';

/** The account-level holds in force for this author now (staff are never held). */
export function accountHolds(
  author: PolicyContext['author'],
  now: Date,
  settings: Settings,
  enabled: Enabled = () => true,
): AccountHold[] {
  if (author.isStaff) return [];
  const holds: AccountHold[] = [];
  if (enabled('user-premoderated') && author.premoderated)
    holds.push({
      ruleId: 'user-premoderated',
      message: premoderatedMessage,
      because: 'a moderator has put your account on pre-moderation.',
      ends: 'It ends when a moderator takes your account off pre-moderation.',
    });
  const n = settings.newCommenterHoldCount;
  if (enabled('new-commenter') && n > 0 && author.publishedCount < n) {
    const remaining = n - author.publishedCount;
    holds.push({
      ruleId: 'new-commenter',
      message: newCommenterMessage(n),
      because:
        author.publishedCount === 0
          ? 'your account is new and none of your comments has been approved yet.'
          : `your account is new and ${author.publishedCount} of the ${n} approved comments it needs have been approved so far.`,
      ends:
        remaining === 1
          ? 'It ends as soon as a moderator approves one of your comments; your other comments held only for this reason then appear at once.'
          : `It ends once moderators have approved ${remaining} more of your comments; your other comments held only for this reason then appear at once.`,
    });
  }
  const ageDays = (now.getTime() - author.createdAt.getTime()) / 86_400_000;
  const score = trustScore({
    approvedCount: author.approvedCount,
    rejectedCount: author.rejectedCount,
    accountAgeDays: ageDays,
  });
  if (enabled('low-trust') && score < settings.trustThreshold) {
    const needed = Math.max(1, Math.ceil((settings.trustThreshold - score) / trustWeights.published));
    const ageing =
      ageDays < trustWeights.agePointDays * trustWeights.ageMaxPoints
        ? ' (or a little sooner as your account gets older)'
        : '';
    holds.push({
      ruleId: 'low-trust',
      message: lowTrustMessage,
      because: `${author.rejectedCount === 1 ? 'one of your comments' : `${author.rejectedCount} of your comments`} broke the policy, which outweighs the ${author.approvedCount === 1 ? 'one' : author.approvedCount} that ${author.approvedCount === 1 ? 'was' : 'were'} published.`,
      ends: `It ends once moderators have approved ${needed} more of your comments${ageing}. Accidental double posts and comments you delete yourself never count against you.`,
    });
  }
  return holds;
}
