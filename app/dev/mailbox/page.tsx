import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { listRecentMail } from '@/lib/data/outbox';
import { env } from '@/lib/env';
import { formatDateTime } from '@/lib/site/format';
import { clientIp } from '@/lib/security/client-ip';
import { devMailboxProblem, isLoopbackAddress } from '@/lib/server/dev-mailbox-guard';
import { MailText } from './mail-text';

export const metadata: Metadata = { title: 'Development mailbox', robots: { index: false } };
export const dynamic = 'force-dynamic';

// Every email the app has written to its outbox, for demos and development without a mail server.
// Off in production unless DEV_MAILBOX=1 (npm run demo sets it when SMTP_URL is unset). It shows live sign-in
// links, so it answers only on a loopback APP_URL and to a reader on this machine (server.ts also refuses to
// start with it on a reachable address: lib/server/dev-mailbox-guard.ts).
export default async function DevMailboxPage() {
  if (!env().devMailbox || devMailboxProblem({ devMailbox: true, appUrl: env().appUrl, listenHost: '127.0.0.1' }))
    notFound();
  if (!isLoopbackAddress(await clientIp())) notFound();
  const messages = await listRecentMail();
  return (
    <div className="article">
      <p className="kicker">Development only</p>
      <h1>Mailbox</h1>
      <p>The 50 newest emails this server has sent or queued. Links in them work as they would in a real inbox.</p>
      {messages.length === 0 && <p>No mail yet. Sign in from an article to receive a link.</p>}
      {messages.map((message) => (
        <article key={message.id} className="mail" aria-label={`Email to ${message.to}: ${message.subject}`}>
          <header className="meta">
            <strong>To:</strong> {message.to} · <strong>Subject:</strong> {message.subject} ·{' '}
            {formatDateTime(message.createdAt)} · {message.status.toLowerCase()}
          </header>
          <MailText text={message.text} />
        </article>
      ))}
    </div>
  );
}
