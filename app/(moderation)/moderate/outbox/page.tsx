import Link from 'next/link';
import { requireAdminPage, staffMetadata } from '@/lib/auth/guards';
import { listOutbox } from '@/lib/data/outbox';
import { formatDateTime } from '@/lib/site/format';

export const generateMetadata = staffMetadata('Mail outbox', 'admin');
export const dynamic = 'force-dynamic';

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  await requireAdminPage();
  const { status } = await searchParams;
  const filter =
    status === 'QUEUED' || status === 'SENDING' || status === 'SENT' || status === 'FAILED' ? status : undefined;
  const { count, messages } = await listOutbox(filter);
  return (
    <div className="moderation">
      <p className="meta">
        <Link href="/moderate">← Queues</Link>
      </p>
      <h1>Mail outbox</h1>
      <nav className="queue-tabs" aria-label="Outbox status">
        {(['QUEUED', 'SENDING', 'SENT', 'FAILED'] as const).map((s) => (
          <Link
            key={s}
            className="queue-tab"
            href={`/moderate/outbox?status=${s}`}
            aria-current={filter === s ? 'page' : undefined}
          >
            {s.toLowerCase()} <span className="queue-tab__count">{count(s)}</span>
          </Link>
        ))}
      </nav>
      <table className="data-table">
        <thead>
          <tr>
            <th>Created</th>
            <th>Kind</th>
            <th>To</th>
            <th>Subject</th>
            <th>Status</th>
            <th>Attempts</th>
            <th>Next attempt / sent</th>
            <th>Last error</th>
          </tr>
        </thead>
        <tbody>
          {messages.map((m) => (
            <tr key={m.id}>
              <td>{formatDateTime(m.createdAt)}</td>
              <td>{m.kind}</td>
              <td>{m.to}</td>
              <td>{m.subject}</td>
              <td>{m.status.toLowerCase()}</td>
              <td>{m.attempts}</td>
              <td>
                {m.sentAt ? formatDateTime(m.sentAt) : m.status === 'QUEUED' ? formatDateTime(m.nextAttemptAt) : '—'}
              </td>
              <td>{m.lastError}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
