// A fresh, migrated SQLite database file for integration tests that run in the test process.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Creates and migrates a database, points DATABASE_URL at it, and returns lib/db's client for it. */
export async function useTempDatabase() {
  const dir = mkdtempSync(path.join(tmpdir(), 'ledger-test-'));
  const url = `file:${path.join(dir, 'test.db')}`;
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], { env: { ...process.env, DATABASE_URL: url }, stdio: 'pipe' });
  process.env.DATABASE_URL = url;
  const module = await import('../../lib/db');
  await module.dbReady();
  return module.db;
}
