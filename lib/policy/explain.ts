// How moderation works, in the words a reader reads: the statement of reasons and the trust rules. One source:
// /policy renders these sentences, and README.md ("Moderation, as readers see it") quotes them word for word
// (tests/unit/policy/explain.test.ts fails when the two drift). Numbers come from the code that applies them:
// the trust weights, and the settings of the policy in force (an admin can change the new-account count and
// the threshold, so /policy explains the settings it is given; the README quotes the shipped defaults).
import { defaultPolicySettings, type PolicySettings } from './settings';
import { trustWeights } from './trust';

const { published, breach, agePointDays, ageMaxPoints } = trustWeights;
const points = (n: number) => (n === 1 ? 'a point' : `${n} points`);
const minus = (n: number) => (n < 0 ? `−${-n}` : String(n));

export type ExplainedPart = { id: string; title: string; sentences: readonly string[] };
type TrustSettings = Pick<PolicySettings, 'newCommenterHoldCount' | 'trustThreshold'>;

export function explainModeration(settings: TrustSettings): readonly ExplainedPart[] {
  const newcomers = settings.newCommenterHoldCount;
  return [
    {
      id: 'statement-of-reasons',
      title: 'What you are told when a comment is held or not published',
      sentences: [
        'Whenever a comment of yours is held for review or not published, you are told why: under the comment on the story, on your profile, and by email when a moderator decides.',
        'While only our automatic checks have looked at it, you see their reasons, each with the clause of this policy it applies.',
        'Once a moderator has decided, you see the moderator’s decision instead: the clause they applied, their note to you if they wrote one, and a link to appeal.',
        'A comment that was not published keeps its text: you can correct it and send it again, and it is then checked like a new comment (if a moderator had rejected it, a moderator also reviews the corrected version before it appears).',
        'You may appeal a decision once, from your profile. While your appeal is open nothing else changes the comment, and a moderator other than the one who decided reviews it.',
      ],
    },
    {
      id: 'trust',
      title: 'When your comments are reviewed before they appear',
      sentences: [
        newcomers > 0
          ? `A new account’s comments are reviewed by a moderator until ${newcomers === 1 ? 'one of them is' : `${newcomers} of them are`} approved; the others held only for that reason then appear at once.`
          : 'A new account’s comments are not reviewed first just because the account is new.',
        `Each of your comments that was published adds ${points(published)}, and keeps ${published === 1 ? 'it' : 'them'} if you later delete the comment. Each comment a moderator rejects, or that our automatic checks reject under a clause of this policy, takes away ${points(breach)}.`,
        'Posting the same text twice by accident, being slowed down for posting too quickly, and deleting your own comments never count against you.',
        `Your account’s age adds a point for every ${agePointDays} days, up to ${ageMaxPoints}.`,
        `A new account starts at 0. When your balance falls below ${minus(settings.trustThreshold)}, your comments are reviewed before they appear until approved comments bring it back up; a moderator can also put an account on pre-moderation.`,
        'Your profile says whether your comments are reviewed first, why, and what ends it.',
      ],
    },
  ];
}

/** The shipped defaults, as the README quotes them. */
export const moderationExplained = explainModeration(defaultPolicySettings);
