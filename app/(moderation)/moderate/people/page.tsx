import Link from 'next/link';
import { requireStaffPage, staffMetadata } from '@/lib/auth/guards';
import { searchPeople } from '@/lib/data/people';
import { formatDate, plural } from '@/lib/site/format';
import { queryText } from '@/lib/validation/fields';

export const generateMetadata = staffMetadata('People');
export const dynamic = 'force-dynamic';

/** Find a commenter by part of their display name or email. */
export default async function PeoplePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaffPage();
  const raw = (await searchParams).q;
  const q = queryText(typeof raw === 'string' ? raw : undefined, 100);
  const people = q ? await searchPeople(q) : [];
  return (
    <div className="moderation">
      <p className="meta">
        <Link href="/moderate">← Queues</Link>
      </p>
      <h1>People</h1>
      <form className="queue-filters" action="/moderate/people" role="search">
        <div className="field">
          <label htmlFor="people-q">Name or email</label>
          <input id="people-q" name="q" defaultValue={q} placeholder="part of a name or email" />
        </div>
        <button type="submit" className="button button--quiet">
          Find
        </button>
      </form>
      {q && people.length === 0 && <p>No account’s name or email contains “{q}”.</p>}
      {people.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Since</th>
              <th>Comments</th>
              <th>Standing</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr key={person.id}>
                <td>
                  <Link href={`/moderate/people/${person.id}`}>{person.displayName ?? '(no name yet)'}</Link>
                  {person.role !== 'READER' && <span className="badge badge--staff">{person.role.toLowerCase()}</span>}
                </td>
                <td>{person.email}</td>
                <td>{formatDate(person.createdAt)}</td>
                <td>{plural(person.comments, 'comment')}</td>
                <td>
                  {[
                    person.bannedAt && 'banned',
                    person.suspendedUntil && person.suspendedUntil > new Date() && 'suspended',
                    person.premoderated && 'pre-moderated',
                  ]
                    .filter(Boolean)
                    .join(', ') || 'in good standing'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {people.length === 50 && <p className="meta">The first 50 matches: type more of the name or email.</p>}
    </div>
  );
}
