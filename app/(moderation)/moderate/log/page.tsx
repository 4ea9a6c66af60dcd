import Link from 'next/link';
import { requireStaffPage, staffMetadata } from '@/lib/auth/guards';
import { auditFilterChoices, auditPageSize, listAuditEntries, originalOfRedacted } from '@/lib/data/audit-log';
import { clauseLabel, clauses, isClauseId } from '@/lib/policy/clauses';
import { formatTimestamp } from '@/lib/site/format';
import { readAuditQuery } from '@/lib/validation/moderation';

export const generateMetadata = staffMetadata('Audit log');
export const dynamic = 'force-dynamic';

// Read-only: the app has no way to edit or delete audit entries. Every moderator reads it: a desk checks its own
// and its colleagues' decisions.
export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaffPage();
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) if (typeof value === 'string') params.set(key, value);
  const { filter, values } = readAuditQuery(params);
  const [{ entries, actors, stories }, choices, redacted] = await Promise.all([
    listAuditEntries(filter),
    auditFilterChoices(),
    values.comment ? originalOfRedacted(values.comment) : null,
  ]);
  const last = entries.at(-1);
  const filtered = new URLSearchParams(values);
  const filtersOn = filtered.size > 0;
  return (
    <div className="moderation">
      <p className="meta">
        <Link href="/moderate">← Queues</Link>
      </p>
      <h1>Audit log</h1>
      <form className="queue-filters" action="/moderate/log">
        <div className="field">
          <label htmlFor="log-person">Person</label>
          <input id="log-person" name="person" defaultValue={values.person} placeholder="part of a name or email" />
        </div>
        <div className="field">
          <label htmlFor="log-action">Action</label>
          <select id="log-action" name="action" defaultValue={values.action ?? ''}>
            <option value="">Any action</option>
            {choices.actions.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="log-clause">Clause</label>
          <select id="log-clause" name="clause" defaultValue={values.clause ?? ''}>
            <option value="">Any clause</option>
            {clauses.map((clause) => (
              <option key={clause.id} value={clause.id}>
                {clauseLabel(clause.id)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="log-story">Story</label>
          <select id="log-story" name="story" defaultValue={values.story ?? ''}>
            <option value="">Any story</option>
            {choices.stories.map((story) => (
              <option key={story.id} value={story.id}>
                {story.headline}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="log-from">From</label>
          <input id="log-from" name="from" type="date" defaultValue={values.from} />
        </div>
        <div className="field">
          <label htmlFor="log-to">To</label>
          <input id="log-to" name="to" type="date" defaultValue={values.to} />
        </div>
        <div className="field">
          <label htmlFor="log-q">Note contains</label>
          <input id="log-q" name="q" defaultValue={values.q} />
        </div>
        {values.comment && <input type="hidden" name="comment" value={values.comment} />}
        <button type="submit" className="button button--quiet">
          Search
        </button>
        {filtersOn && (
          <Link className="button button--quiet" href="/moderate/log">
            Clear
          </Link>
        )}
      </form>
      <p className="meta">
        {values.comment && <>One comment&rsquo;s history. </>}
        <a href={`/moderate/log/csv${filtersOn ? `?${filtered}` : ''}`} download>
          Export these entries as CSV
        </a>{' '}
        (every matching entry, newest first). Times are UTC.
      </p>
      {redacted && (
        <section aria-label="Moderator’s edit" data-original>
          <h2 className="section-title">Edited by a moderator</h2>
          <p className="meta">
            Published with part removed
            {redacted.redactClause &&
              isClauseId(redacted.redactClause) &&
              ` under ${clauseLabel(redacted.redactClause)}`}
            . Before the edit (staff only; never shown to readers):
          </p>
          <blockquote className="card__parent" dir="auto">
            {redacted.originalBody}
          </blockquote>
          <p className="meta">As published:</p>
          <blockquote className="card__parent" dir="auto">
            {redacted.body}
          </blockquote>
        </section>
      )}
      <table className="data-table">
        <thead>
          <tr>
            <th>When</th>
            <th>Actor</th>
            <th>Action</th>
            <th>From → to</th>
            <th>Clause</th>
            <th>About</th>
            <th>Note</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const actorName = entry.actorId ? (actors.get(entry.actorId) ?? entry.actorId) : null;
            const story = entry.commentId ? stories.get(entry.commentId) : undefined;
            const cited = entry.clauses.length
              ? entry.clauses.map((c) => c.clause)
              : entry.clause
                ? [entry.clause]
                : [];
            return (
              <tr key={entry.id}>
                <td>
                  <time dateTime={entry.createdAt.toISOString()}>{formatTimestamp(entry.createdAt)}</time>
                </td>
                <td>
                  {entry.actorType}
                  {actorName && (
                    <>
                      : <Link href={`/moderate/log?${new URLSearchParams({ person: actorName })}`}>{actorName}</Link>
                    </>
                  )}
                </td>
                <td>{entry.action}</td>
                <td>
                  {entry.fromStatus ?? '—'} → {entry.toStatus ?? '—'}
                </td>
                <td>{cited.map((clause) => (isClauseId(clause) ? clauseLabel(clause) : clause)).join(', ')}</td>
                <td>
                  {entry.subjectUserId && (
                    <Link href={`/moderate/people/${entry.subjectUserId}`}>
                      account{actors.get(entry.subjectUserId) ? `: ${actors.get(entry.subjectUserId)}` : ''}
                    </Link>
                  )}
                  {entry.commentId && (
                    <>
                      <Link href={`/moderate/log?comment=${entry.commentId}`}>{entry.commentId.slice(0, 8)}</Link>
                      {story && (
                        <>
                          {' '}
                          in <Link href={`/articles/${story.slug}#comment-${entry.commentId}`}>{story.headline}</Link>
                        </>
                      )}
                    </>
                  )}
                </td>
                <td style={{ whiteSpace: 'pre-wrap' }}>{entry.note}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {entries.length === 0 && <p>No entries match these filters.</p>}
      {entries.length === auditPageSize && last && (
        <p className="comments__more">
          <Link
            className="button button--quiet"
            href={`/moderate/log?${new URLSearchParams({ ...values, before: last.createdAt.toISOString() })}`}
          >
            Older entries →
          </Link>
        </p>
      )}
    </div>
  );
}
