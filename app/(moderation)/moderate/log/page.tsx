import Link from 'next/link';
import { requireAdminPage, staffMetadata } from '@/lib/auth/guards';
import { auditPageSize, listAuditEntries } from '@/lib/data/audit-log';
import { formatDateTime } from '@/lib/site/format';
import { queryText } from '@/lib/validation/fields';

export const generateMetadata = staffMetadata('Audit log', 'admin');
export const dynamic = 'force-dynamic';

// Read-only: the app has no way to edit or delete audit entries.
export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requireAdminPage();
  const params = await searchParams;
  const q = queryText(params.q);
  const action = queryText(params.action, 50);
  const commentId = queryText(params.comment, 64);
  const before = params.before ? new Date(params.before) : undefined;
  const { entries, actors } = await listAuditEntries({ q, action, commentId, before });
  const last = entries.at(-1);
  return (
    <div className="moderation">
      <p className="meta">
        <Link href="/moderate">← Queues</Link>
      </p>
      <h1>Audit log</h1>
      <form className="queue-filters" action="/moderate/log">
        <div className="field">
          <label htmlFor="log-q">Search notes, clause or actor id</label>
          <input id="log-q" name="q" defaultValue={q} />
        </div>
        <div className="field">
          <label htmlFor="log-action">Action</label>
          <input id="log-action" name="action" defaultValue={action} placeholder="e.g. reject, auto-hold, appeal" />
        </div>
        <div className="field">
          <label htmlFor="log-comment">Comment id</label>
          <input id="log-comment" name="comment" defaultValue={commentId} />
        </div>
        <button type="submit" className="button button--quiet">
          Search
        </button>
      </form>
      <table className="data-table">
        <thead>
          <tr>
            <th>When</th>
            <th>Actor</th>
            <th>Action</th>
            <th>From → to</th>
            <th>Clause</th>
            <th>Comment</th>
            <th>Note</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{formatDateTime(entry.createdAt)}</td>
              <td>
                {entry.actorType}
                {entry.actorId && `: ${actors.get(entry.actorId) ?? entry.actorId}`}
              </td>
              <td>{entry.action}</td>
              <td>
                {entry.fromStatus ?? '—'} → {entry.toStatus ?? '—'}
              </td>
              <td>{entry.clauses.length ? entry.clauses.map((c) => c.clause).join(', ') : (entry.clause ?? '')}</td>
              <td>
                {entry.commentId && (
                  <Link href={`/moderate/log?comment=${entry.commentId}`}>{entry.commentId.slice(0, 8)}</Link>
                )}
              </td>
              <td style={{ whiteSpace: 'pre-wrap' }}>{entry.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === auditPageSize && last && (
        <p className="comments__more">
          <Link
            className="button button--quiet"
            href={`/moderate/log?${new URLSearchParams({ ...(q ? { q } : {}), ...(action ? { action } : {}), ...(commentId ? { comment: commentId } : {}), before: last.createdAt.toISOString() })}`}
          >
            Older entries →
          </Link>
        </p>
      )}
    </div>
  );
}
