// The one Prisma client. DATABASE_URL picks SQLite (default, embedded) or PostgreSQL at runtime;
// both generated clients expose the same API because they come from the same models.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { PrismaClient as PgClient } from './generated/pg/client';
import { PrismaBetterSQLite3Immediate } from './database/sqlite-immediate';
import { resolveDbTarget, type DbTarget } from './database/target';

export type Db = SqliteClient;
export { Prisma } from './generated/sqlite/client';
export type * from './generated/sqlite/client';
export { CommentStatus, Role, OutboxStatus } from './generated/sqlite/enums';

export const dbTarget: DbTarget = resolveDbTarget();

// Under a spike every request may queue for a pooled connection: wait for one rather than fail after
// Prisma's default 2 s, and give a transaction time to finish once it has one.
const transactionOptions = { maxWait: 10_000, timeout: 20_000 };
// bench/explain.ts EXPLAINs the SQL the app's own functions send: it sets DATABASE_QUERY_EVENTS=1 before the first
// import so this client emits every query as an event ($on('query')). Off otherwise: the events cost every query time.
const log = process.env.DATABASE_QUERY_EVENTS === '1' ? [{ emit: 'event' as const, level: 'query' as const }] : [];

function createClient(): Db {
  if (dbTarget.provider === 'postgres') {
    return new PgClient({
      adapter: new PrismaPg({ connectionString: dbTarget.url, max: dbTarget.poolSize }),
      transactionOptions,
      log,
    }) as unknown as Db;
  }
  // WAL lets readers run while a writer commits; busy timeout queues concurrent writers instead of failing, and
  // BEGIN IMMEDIATE (sqlite-immediate.ts) makes that hold for transactions across processes (the cluster's workers).
  // synchronous=FULL (set in prepareSqlite) makes an acknowledged commit survive a crash or power loss.
  return new SqliteClient({
    adapter: new PrismaBetterSQLite3Immediate({ url: dbTarget.file, timeout: 10_000 }),
    transactionOptions,
    log,
  });
}

// One client per process and database (dev hot reloads and test files re-import this module).
const globalForDb = globalThis as unknown as { __db?: Record<string, { db: Db; ready?: Promise<void> }> };
const slot = ((globalForDb.__db ??= {})[dbTarget.url] ??= { db: createClient() });
export const db: Db = slot.db;

/** Connection-level settings; awaited once per process by `ready()`. */
async function prepare(): Promise<void> {
  if (dbTarget.provider !== 'sqlite') return;
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$executeRawUnsafe('PRAGMA synchronous = FULL');
  await db.$executeRawUnsafe('PRAGMA foreign_keys = ON');
}

export function dbReady(): Promise<void> {
  return (slot.ready ??= prepare());
}

export const isPostgres = dbTarget.provider === 'postgres';
