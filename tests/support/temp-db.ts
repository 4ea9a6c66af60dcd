// A fresh, migrated SQLite database file for integration tests that run in the test process.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDb } from './db';
import { resetDatabase } from './reset-db';

/** Creates and migrates a database and returns lib/db's client for it (DATABASE_URL then names it). */
export async function openTempDatabase() {
  const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), 'ledger-test-')), 'test.db')}`;
  await resetDatabase(url);
  return openDb(url);
}

/** The same, under the name the tests call it by in their beforeAll. */
export const useTempDatabase = openTempDatabase;
