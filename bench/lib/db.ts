// The benchmarks' own databases: data/bench.db (SQLite) and the `bench` database on the local
// PostgreSQL (BENCH_POSTGRES_URL). Each is wiped and migrated before a benchmark seeds it.
// lib/db binds to DATABASE_URL when first imported, so `openDb` sets it first and imports dynamically:
// one database per process.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../lib/db';
import { root } from './util';

export const sqliteUrl = 'file:./data/bench.db';
export const postgresUrl = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/bench';

function assertSafePostgres(url: string) {
  const parsed = new URL(url);
  const name = parsed.pathname.replace(/^\//, '');
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname))
    throw new Error(`refusing to wipe a non-local database (${parsed.hostname})`);
  if (!name || name === 'test' || name === 'postgres' || name === 'template0' || name === 'template1')
    throw new Error(`refusing to wipe the "${name}" database: benchmarks use their own (e.g. /bench)`);
  return name;
}

/** Creates the PostgreSQL database named in the URL when it does not exist yet. */
export async function createPostgresDatabaseIfAbsent(url: string): Promise<void> {
  const name = assertSafePostgres(url);
  const { default: pg } = await import('pg');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!found.rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Empties the database and applies the migrations. */
export async function resetDatabase(url: string): Promise<void> {
  if (url.startsWith('postgres')) {
    await createPostgresDatabaseIfAbsent(url);
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
    await client.end();
  } else {
    const file = path.resolve(root, url.slice('file:'.length));
    if (!file.startsWith(path.join(root, 'data') + path.sep) || !/bench/.test(path.basename(file)))
      throw new Error(`refusing to delete ${file}`);
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
  }
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: 'pipe',
    timeout: 180_000,
  });
}

let opened: { url: string; db: Db } | undefined;
/** The app's own Prisma client (lib/db), bound to this URL. */
export async function openDb(url: string): Promise<Db> {
  if (opened) {
    if (opened.url !== url)
      throw new Error(`this process already uses ${opened.url}; lib/db binds one database per process`);
    return opened.db;
  }
  process.env.DATABASE_URL = url;
  const module = await import('../../lib/db');
  await module.dbReady();
  opened = { url, db: module.db };
  return module.db;
}

export async function closeDb(): Promise<void> {
  await opened?.db.$disconnect();
}

/** A next-auth database session, exactly what the email callback would create; returns the cookie to send. */
export async function createSession(db: Db, userId: string): Promise<{ token: string; cookie: string }> {
  const token = randomBytes(32).toString('hex');
  await db.session.create({ data: { sessionToken: token, userId, expires: new Date(Date.now() + 30 * 86_400_000) } });
  return { token, cookie: `next-auth.session-token=${token}` };
}

/** Saves a policy version (newest wins) on top of the shipped defaults. */
export async function savePolicy(
  db: Db,
  overrides: Record<string, unknown>,
  note = 'benchmark settings',
): Promise<void> {
  const { defaultPolicySettings, policySettingsSchema } = await import('../../lib/policy/settings');
  const settings = policySettingsSchema.parse({ ...defaultPolicySettings, ...overrides });
  await db.policyVersion.create({ data: { settings: JSON.stringify(settings), note } });
}
