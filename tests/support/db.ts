// The database the test server uses (DATABASE_URL), for arranging and checking state in tests.
import type { Db } from '../../lib/db';

let client: Promise<Db> | undefined;

export function testDb(): Promise<Db> {
  client ??= import('../../lib/db').then((module) => module.db);
  return client;
}
