// A reader's record as trust counts it (lib/policy/trust.ts): published comments and breaches of the policy.
// Counted from the comments' decisions, not their current status alone: a comment its writer deleted (or
// replaced by a corrected version) counts as what it was when they did, so deleting is neutral both ways.
import { db } from '../db';
import { conductOf, type Conduct, type ConductRecord } from '../policy/trust';
import type { Reason } from '../policy';

/** A reader's own deletions and replacements: the events that keep the status a comment had before. */
const writerActions = ['delete', 'resubmit'];

type Row = {
  id: string;
  userId: string | null;
  status: string;
  decidedById: string | null;
  rejectClause: string | null;
  reasons: string;
};

export async function loadConduct(userIds: readonly string[]): Promise<Map<string, Conduct>> {
  const result = new Map<string, Conduct>(userIds.map((id) => [id, { approvedCount: 0, breaches: [] }]));
  if (userIds.length === 0) return result;
  const ids = [...userIds];
  const select = {
    id: true,
    userId: true,
    status: true,
    decidedById: true,
    rejectClause: true,
    reasons: true,
  } as const;
  const [published, decided] = await Promise.all([
    db.comment.groupBy({ by: ['userId'], where: { userId: { in: ids }, status: 'PUBLISHED' }, _count: { _all: true } }),
    // Only rejected and deleted comments need their reasons read; readers have few of them.
    db.comment.findMany({
      where: { userId: { in: ids }, status: { in: ['REJECTED', 'DELETED'] } },
      select,
      orderBy: { createdAt: 'desc' },
      take: 2000,
    }),
  ]);
  const deletedIds = decided.filter((row) => row.status === 'DELETED').map((row) => row.id);
  const before = new Map<string, string | null>();
  if (deletedIds.length)
    for (const event of await db.moderationEvent.findMany({
      where: { commentId: { in: deletedIds }, action: { in: writerActions } },
      select: { commentId: true, fromStatus: true },
    }))
      if (event.commentId) before.set(event.commentId, event.fromStatus);

  const records = new Map<string, ConductRecord[]>();
  for (const row of published)
    if (row.userId)
      records.set(
        row.userId,
        Array.from({ length: row._count._all }, () => ({ status: 'PUBLISHED', moderatorClause: null, reasons: [] })),
      );
  for (const row of decided) {
    const record = toRecord(row, row.status === 'DELETED' ? before.get(row.id) : row.status);
    if (record && row.userId) records.set(row.userId, [...(records.get(row.userId) ?? []), record]);
  }
  for (const [userId, list] of records) result.set(userId, conductOf(list));
  return result;
}

export async function loadConductOf(userId: string): Promise<Conduct> {
  return (await loadConduct([userId])).get(userId)!;
}

function toRecord(row: Row, status: string | null | undefined): ConductRecord | null {
  if (status !== 'PUBLISHED' && status !== 'REJECTED') return null;
  const reasons = JSON.parse(row.reasons) as Reason[];
  return { status, moderatorClause: row.decidedById && status === 'REJECTED' ? row.rejectClause : null, reasons };
}
