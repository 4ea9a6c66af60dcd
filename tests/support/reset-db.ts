// Resets the database named by DATABASE_URL, applies the migrations and seeds the demo content.
// scripts/test.ts runs it before each Playwright pass (Playwright starts its web servers before any
// globalSetup, and the server must not hold the old database open). Also runnable alone:
// `DATABASE_URL=… npx tsx tests/support/reset-db.ts`.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolveDbTarget } from '../../lib/database/target';

export async function resetDatabase() {
  const url = process.env.DATABASE_URL ?? 'file:./data/e2e.db';
  process.env.DATABASE_URL = url;
  const target = resolveDbTarget(url);
  if (target.provider === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${target.file}${suffix}`, { force: true });
  } else {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
    await client.end();
  }
  const env = { ...process.env, DATABASE_URL: url };
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], { env, stdio: 'pipe', timeout: 120_000 });
  execFileSync('npx', ['tsx', 'prisma/seed.ts'], { env, stdio: 'pipe', timeout: 60_000 });
}

if (import.meta.url === `file://${process.argv[1]}`) await resetDatabase();
