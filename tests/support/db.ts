// lib/db's client for arranging and checking state: in the end-to-end specs (the database the test server uses),
// the benchmarks and the reliability suite. lib/db binds to DATABASE_URL when first imported, so openDb sets it
// first: one database per process.
import type { Db } from '../../lib/db';

/** The database the end-to-end server uses when DATABASE_URL is unset (playwright.config.ts). */
export const e2eDatabaseUrl = 'file:./data/e2e.db';

let opened: { url: string; db: Promise<Db> } | undefined;

export function openDb(url = process.env.DATABASE_URL ?? e2eDatabaseUrl): Promise<Db> {
  if (opened) {
    if (opened.url !== url)
      throw new Error(`this process already uses ${opened.url}; lib/db binds one database per process`);
    return opened.db;
  }
  process.env.DATABASE_URL = url;
  const db = import('../../lib/db').then(async (module) => {
    await module.dbReady();
    return module.db;
  });
  opened = { url, db };
  return db;
}

/** The database named by DATABASE_URL (the end-to-end server's). */
export const testDb = () => openDb();

export async function closeDb(): Promise<void> {
  if (opened) await (await opened.db).$disconnect();
}
