// Notices of illegal content keep the reporter's details for twelve months (README, Privacy): twelve months after
// the decision, or after receipt for a notice never decided, the reporter's name, email and explanation (their
// words, which may name them) are erased. What the transparency report and the record need stays: the reference,
// the content noticed, the law or right, the outcome, its clause and reasons, and the dates. It runs with the mail
// sender's jobs (worker 1, or `npm run mailer`), at most hourly, in batches; each notice is claimed by a
// compare-and-set on its address, so two instances erase it once. One audit entry per batch: how many and which
// references, nothing personal.
import type { Db } from '../db';
import { recordEvent } from '../comments/audit';

export const noticeRetentionMonths = 12;
/** What an erased notice keeps in place of the reporter's name, email and explanation. */
export const erased = '';

/** The moment before which a notice's details are due for erasure (twelve calendar months before `now`). */
export function retentionCutoff(now: Date): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - noticeRetentionMonths);
  return cutoff;
}

/** Erases the reporter details of every notice past its retention; returns how many were erased. */
export async function eraseExpiredNoticeReporters(
  db: Db,
  now = new Date(),
  { batchSize = 100, maxBatches = 20 } = {},
): Promise<number> {
  const cutoff = retentionCutoff(now);
  const due = {
    reporterEmail: { not: erased },
    OR: [{ decidedAt: { lte: cutoff } }, { decidedAt: null, createdAt: { lte: cutoff } }],
  };
  let total = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const notices = await db.legalNotice.findMany({
      where: due,
      orderBy: { createdAt: 'asc' },
      take: batchSize,
      select: { id: true, reference: true },
    });
    if (!notices.length) break;
    const count = await db.$transaction(async (tx) => {
      const references: string[] = [];
      for (const notice of notices) {
        const claimed = await tx.legalNotice.updateMany({
          where: { id: notice.id, reporterEmail: { not: erased } },
          data: { reporterName: erased, reporterEmail: erased, explanation: erased },
        });
        if (claimed.count === 1) references.push(notice.reference);
      }
      if (references.length)
        await recordEvent(tx, {
          commentId: null,
          actorType: 'system',
          action: 'notice-reporters-erased',
          fromStatus: null,
          toStatus: null,
          note: `Erased the reporter's name, email and explanation of ${references.length} notice${references.length === 1 ? '' : 's'} decided (or, undecided, received) more than ${noticeRetentionMonths} months ago: ${references.join(', ')}.`,
        });
      return references.length;
    });
    total += count;
    if (notices.length < batchSize) break;
  }
  return total;
}

/** The job as the mail sender runs it: at most once an interval per process (the first run at start). */
export function hourlyNoticeErasure(db: Db, intervalMs = 3_600_000): () => Promise<number> {
  let last = -Infinity;
  return async () => {
    const now = Date.now();
    if (now - last < intervalMs) return 0;
    last = now;
    return eraseExpiredNoticeReporters(db, new Date(now));
  };
}
