// SQLite transactions that take the write lock when they begin (BEGIN IMMEDIATE), so several processes writing
// one database file (the cluster's workers, `npm run mailer`, the import script) wait for each other instead of
// failing. Prisma's better-sqlite3 adapter opens every transaction with a plain (deferred) BEGIN: a transaction
// that reads and then writes holds a read snapshot, and when another process commits in between, SQLite refuses
// its write with SQLITE_BUSY at once, busy_timeout or not (measured: about 40% of such transactions failed with
// two processes). IMMEDIATE makes the second writer queue under busy_timeout from its first statement instead.
// Within one process the adapter already runs one transaction at a time, so nothing changes there.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

type Statements = { prepare(sql: string): unknown };
type Adapter = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>;

export class PrismaBetterSQLite3Immediate extends PrismaBetterSQLite3 {
  override async connect(): Promise<Adapter> {
    const adapter = await super.connect();
    // The adapter keeps its better-sqlite3 handle as `client` and starts a transaction with prepare('BEGIN').
    const client = (adapter as unknown as { client?: Statements }).client;
    if (!client || typeof client.prepare !== 'function')
      throw new Error('@prisma/adapter-better-sqlite3 changed: lib/database/sqlite-immediate.ts must be updated');
    const prepare = client.prepare.bind(client);
    client.prepare = (sql: string) => prepare(sql === 'BEGIN' ? 'BEGIN IMMEDIATE' : sql);
    return adapter;
  }
}
