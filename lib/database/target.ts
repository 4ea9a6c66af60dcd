// Which database this process talks to, from DATABASE_URL. Shared by the app (lib/db.ts),
// the Prisma CLI (prisma.config.ts) and the scripts, so all three always agree.
import path from 'node:path';

export type DbTarget =
  { provider: 'sqlite'; file: string; url: string } | { provider: 'postgres'; url: string; poolSize: number };

/** The embedded default: a SQLite file under data/, created on first migrate. */
export const defaultSqliteUrl = 'file:./data/newsroom.db';

/** PostgreSQL connections per process, from DATABASE_POOL_SIZE (default 10). */
export function poolSizeFrom(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 10;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1 || size > 1000)
    throw new Error(`DATABASE_POOL_SIZE must be a whole number from 1 to 1000; got "${value}"`);
  return size;
}

export function resolveDbTarget(
  url = process.env.DATABASE_URL || defaultSqliteUrl,
  poolSize = process.env.DATABASE_POOL_SIZE,
): DbTarget {
  if (/^postgres(ql)?:\/\//.test(url)) return { provider: 'postgres', url, poolSize: poolSizeFrom(poolSize) };
  if (url.startsWith('file:')) {
    // Relative paths are relative to the working directory (the project root for every npm script).
    const file = path.resolve(url.slice('file:'.length).replace(/\?.*$/, ''));
    return { provider: 'sqlite', file, url };
  }
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL); got "${url.replace(/\/\/.*@/, '//…@')}"`,
  );
}
