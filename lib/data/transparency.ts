// The public transparency report, computed from the audit log over the last twelve months: the decisions
// (ModerationEvent) and every clause each one cites (DecisionClause). The arithmetic is in
// lib/moderation/transparency-figures.ts. Cached in-process for a few minutes: it is public, and the
// figures need not be to the second.
import 'server-only';
import { db } from '../db';
import { clauseIds } from '../policy/clauses';
import {
  automaticHoldActions,
  releaseActions,
  moderatorDecisionActions,
  summarizeDecisions,
  type DecisionFigures,
} from '../moderation/transparency-figures';
import { reversedEventIds } from '../moderation/undo';

export type TransparencyReport = DecisionFigures & {
  since: Date;
  publishedAutomatically: number;
  /** Appeals of decisions on comments. */
  appeals: { open: number; upheld: number; reinstated: number };
  /** Appeals of measures on accounts (issue 16), counted apart: they are about accounts, not comments. */
  measureAppeals: { open: number; upheld: number; lifted: number; moot: number };
  /** Automatic holds and rejections a story preset caused (issue 18), by preset name, most first. */
  byPreset: { preset: string; holds: number; rejections: number }[];
};

const cacheMs = 5 * 60_000;
let cached: { report: TransparencyReport; at: number } | null = null;

const decisionWhere = [
  { actorType: 'rule', action: { in: ['auto-hold', 'auto-reject'] } },
  { action: { in: [...automaticHoldActions] } },
  { actorType: 'moderator', action: { in: [...moderatorDecisionActions] } },
  { actorType: 'system', action: { in: [...releaseActions] } },
];

export async function buildTransparencyReport(now = new Date(), useCache = true): Promise<TransparencyReport> {
  if (useCache && cached && now.getTime() - cached.at < cacheMs) return cached.report;
  const since = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth() + 1, 1));
  const inPeriod = { createdAt: { gte: since } };
  const [publishedAutomatically, allDecisions, allClauses, decided, appeals, presetEvents, reversed] =
    await Promise.all([
      db.moderationEvent.count({ where: { ...inPeriod, actorType: 'rule', action: 'auto-publish' } }),
      db.moderationEvent.findMany({
        where: { ...inPeriod, OR: decisionWhere },
        select: { id: true, commentId: true, actorType: true, action: true, createdAt: true },
      }),
      db.decisionClause.findMany({
        where: inPeriod,
        select: { eventId: true, commentId: true, actorType: true, action: true, clause: true },
      }),
      db.comment.findMany({
        where: { decidedById: { not: null }, decidedAt: { gte: since } },
        orderBy: { decidedAt: 'desc' },
        take: 10_000,
        select: { createdAt: true, decidedAt: true },
      }),
      db.appeal.groupBy({ by: ['status'], where: { ...inPeriod, commentId: { not: null } }, _count: { _all: true } }),
      // Each automatic outcome's note names the preset behind it (lib/policy/rules/context-rules.ts, presets.ts).
      db.moderationEvent.findMany({
        where: {
          ...inPeriod,
          actorType: 'rule',
          action: { in: ['auto-hold', 'auto-reject'] },
          note: { contains: '(preset “' },
        },
        select: { action: true, note: true },
      }),
      reversedEventIds(since),
    ]);
  // An undone decision (lib/moderation/undo.ts) never happened, as far as the figures go.
  const decisions = allDecisions.filter((row) => !reversed.has(row.id));
  const clauses = allClauses.filter((row) => !reversed.has(row.eventId));
  const measureAppeals = await db.appeal.groupBy({
    by: ['status'],
    where: { ...inPeriod, measureEventId: { not: null } },
    _count: { _all: true },
  });
  const measureAppealCount = (status: string) => measureAppeals.find((row) => row.status === status)?._count._all ?? 0;
  const appealCount = (status: string) => appeals.find((row) => row.status === status)?._count._all ?? 0;
  const report: TransparencyReport = {
    since,
    publishedAutomatically,
    appeals: { open: appealCount('OPEN'), upheld: appealCount('UPHELD'), reinstated: appealCount('REINSTATED') },
    measureAppeals: {
      open: measureAppealCount('OPEN'),
      upheld: measureAppealCount('UPHELD'),
      lifted: measureAppealCount('LIFTED'),
      moot: measureAppealCount('MOOT'),
    },
    byPreset: countByPreset(presetEvents),
    ...summarizeDecisions({
      decisions,
      clauses,
      decided: decided.flatMap((row) =>
        row.decidedAt ? [{ createdAt: row.createdAt, decidedAt: row.decidedAt }] : [],
      ),
      clauseOrder: clauseIds,
      now,
    }),
  };
  if (useCache) cached = { report, at: now.getTime() };
  return report;
}

/** "… (preset “Court reports” (section Courts))" in an automatic outcome's note: each preset counts once per
 *  comment. */
export function countByPreset(events: { action: string; note: string | null }[]) {
  const counts = new Map<string, { preset: string; holds: number; rejections: number }>();
  for (const event of events) {
    const names = new Set([...(event.note ?? '').matchAll(/\(preset “([^”]+)”/g)].map((match) => match[1]!));
    for (const preset of names) {
      const row = counts.get(preset) ?? { preset, holds: 0, rejections: 0 };
      if (event.action === 'auto-hold') row.holds++;
      else row.rejections++;
      counts.set(preset, row);
    }
  }
  return [...counts.values()].sort(
    (a, b) => b.holds + b.rejections - (a.holds + a.rejections) || a.preset.localeCompare(b.preset),
  );
}
