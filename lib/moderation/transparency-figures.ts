// The transparency report's arithmetic, pure so it can be checked against a hand count. Categories are
// kept apart on purpose: an automatic hold is not a rejection (most held comments are later approved),
// and what the checks decided is not what moderators decided.
//   - automatic holds / rejections: comments, each counted once however many clauses it cites;
//   - per clause: a comment counts once under each clause it was held or rejected under;
//   - moderator decisions: every approval, rejection and appeal decision a person made;
//   - a held comment's outcome: approved or rejected by a moderator, or released (published by the system once
//     the only reason for the hold ended, e.g. a new account's first comment was approved), or still waiting.

/** One audit entry that is a decision: an automatic hold or rejection, a held edit, or a moderator's decision. */
export type DecisionRecord = { commentId: string | null; actorType: string; action: string; createdAt: Date };
/** One clause cited by a decision (DecisionClause). */
export type ClauseRecord = { commentId: string | null; actorType: string; action: string; clause: string };

export type ClauseFigures = {
  clause: string;
  automaticHolds: number;
  automaticRejections: number;
  moderatorRejections: number;
};
export type WeekFigures = {
  /** Monday (UTC) that starts the week, YYYY-MM-DD. */
  week: string;
  automaticHolds: number;
  automaticRejections: number;
  moderatorDecisions: number;
  medianDecisionMs: number | null;
};
export type DecisionFigures = {
  automaticHolds: number;
  automaticRejections: number;
  /** `redactions`: published after a moderator removed part of them (lib/moderation/redact.ts). */
  moderator: { approvals: number; rejections: number; redactions: number; appealDecisions: number };
  /** What became of the comments held automatically in the period. */
  heldOutcomes: { approved: number; redacted: number; released: number; rejected: number; undecided: number };
  medianDecisionMs: number | null;
  /** In the order given by clauseOrder; clauses with no figure are left out. */
  byClause: ClauseFigures[];
  /** The last `weeks` weeks, oldest first, empty weeks included. */
  weeks: WeekFigures[];
};

export const automaticHoldActions = ['auto-hold', 'edit-held'] as const;
export const moderatorDecisionActions = [
  'approve',
  'reject',
  'redact-approve',
  'appeal-reinstate',
  'appeal-uphold',
] as const;
/** Published by the system when the reason for a hold ended (lib/moderation/release.ts): not a person's decision. */
export const releaseActions = ['release'] as const;

const isAutomaticHold = (r: { actorType: string; action: string }) =>
  (r.actorType === 'rule' && r.action === 'auto-hold') || r.action === 'edit-held';
const isAutomaticRejection = (r: { actorType: string; action: string }) =>
  r.actorType === 'rule' && r.action === 'auto-reject';
const isRelease = (r: { actorType: string; action: string }) =>
  r.actorType === 'system' && (releaseActions as readonly string[]).includes(r.action);
const isModeratorDecision = (r: { actorType: string; action: string }) =>
  r.actorType === 'moderator' && (moderatorDecisionActions as readonly string[]).includes(r.action);

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The Monday 00:00 UTC that starts the week of `date`. */
export function weekStart(date: Date): Date {
  const day = (date.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day));
}
const weekKey = (date: Date) => weekStart(date).toISOString().slice(0, 10);

export function summarizeDecisions(input: {
  decisions: DecisionRecord[];
  clauses: ClauseRecord[];
  /** Comments a moderator decided in the period: posting time and decision time. */
  decided: { createdAt: Date; decidedAt: Date }[];
  clauseOrder: readonly string[];
  now: Date;
  weeks?: number;
}): DecisionFigures {
  const { decisions, clauses, decided, clauseOrder, now } = input;
  const weekCount = input.weeks ?? 12;
  // Records without a comment (none today) still count, each as its own comment.
  const key = (r: { commentId: string | null }, i: number) => r.commentId ?? `entry-${i}`;

  const held = new Set<string>();
  const rejected = new Set<string>();
  decisions.forEach((r, i) => {
    if (isAutomaticHold(r)) held.add(key(r, i));
    else if (isAutomaticRejection(r)) rejected.add(key(r, i));
  });

  // Per clause, each comment once per category.
  const seen = {
    automaticHolds: new Set<string>(),
    automaticRejections: new Set<string>(),
    moderatorRejections: new Set<string>(),
  };
  const counts = new Map<string, ClauseFigures>();
  clauses.forEach((r, i) => {
    const category = isAutomaticHold(r)
      ? 'automaticHolds'
      : isAutomaticRejection(r)
        ? 'automaticRejections'
        : r.actorType === 'moderator' && r.action === 'reject'
          ? 'moderatorRejections'
          : null;
    if (!category) return;
    const once = `${key(r, i)} ${r.clause}`;
    if (seen[category].has(once)) return;
    seen[category].add(once);
    const row = counts.get(r.clause) ?? {
      clause: r.clause,
      automaticHolds: 0,
      automaticRejections: 0,
      moderatorRejections: 0,
    };
    row[category]++;
    counts.set(r.clause, row);
  });
  const order = (clause: string) => (clauseOrder.includes(clause) ? clauseOrder.indexOf(clause) : clauseOrder.length);
  const byClause = [...counts.values()].sort(
    (a, b) => order(a.clause) - order(b.clause) || a.clause.localeCompare(b.clause),
  );

  // A held comment's outcome is the first moderator decision or release after it was held.
  const outcome = new Map<string, string>();
  const byTime = decisions
    .map((r, i) => ({ r, k: key(r, i) }))
    .sort((a, b) => a.r.createdAt.getTime() - b.r.createdAt.getTime());
  for (const { r, k } of byTime) {
    if (!held.has(k) || outcome.has(k)) continue;
    if (isRelease(r)) outcome.set(k, 'release');
    else if (isModeratorDecision(r) && ['approve', 'reject', 'redact-approve'].includes(r.action))
      outcome.set(k, r.action);
  }
  const outcomes = [...outcome.values()];
  const count = (action: string) => outcomes.filter((a) => a === action).length;

  const moderatorDecisions = decisions.filter(isModeratorDecision);
  const current = weekStart(now).getTime();
  const weekMs = 7 * 86_400_000;
  const weeks: WeekFigures[] = Array.from({ length: weekCount }, (_, i) => ({
    week: new Date(current - (weekCount - 1 - i) * weekMs).toISOString().slice(0, 10),
    automaticHolds: 0,
    automaticRejections: 0,
    moderatorDecisions: 0,
    medianDecisionMs: null,
  }));
  const weekOf = new Map(weeks.map((w) => [w.week, w]));
  const heldWeek = new Map<string, Set<string>>();
  const rejectedWeek = new Map<string, Set<string>>();
  decisions.forEach((r, i) => {
    const week = weekOf.get(weekKey(r.createdAt));
    if (!week) return;
    const bucket = isAutomaticHold(r) ? heldWeek : isAutomaticRejection(r) ? rejectedWeek : null;
    if (bucket) bucket.set(week.week, (bucket.get(week.week) ?? new Set()).add(key(r, i)));
    else if (isModeratorDecision(r)) week.moderatorDecisions++;
  });
  const waits = new Map<string, number[]>();
  for (const row of decided) {
    const week = weekKey(row.decidedAt);
    if (weekOf.has(week))
      waits.set(week, [...(waits.get(week) ?? []), row.decidedAt.getTime() - row.createdAt.getTime()]);
  }
  for (const week of weeks) {
    week.automaticHolds = heldWeek.get(week.week)?.size ?? 0;
    week.automaticRejections = rejectedWeek.get(week.week)?.size ?? 0;
    week.medianDecisionMs = median(waits.get(week.week) ?? []);
  }

  return {
    automaticHolds: held.size,
    automaticRejections: rejected.size,
    moderator: {
      approvals: moderatorDecisions.filter((r) => r.action === 'approve').length,
      rejections: moderatorDecisions.filter((r) => r.action === 'reject').length,
      redactions: moderatorDecisions.filter((r) => r.action === 'redact-approve').length,
      appealDecisions: moderatorDecisions.filter((r) => r.action.startsWith('appeal-')).length,
    },
    heldOutcomes: {
      approved: count('approve'),
      redacted: count('redact-approve'),
      released: count('release'),
      rejected: count('reject'),
      undecided: held.size - outcome.size,
    },
    medianDecisionMs: median(decided.map((row) => row.decidedAt.getTime() - row.createdAt.getTime())),
    byClause,
    weeks,
  };
}
