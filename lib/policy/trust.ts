// Trust from conduct: what moderators and the policy's clauses said about a reader's comments, nothing else.
// Each published comment adds 1, each breach takes 3, and account age adds up to 3 (one point per 30 days).
// A new account starts at 0; below the threshold (default -2) comments are held.
import type { ClauseId } from './clauses';
import type { RuleId } from './types';

export const trustWeights = { published: 1, breach: 3, agePointDays: 30, ageMaxPoints: 3 } as const;

export function trustScore(history: { approvedCount: number; rejectedCount: number; accountAgeDays: number }): number {
  const age = Math.min(Math.max(history.accountAgeDays, 0) / trustWeights.agePointDays, trustWeights.ageMaxPoints);
  return (
    Math.round(
      (trustWeights.published * history.approvedCount - trustWeights.breach * history.rejectedCount + age) * 10,
    ) / 10
  );
}

/**
 * Automatic rejections that say nothing about conduct: an accidental double post is not misconduct, and
 * refusals (flooding, closed stories) are never stored. A comment rejected only for these is neutral.
 */
export const conductNeutralRules: ReadonlySet<RuleId> = new Set<RuleId>([
  'duplicate-self',
  'flood-user',
  'flood-ip',
  'comments-closed',
  'auto-closed',
]);

/** One comment of the reader's, as its last decision left it. */
export type ConductRecord = {
  /** Its status, or, for a comment its writer deleted or replaced, the status it had then (deleting is neutral). */
  status: 'PUBLISHED' | 'PENDING' | 'REJECTED';
  /** The clause a moderator rejected it under; null when the rejection (if any) was automatic. */
  moderatorClause: string | null;
  /** The automatic reasons it was submitted with. */
  reasons: readonly { ruleId: RuleId; outcome: 'hold' | 'reject'; clause: ClauseId }[];
};

export type Conduct = {
  /** Comments that were published (directly, by a moderator or on appeal), including ones deleted since. */
  approvedCount: number;
  /** Comments that broke the policy: rejected by a moderator, or automatically under a clause about conduct. */
  breaches: { clause: string }[];
};

export function conductOf(records: readonly ConductRecord[]): Conduct {
  const conduct: Conduct = { approvedCount: 0, breaches: [] };
  for (const record of records) {
    if (record.status === 'PUBLISHED') conduct.approvedCount++;
    if (record.status !== 'REJECTED') continue;
    if (record.moderatorClause) {
      conduct.breaches.push({ clause: record.moderatorClause });
      continue;
    }
    const breach = record.reasons.find(
      (reason) => reason.outcome === 'reject' && !conductNeutralRules.has(reason.ruleId),
    );
    if (breach) conduct.breaches.push({ clause: breach.clause });
  }
  return conduct;
}
