// The priority order of the Pending and Reported queues (issue 16): the most urgent clause cited (by the rules
// that held the comment, or by readers' reports; urgency is clause data in lib/policy/clauses.ts), then the number
// of reports, then age, oldest first. The three are folded into one stored string, `Comment.triageKey`, sorted
// descending, so the (status, triageKey, id) index serves every page as a range scan: keyset paging on three
// columns with mixed directions would scan the whole urgency bucket before a deep page.
// The key is written wherever its inputs change: a comment held (submit, edit), a report, a decision.
import type { Db } from '../db';
import type { Reason } from '../policy';
import { urgencyOf } from '../policy/clauses';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

const latest = 9_999_999_999_999; // ms since 1970 stay below this until the year 2286

/**
 * "3-000002-8235…": urgency, report count, then the creation time counted down, so descending order is most
 * urgent, most reported, oldest first. Empty (last) for a comment in neither triage queue.
 */
export function triageKey(comment: {
  status: string;
  reasonClauses: readonly string[];
  reportClauses: readonly string[];
  reportCount: number;
  createdAt: Date;
}): string {
  const queued = comment.status === 'PENDING' || (comment.status === 'PUBLISHED' && comment.reportCount > 0);
  if (!queued) return '';
  const urgency = urgencyOf([...comment.reasonClauses, ...comment.reportClauses]);
  const reports = String(Math.min(comment.reportCount, 999_999)).padStart(6, '0');
  const age = String(latest - comment.createdAt.getTime()).padStart(13, '0');
  return `${urgency}-${reports}-${age}`;
}

export const reasonClauses = (reasons: string | readonly Reason[]): string[] => {
  const list: unknown = typeof reasons === 'string' ? JSON.parse(reasons) : reasons;
  return Array.isArray(list) ? list.flatMap((r) => (typeof r?.clause === 'string' ? [r.clause] : [])) : [];
};

/** Writes the key from what the comment is now (call inside the transaction that changed it). */
export async function refreshTriageKey(tx: Tx, commentId: string): Promise<void> {
  const comment = await tx.comment.findUnique({
    where: { id: commentId },
    select: { status: true, reasons: true, reportCount: true, createdAt: true, reports: { select: { clause: true } } },
  });
  if (!comment) return;
  const key = triageKey({
    status: comment.status,
    reasonClauses: reasonClauses(comment.reasons),
    reportClauses: comment.reports.map((report) => report.clause),
    reportCount: comment.reportCount,
    createdAt: comment.createdAt,
  });
  await tx.comment.update({ where: { id: commentId }, data: { triageKey: key } });
}
