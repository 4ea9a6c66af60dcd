// Delivers outbox rows over SMTP (SMTP_URL) or, without SMTP, to the development mailbox.
// Each row is claimed with a compare-and-set on its status, so two senders (two app instances,
// or the app and `npm run mailer`) never send the same row twice.
import { hostname } from 'node:os';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../db';
import { env } from '../env';
import { nextAttempt } from './backoff';
import { onMailEnqueued } from './outbox';
import { redactSecrets } from './redact';

const senderId = `${hostname()}:${process.pid}`;
// A row claimed this long ago by a sender that died is handed out again.
const staleClaimMs = 5 * 60_000;

export type DeliveryTransport = {
  name: string;
  send(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    messageId: string;
    headers: Record<string, string>;
  }): Promise<void>;
};

export function smtpTransport(url: string): DeliveryTransport {
  const transporter: Transporter = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    async send(message) {
      await transporter.sendMail(message);
    },
  };
}

/** Without SMTP the message stays in the outbox table, shown by /dev/mailbox; the log says so without secrets. */
export const devMailboxTransport: DeliveryTransport = {
  name: 'dev-mailbox',
  async send(message) {
    console.info(
      `[mail] to ${message.to}: "${message.subject}" (open /dev/mailbox to read it)\n${redactSecrets(message.text)}`,
    );
  },
};

export function defaultTransport(): DeliveryTransport {
  const { SMTP_URL } = env();
  return SMTP_URL ? smtpTransport(SMTP_URL) : devMailboxTransport;
}

/** Sends every due row once; returns how many were sent and how many failed. */
export async function deliverDue(
  db: Db,
  transport: DeliveryTransport,
  { now = new Date(), batchSize = 20, retryBaseSeconds = env().MAIL_RETRY_BASE_SECONDS } = {},
): Promise<{ sent: number; failed: number }> {
  await db.outboxMessage.updateMany({
    where: { status: 'SENDING', claimedAt: { lt: new Date(now.getTime() - staleClaimMs) } },
    data: { status: 'QUEUED', claimedBy: null },
  });
  const due = await db.outboxMessage.findMany({
    where: { status: 'QUEUED', nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: 'asc' },
    take: batchSize,
  });
  let sent = 0;
  let failed = 0;
  for (const row of due) {
    const claim = await db.outboxMessage.updateMany({
      where: { id: row.id, status: 'QUEUED' },
      data: { status: 'SENDING', claimedBy: senderId, claimedAt: new Date() },
    });
    if (claim.count !== 1) continue; // another sender has it
    const attempts = row.attempts + 1;
    try {
      await transport.send({
        from: env().MAIL_FROM,
        to: row.to,
        subject: row.subject,
        text: row.text,
        html: row.html,
        messageId: row.messageId,
        headers: JSON.parse(row.headers) as Record<string, string>,
      });
      await db.outboxMessage.update({
        where: { id: row.id },
        data: { status: 'SENT', sentAt: new Date(), attempts, lastError: null },
      });
      sent++;
    } catch (error) {
      failed++;
      const message = error instanceof Error ? error.message : String(error);
      await db.outboxMessage.update({
        where: { id: row.id },
        data: {
          ...nextAttempt(attempts, retryBaseSeconds, new Date()),
          attempts,
          lastError: message.slice(0, 1000),
          claimedBy: null,
        },
      });
    }
  }
  return { sent, failed };
}

/** The polling loop: in the app process by default (instrumentation.ts), or alone with `npm run mailer`. */
export function startMailer(
  db: Db,
  {
    transport = defaultTransport(),
    jobs = [],
  }: { transport?: DeliveryTransport; jobs?: (() => Promise<unknown>)[] } = {},
): () => void {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    clearTimeout(timer);
    try {
      for (const job of jobs) await job();
      do {
        again = false;
        const { sent } = await deliverDue(db, transport);
        if (sent > 0) again = true;
      } while (again && !stopped);
    } catch (error) {
      console.error('[mail] sender error:', error instanceof Error ? error.message : error);
    } finally {
      running = false;
      if (!stopped) timer = setTimeout(tick, env().MAIL_POLL_MS);
    }
  };
  const unsubscribe = onMailEnqueued(() => void tick());
  void tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
  };
}
