// The answers for operators, given without Next so they work while it or the database is in trouble: /healthz
// (ok or not, for load balancers) and, when METRICS_TOKEN is set, /metrics (lib/server/metrics.ts), whose figures
// are those of the worker process that answers (each has its own page cache: lib/server/cluster.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { metricsAllowed } from './metrics';
import * as answer from './responses';

export type HealthSources = {
  database: { healthy(): boolean };
  pageCacheStats: () => unknown;
  /** Open live streams (lib/live/hub.ts). */
  liveStats?: () => unknown;
  metricsToken: string | undefined;
  /** Which process answers: its cluster worker number (null in a single process) and pid. */
  worker?: { number: number | null; pid: number };
};

/** Answers /healthz and /metrics and says whether it did; every other path is left alone. */
export type HealthAnswers = (req: IncomingMessage, res: ServerResponse, path: string) => boolean;

export function createHealthAnswers({
  database,
  pageCacheStats,
  liveStats,
  metricsToken,
  worker,
}: HealthSources): HealthAnswers {
  return (req, res, path) => {
    if (path === '/healthz') {
      const ok = database.healthy();
      answer.json(res, ok ? 200 : 503, { ok, database: ok ? 'reachable' : 'unreachable' });
      return true;
    }
    if (path !== '/metrics' || !metricsToken) return false;
    if (!metricsAllowed(req.headers, metricsToken))
      answer.json(res, 401, { error: 'Send Authorization: Bearer <METRICS_TOKEN>.' });
    else
      answer.json(res, 200, {
        database: database.healthy() ? 'reachable' : 'unreachable',
        pageCache: pageCacheStats(),
        ...(liveStats ? { live: liveStats() } : {}),
        memory: process.memoryUsage(),
        ...(worker ? { worker } : {}),
      });
    return true;
  };
}
