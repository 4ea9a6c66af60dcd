// The primary of `npm start` when it runs several workers (issue 20: one Node process renders on one core).
// It serves nothing itself: it forks one worker per core (WEB_CONCURRENCY / --workers, lib/server/config.ts), which
// share the listening port (Node's cluster hands connections out round-robin), and it holds what the workers must
// share when there is no Redis: the rate-limit counters (rate-limiter-flexible's RateLimiterClusterMaster, answering
// RateLimiterCluster in lib/security/rate-limit.ts) and the page-cache invalidations (lib/cache/ipc-relay.ts).
// A worker that dies is replaced, after a back-off that grows while replacements keep dying young (a crash loop
// does not spin); SIGTERM/SIGINT are passed to every worker, which finishes the requests under way (shutdown.ts),
// and the primary exits when the last worker has gone.
import cluster, { type Worker } from 'node:cluster';
import { RateLimiterClusterMaster } from 'rate-limiter-flexible';
import { relayAmongWorkers } from '../cache/ipc-relay';
import { workerNumberVariable } from './worker-number';

/** A worker that lived at least this long died of something else than a crash at start: replace it at once. */
export const stableAfterMs = 10_000;
const firstDelayMs = 500;
const longestDelayMs = 30_000;

/** How long to wait before replacing a worker that lived `uptimeMs`, when the last replacement waited `lastDelayMs`. */
export function restartDelay(uptimeMs: number, lastDelayMs: number): number {
  if (uptimeMs >= stableAfterMs) return 0;
  return Math.min(longestDelayMs, Math.max(firstDelayMs, lastDelayMs * 2));
}

export type PrimaryOptions = {
  workers: number;
  /** Where the workers listen, for the log line that says the server is ready. */
  url: string;
  /** How long a worker may take to finish its requests after SIGTERM before the primary kills it. */
  graceMs?: number;
  log?: (message: string) => void;
  exit?: (code: number) => void;
};

export function runPrimary({
  workers,
  url,
  graceMs = 12_000,
  log = console.log,
  exit = (code) => process.exit(code),
}: PrimaryOptions): void {
  new RateLimiterClusterMaster();
  relayAmongWorkers(cluster, () => Object.values(cluster.workers ?? {}));

  const slots = new Map<number, { worker: Worker; startedAt: number; lastDelayMs: number }>();
  let stopping = false;

  const start = (number: number, lastDelayMs = 0) => {
    const worker = cluster.fork({ [workerNumberVariable]: String(number) });
    slots.set(number, { worker, startedAt: Date.now(), lastDelayMs });
  };

  cluster.on('exit', (worker, code, signal) => {
    const entry = [...slots].find(([, slot]) => slot.worker === worker);
    if (!entry) return;
    const [number, slot] = entry;
    slots.delete(number);
    if (stopping) {
      if (slots.size === 0) {
        log('> all workers have stopped');
        exit(0);
      }
      return;
    }
    const delay = restartDelay(Date.now() - slot.startedAt, slot.lastDelayMs);
    log(
      `> worker ${number} (pid ${worker.process.pid}) died (${signal ?? `exit ${code}`}); replacing it${delay ? ` in ${delay} ms` : ''}`,
    );
    setTimeout(() => {
      if (!stopping) start(number, delay);
    }, delay);
  });

  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (slots.size === 0) return exit(0);
    for (const { worker } of slots.values()) worker.process.kill('SIGTERM');
    // A worker stuck past its own grace period (shutdown.ts) is killed, so the primary always exits.
    setTimeout(() => {
      for (const { worker } of slots.values()) worker.process.kill('SIGKILL');
    }, graceMs).unref();
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, stop);

  let listening = 0;
  cluster.on('listening', () => {
    if (++listening === workers) log(`> Ready on ${url} (${workers} workers, primary pid ${process.pid})`);
  });
  for (let number = 1; number <= workers; number++) start(number);
}
