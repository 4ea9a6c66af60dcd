// The transactional outbox: an email is a row written in the same transaction as the event that causes it.
// lib/mail/sender.ts delivers the rows. Nothing here talks to SMTP.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db';
import { env } from '../env';

export type Mail = {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
};

type Writer = Pick<Db, 'outboxMessage'>;

/** An email a moderator's decision caused: it waits out the decision's undo window, and goes with an undo. */
export type Hold = { eventId: string; until: Date };

export async function enqueueMail(tx: Writer, mail: Mail, hold?: Hold): Promise<{ id: string }> {
  const host = new URL(env().appUrl).hostname || 'localhost';
  const row = await tx.outboxMessage.create({
    data: {
      kind: mail.kind,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: JSON.stringify(mail.headers ?? {}),
      messageId: `<${randomUUID()}@${host}>`,
      ...(hold ? { nextAttemptAt: hold.until, heldForEventId: hold.eventId } : {}),
    },
    select: { id: true },
  });
  notifySender();
  return row;
}

// Lets the in-process sender pick a new row up at once instead of at its next poll.
const listeners = new Set<() => void>();
export function onMailEnqueued(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
function notifySender() {
  // After the current transaction has had a chance to commit.
  setTimeout(() => listeners.forEach((listener) => listener()), 10);
}
