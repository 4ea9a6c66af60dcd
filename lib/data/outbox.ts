import 'server-only';
// Reads of the mail outbox: the admin's outbox page and the development mailbox.
import { db } from '../db';

export type OutboxStatus = 'QUEUED' | 'SENDING' | 'SENT' | 'FAILED';

/** Counts per status and the 100 newest messages (of one status, if given), for /moderate/outbox. */
export async function listOutbox(status: OutboxStatus | undefined) {
  const [counts, messages] = await Promise.all([
    db.outboxMessage.groupBy({ by: ['status'], _count: { _all: true } }),
    db.outboxMessage.findMany({
      where: status ? { status } : {},
      select: {
        id: true,
        kind: true,
        to: true,
        subject: true,
        status: true,
        attempts: true,
        nextAttemptAt: true,
        lastError: true,
        sentAt: true,
        createdAt: true,
      },
      orderBy: { createdAt: 'desc' },
      take: 100,
    }),
  ]);
  return { count: (s: OutboxStatus) => counts.find((c) => c.status === s)?._count._all ?? 0, messages };
}

/** The 50 newest emails in full, for /dev/mailbox. */
export const listRecentMail = () => db.outboxMessage.findMany({ orderBy: { createdAt: 'desc' }, take: 50 });
