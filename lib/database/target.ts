// Which database this process talks to, from DATABASE_URL. Shared by the app (lib/db.ts),
// the Prisma CLI (prisma.config.ts) and the scripts, so all three always agree.
import path from 'node:path';

export type DbTarget = { provider: 'sqlite'; file: string; url: string } | { provider: 'postgres'; url: string };

/** The embedded default: a SQLite file under data/, created on first migrate. */
export const defaultSqliteUrl = 'file:./data/newsroom.db';

export function resolveDbTarget(url = process.env.DATABASE_URL || defaultSqliteUrl): DbTarget {
  if (/^postgres(ql)?:\/\//.test(url)) return { provider: 'postgres', url };
  if (url.startsWith('file:')) {
    // Relative paths are relative to the working directory (the project root for every npm script).
    const file = path.resolve(url.slice('file:'.length).replace(/\?.*$/, ''));
    return { provider: 'sqlite', file, url };
  }
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL); got "${url.replace(/\/\/.*@/, '//…@')}"`,
  );
}
