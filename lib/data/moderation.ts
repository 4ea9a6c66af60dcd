// Read model for the moderation console: one card per comment with everything a decision needs
// (the text with rule evidence, the thread context, the commenter's history, reports, appeal).
import 'server-only';
import { db } from '../db';
import type { Reason } from '../policy';
import { loadConduct } from '../moderation/conduct';
import { trustScore, type Conduct } from '../policy/trust';

const trustOf = (conduct: Conduct | undefined, accountAgeDays: number) =>
  trustScore({
    approvedCount: conduct?.approvedCount ?? 0,
    rejectedCount: conduct?.breaches.length ?? 0,
    accountAgeDays,
  });

export type ModerationCard = Awaited<ReturnType<typeof loadCards>>[number];

const day = 86_400_000;

export async function loadCards(ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db.comment.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      body: true,
      status: true,
      version: true,
      reasons: true,
      hiddenByReports: true,
      featured: true,
      rejectClause: true,
      rejectNote: true,
      // Staff only: what the writer wrote before a moderator's redaction (lib/moderation/redact.ts).
      originalBody: true,
      redactClause: true,
      redactNote: true,
      createdAt: true,
      decidedAt: true,
      decidedById: true,
      userId: true,
      article: { select: { slug: true, headline: true } },
      parent: { select: { body: true, user: { select: { displayName: true } } } },
      user: {
        select: {
          id: true,
          email: true,
          displayName: true,
          role: true,
          createdAt: true,
          premoderated: true,
          suspendedUntil: true,
          bannedAt: true,
        },
      },
      authorProfile: { select: { name: true } },
      reports: {
        orderBy: { createdAt: 'asc' },
        select: { clause: true, note: true, user: { select: { displayName: true } } },
      },
      appeal: { select: { id: true, status: true, statement: true } },
    },
  });
  const userIds = [...new Set(rows.flatMap((row) => (row.userId ? [row.userId] : [])))];
  const deciderIds = [...new Set(rows.flatMap((row) => (row.decidedById ? [row.decidedById] : [])))];
  const [counts, previous, deciders, events, conduct] = await Promise.all([
    userIds.length
      ? db.comment.groupBy({ by: ['userId', 'status'], where: { userId: { in: userIds } }, _count: { _all: true } })
      : [],
    userIds.length
      ? db.comment.findMany({
          where: { userId: { in: userIds }, decidedById: { not: null }, status: { in: ['PUBLISHED', 'REJECTED'] } },
          orderBy: { decidedAt: 'desc' },
          take: 200,
          select: { id: true, userId: true, status: true, rejectClause: true, article: { select: { headline: true } } },
        })
      : [],
    deciderIds.length
      ? db.user.findMany({ where: { id: { in: deciderIds } }, select: { id: true, displayName: true, email: true } })
      : [],
    db.moderationEvent.findMany({
      where: { commentId: { in: ids } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: {
        commentId: true,
        actorType: true,
        actorId: true,
        action: true,
        fromStatus: true,
        toStatus: true,
        clause: true,
        note: true,
        createdAt: true,
        clauses: { select: { clause: true } },
      },
    }),
    loadConduct(userIds),
  ]);
  const actorIds = [
    ...new Set(events.flatMap((event) => (event.actorId && event.actorType !== 'author' ? [event.actorId] : []))),
  ];
  const actors = actorIds.length
    ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true, email: true } })
    : [];
  const actorName = new Map(actors.map((user) => [user.id, user.displayName ?? user.email]));
  const countOf = (userId: string, status: string) =>
    counts.find((row) => row.userId === userId && row.status === status)?._count._all ?? 0;
  const deciderName = new Map(deciders.map((user) => [user.id, user.displayName ?? user.email]));
  const now = Date.now();
  const cards = rows.map((row) => {
    const stats = row.user
      ? {
          accountAgeDays: Math.floor((now - row.user.createdAt.getTime()) / day),
          published: countOf(row.user.id, 'PUBLISHED'),
          pending: countOf(row.user.id, 'PENDING'),
          rejected: countOf(row.user.id, 'REJECTED'),
        }
      : null;
    return {
      ...row,
      reasons: JSON.parse(row.reasons) as Reason[],
      stats,
      // The same conduct the policy counts (duplicates and self-deletions neutral), not raw status counts.
      trust: stats && row.userId ? trustOf(conduct.get(row.userId), stats.accountAgeDays) : null,
      previousDecisions: previous.filter((p) => p.userId === row.userId && p.id !== row.id).slice(0, 5),
      decidedBy: row.decidedById ? (deciderName.get(row.decidedById) ?? 'a moderator') : 'the automatic checks',
      // The comment's audit trail, oldest first.
      history: events
        .filter((event) => event.commentId === row.id)
        .map((event) => ({
          ...event,
          // Every clause the entry cites (older entries recorded only the first) and every line of its note:
          // an automatic decision's note holds one line per reason.
          clauses: event.clauses.length ? event.clauses.map((c) => c.clause) : event.clause ? [event.clause] : [],
          noteLines: event.note ? event.note.split('\n').filter(Boolean) : [],
          actor:
            event.actorType === 'rule'
              ? 'automatic checks'
              : event.actorType === 'system'
                ? 'system'
                : event.actorType === 'author'
                  ? 'the story’s author'
                  : (actorName.get(event.actorId ?? '') ?? event.actorType),
        })),
    };
  });
  // Keep the queue's order.
  const position = new Map(ids.map((id, index) => [id, index]));
  return cards.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
}

export function listArticlesForFilter(take = 200) {
  return db.article.findMany({ orderBy: { publishedAt: 'desc' }, take, select: { id: true, headline: true } });
}
