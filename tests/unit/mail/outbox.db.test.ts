// The outbox against a real SQLite database and a real SMTP server on 127.0.0.1:
// mail queued while SMTP is down is delivered exactly once when it comes back.
import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '@/lib/db';
import { useTempDatabase } from '../../support/temp-db';

let db: Db;
const received: { messageId: string; to: string; subject: string }[] = [];
let sink: SMTPServer | undefined;
let port = 0;

function startSink(): Promise<void> {
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            messageId: mail.messageId ?? '',
            to: mail.to && !Array.isArray(mail.to) ? mail.to.text : '',
            subject: mail.subject ?? '',
          });
          callback();
        })
        .catch(callback);
    },
  });
  return new Promise((resolve) =>
    sink!.listen(port, '127.0.0.1', () => {
      port = (sink!.server.address() as AddressInfo).port;
      resolve();
    }),
  );
}
function stopSink(): Promise<void> {
  return new Promise((resolve) => (sink ? sink.close(() => resolve()) : resolve()));
}

beforeAll(async () => {
  db = await useTempDatabase();
  await startSink(); // learn a free port, then stop: SMTP is "down" at first
  await stopSink();
}, 60_000);
afterAll(async () => {
  await stopSink();
});

describe('outbox delivery', () => {
  test('SMTP down: nothing lost, retried with backoff, delivered exactly once when back', async () => {
    const { enqueueMail } = await import('@/lib/mail/outbox');
    const { deliverDue, smtpTransport } = await import('@/lib/mail/sender');
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`);
    for (let i = 0; i < 3; i++)
      await enqueueMail(db, {
        kind: 'test',
        to: `reader${i}@example.test`,
        subject: `Message ${i}`,
        text: `Body ${i}`,
        html: `<p>Body ${i}</p>`,
      });

    const t0 = new Date();
    const down = await deliverDue(db, transport, { now: t0, retryBaseSeconds: 10 });
    expect(down).toEqual({ sent: 0, failed: 3 });
    const queued = await db.outboxMessage.findMany();
    expect(queued.every((row) => row.status === 'QUEUED' && row.attempts === 1 && row.lastError)).toBe(true);
    expect(queued.every((row) => row.nextAttemptAt.getTime() - t0.getTime() >= 9_000)).toBe(true);

    // Not due yet: nothing is tried.
    expect(await deliverDue(db, transport, { now: new Date(t0.getTime() + 5_000), retryBaseSeconds: 10 })).toEqual({
      sent: 0,
      failed: 0,
    });

    await startSink();
    // Two senders at once (two app instances): each row is claimed by one of them.
    const later = new Date(t0.getTime() + 60_000);
    const [a, b] = await Promise.all([
      deliverDue(db, transport, { now: later, retryBaseSeconds: 10 }),
      deliverDue(db, transport, { now: later, retryBaseSeconds: 10 }),
    ]);
    expect(a.sent + b.sent).toBe(3);
    expect(await deliverDue(db, transport, { now: new Date(later.getTime() + 3_600_000) })).toEqual({
      sent: 0,
      failed: 0,
    });

    expect(received).toHaveLength(3);
    const rows = await db.outboxMessage.findMany({ orderBy: { subject: 'asc' } });
    expect(rows.map((row) => row.status)).toEqual(['SENT', 'SENT', 'SENT']);
    expect(new Set(received.map((m) => m.messageId))).toEqual(new Set(rows.map((row) => row.messageId)));
    expect(rows.every((row) => row.attempts === 2 && row.lastError === null)).toBe(true);
  }, 30_000);
});
