// Is the database reachable? server.ts asks before handing a request to Next.js: when the answer is no,
// readers get a clear 503 "temporarily unavailable" page (cached story pages are still served), and the
// process keeps running and recovers by itself when the database is back.
// PostgreSQL: a short-lived connection and `SELECT 1`. SQLite: the file is readable and writable.
import { access, constants } from 'node:fs/promises';
import pg from 'pg';
import type { DbTarget } from './target';

export type DbProbe = { healthy(): boolean; check(): Promise<boolean>; stop(): void };

export function createDbProbe(
  target: DbTarget,
  intervalMs = 1000,
  log: (message: string) => void = console.error,
): DbProbe {
  let healthy = true;
  let running: Promise<boolean> | null = null;

  async function probe(): Promise<boolean> {
    if (target.provider === 'sqlite') {
      await access(target.file, constants.R_OK | constants.W_OK);
      return true;
    }
    const client = new pg.Client({
      connectionString: target.url,
      connectionTimeoutMillis: Math.max(500, intervalMs),
      query_timeout: Math.max(500, intervalMs),
    });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } finally {
      await client.end().catch(() => {});
    }
  }

  function check(): Promise<boolean> {
    running ??= probe()
      .catch(() => false)
      .then((ok) => {
        if (ok !== healthy)
          log(ok ? 'database: reachable again' : 'database: unreachable, answering 503 until it returns');
        healthy = ok;
        running = null;
        return ok;
      });
    return running;
  }

  const timer = setInterval(() => void check(), intervalMs);
  timer.unref();
  void check();
  return { healthy: () => healthy, check, stop: () => clearInterval(timer) };
}
