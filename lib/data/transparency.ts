// The public transparency report, computed from the audit log (ModerationEvent) over the last twelve
// months. Cached in-process for a few minutes: it is public, and the figures need not be to the second.
import { db } from '../db';

export type TransparencyReport = {
  publishedAutomatically: number;
  /** Holds and rejections decided by the automatic checks. */
  automatic: number;
  /** Approvals, rejections and appeal decisions by moderators. */
  human: number;
  medianDecisionMs: number | null;
  appeals: { open: number; upheld: number; reinstated: number };
  /** Newest month first; comments held or rejected, by clause. */
  months: { month: string; byClause: Record<string, number> }[];
};

const cacheMs = 5 * 60_000;
let cached: { report: TransparencyReport; at: number } | null = null;

export async function buildTransparencyReport(now = new Date(), useCache = true): Promise<TransparencyReport> {
  if (useCache && cached && now.getTime() - cached.at < cacheMs) return cached.report;
  const since = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth() + 1, 1));
  const inPeriod = { createdAt: { gte: since } };
  const [publishedAutomatically, automatic, human, decided, appeals, restrictions] = await Promise.all([
    db.moderationEvent.count({ where: { ...inPeriod, actorType: 'rule', action: 'auto-publish' } }),
    db.moderationEvent.count({ where: { ...inPeriod, actorType: 'rule', action: { in: ['auto-hold', 'auto-reject'] } } }),
    db.moderationEvent.count({ where: { ...inPeriod, actorType: 'moderator', action: { in: ['approve', 'reject', 'appeal-reinstate', 'appeal-uphold'] } } }),
    db.comment.findMany({
      where: { decidedById: { not: null }, decidedAt: { gte: since } },
      orderBy: { decidedAt: 'desc' },
      take: 10_000,
      select: { createdAt: true, decidedAt: true },
    }),
    db.appeal.groupBy({ by: ['status'], where: inPeriod, _count: { _all: true } }),
    db.moderationEvent.findMany({
      where: { ...inPeriod, clause: { not: null }, OR: [{ actorType: 'rule', action: { in: ['auto-hold', 'auto-reject'] } }, { actorType: 'moderator', action: 'reject' }] },
      select: { createdAt: true, clause: true },
    }),
  ]);

  const durations = decided.map((row) => row.decidedAt!.getTime() - row.createdAt.getTime()).sort((a, b) => a - b);
  const middle = Math.floor(durations.length / 2);
  const medianDecisionMs = durations.length === 0 ? null : durations.length % 2 ? durations[middle]! : (durations[middle - 1]! + durations[middle]!) / 2;

  const byMonth = new Map<string, Record<string, number>>();
  for (const row of restrictions) {
    const month = row.createdAt.toISOString().slice(0, 7);
    const counts = byMonth.get(month) ?? {};
    counts[row.clause!] = (counts[row.clause!] ?? 0) + 1;
    byMonth.set(month, counts);
  }
  const appealCount = (status: string) => appeals.find((row) => row.status === status)?._count._all ?? 0;
  const report: TransparencyReport = {
    publishedAutomatically,
    automatic,
    human,
    medianDecisionMs,
    appeals: { open: appealCount('OPEN'), upheld: appealCount('UPHELD'), reinstated: appealCount('REINSTATED') },
    months: [...byMonth.entries()].sort(([a], [b]) => b.localeCompare(a)).map(([month, byClause]) => ({ month, byClause })),
  };
  cached = { report, at: now.getTime() };
  return report;
}
