// Empties a local database, applies the migrations and, for the end-to-end suite, seeds the demo content.
// scripts/test.ts runs this file before each Playwright pass (Playwright starts its web servers before any
// globalSetup, and the server must not hold the old database open); the benchmarks and the reliability suite
// reset their own databases with resetDatabase. Alone: `DATABASE_URL=… npx tsx tests/support/reset-db.ts`.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveDbTarget } from '../../lib/database/target';
import { e2eDatabaseUrl } from './db';
import { isMain, root } from './script';

const localHosts = ['127.0.0.1', 'localhost', '[::1]'];
const systemDatabases = ['postgres', 'template0', 'template1'];

/** Creates the PostgreSQL database named in the URL when it does not exist yet. */
async function createPostgresDatabaseIfAbsent(url: string, name: string): Promise<void> {
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

// Wiping is refused outside what tests own: a SQLite file under data/ or the temporary directory, a local
// PostgreSQL database other than the system ones.
export async function resetDatabase(url: string, { seed = false } = {}): Promise<void> {
  const target = resolveDbTarget(url);
  if (target.provider === 'sqlite') {
    const owned = [path.join(root, 'data'), tmpdir()].some((dir) => target.file.startsWith(dir + path.sep));
    if (!owned) throw new Error(`refusing to delete ${target.file}: not under data/ or the temporary directory`);
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${target.file}${suffix}`, { force: true });
  } else {
    const parsed = new URL(target.url);
    const name = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    if (!localHosts.includes(parsed.hostname))
      throw new Error(`refusing to wipe a non-local database (${parsed.hostname})`);
    if (!name || systemDatabases.includes(name)) throw new Error(`refusing to wipe the "${name}" database`);
    await createPostgresDatabaseIfAbsent(target.url, name);
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
    await client.end();
  }
  const env = { ...process.env, DATABASE_URL: url };
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], { cwd: root, env, stdio: 'pipe', timeout: 180_000 });
  if (seed) execFileSync('npx', ['tsx', 'prisma/seed.ts'], { cwd: root, env, stdio: 'pipe', timeout: 60_000 });
}

if (isMain(import.meta.url)) {
  const url = process.env.DATABASE_URL ?? e2eDatabaseUrl;
  await resetDatabase(url, { seed: true });
  // The end-to-end suite's policy: the shipped one with the per-address flood lifted (factories.ts oneAddressSuite).
  process.env.DATABASE_URL = url;
  const { savePolicy } = await import('./factories');
  await savePolicy({}, 'end-to-end suite: every test posts from 127.0.0.1');
  const { closeDb } = await import('./db');
  await closeDb();
}
