import Link from 'next/link';
import { formatDateTime } from '@/lib/site/format';

export type SavedVersion = { id: number; createdAt: Date; createdById: string | null; note: string };

type Props = {
  versions: SavedVersion[];
  /** The version in force (null: the shipped defaults). */
  activeId: number | null;
  /** Display names of the staff who saved them, by user id. */
  authors: Map<string, string>;
  /** The page that shows a version read-only, e.g. `/moderate/rules?version=3`. */
  href: (id: number) => string;
};

/** The saved versions of an admin setting (policy rules, story presets): who saved which, when and why. */
export function VersionHistory({ versions, activeId, authors, href }: Props) {
  if (versions.length === 0) return <p>No saved versions yet: the defaults are in force.</p>;
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th>Version</th>
          <th>Saved</th>
          <th>By</th>
          <th>Note</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((version) => (
          <tr key={version.id}>
            <td>
              <Link href={href(version.id)}>v{version.id}</Link>
              {version.id === activeId && ' (in force)'}
            </td>
            <td>{formatDateTime(version.createdAt)}</td>
            <td>{version.createdById ? (authors.get(version.createdById) ?? version.createdById) : '—'}</td>
            <td>{version.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
