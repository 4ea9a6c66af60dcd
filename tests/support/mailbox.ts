// Reads what the SMTP sink (tests/support/smtp-sink.ts) received.
import type { SinkMessage } from './smtp-sink';

const base = `http://127.0.0.1:${process.env.SMTP_SINK_HTTP_PORT ?? 2580}`;

export type { SinkMessage };

export async function listMail(to?: string): Promise<SinkMessage[]> {
  const response = await fetch(`${base}/messages${to ? `?to=${encodeURIComponent(to)}` : ''}`);
  return (await response.json()) as SinkMessage[];
}

/** Waits for a message to `to` (received after `since`, matching subject and text), or fails after the timeout. */
export async function waitForMail({
  to,
  subject,
  since,
  contains,
  timeoutMs = 15_000,
}: {
  to: string;
  subject?: RegExp;
  since?: Date;
  contains?: string;
  timeoutMs?: number;
}): Promise<SinkMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await listMail(to)).find(
      (message) =>
        (!subject || subject.test(message.subject)) &&
        (!since || new Date(message.receivedAt) >= since) &&
        (!contains || message.text.includes(contains)),
    );
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(
        `No email to ${to}${subject ? ` matching ${subject}` : ''}${contains ? ` containing "${contains}"` : ''} within ${timeoutMs} ms`,
      );
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Every http(s) URL in the message: href attributes of the HTML part and URLs in the text part. */
export function extractLinks(message: SinkMessage): string[] {
  const links = new Set<string>();
  for (const match of message.html.matchAll(/href="([^"]+)"/g)) links.add(match[1]!.replace(/&amp;/g, '&'));
  for (const match of message.text.matchAll(/https?:\/\/[^\s<>"]+/g)) links.add(match[0]);
  return [...links];
}

export async function clearMail(): Promise<void> {
  await fetch(`${base}/messages`, { method: 'DELETE' });
}
export async function stopSmtp(): Promise<void> {
  await fetch(`${base}/smtp/stop`, { method: 'POST' });
}
export async function startSmtp(): Promise<void> {
  await fetch(`${base}/smtp/start`, { method: 'POST' });
}
