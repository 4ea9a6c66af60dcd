// One serving process: Next.js behind server.ts's thin HTTP layer (page cache, write gate, health, shutdown).
// server.ts runs it directly with one worker (WEB_CONCURRENCY=1), else in each cluster worker (lib/server/cluster.ts);
// a worker shares the port with the others, and its relay and rate limits reach them through the primary when
// there is no Redis (lib/server/invalidation.ts, lib/security/rate-limit.ts).
import cluster from 'node:cluster';
import http from 'node:http';
import next from 'next';
import { PageCache } from '../cache/page-cache';
import { liveSource } from '../live/changes';
import { defaultLiveOptions, LiveHub } from '../live/hub';
import { queueSource } from '../live/queue';
import { defaultQueueOptions, QueueHub } from '../live/queue-hub';
import { createDbProbe } from '../database/health';
import type { ServerConfig } from './config';
import { createHealthAnswers } from './health';
import { relayLink, wireInvalidation } from './invalidation';
import { createReaderPages } from './reader-pages';
import { createRequestListener } from './request-handler';
import { createSignedInSplit } from './signed-in-split';
import { answerTestClock } from './test-clock';
import { gracefulShutdown } from './shutdown';
import { workerNumber } from './worker-number';
import { createWriteGate } from './write-gate';

export async function startWorker(config: ServerConfig): Promise<void> {
  const { port, hostname } = config;
  const number = cluster.isWorker ? workerNumber() : null;
  const app = next({ dev: false, hostname, port });
  const handle = app.getRequestHandler();

  const cache = new PageCache({ maxBytes: config.pageCacheMaxBytes, ttlMs: config.pageCacheTtlMs });
  const live = new LiveHub({ ...defaultLiveOptions, ...config.live, source: liveSource });
  const queueLive = new QueueHub({ ...defaultQueueOptions, idleMs: config.live.idleMs, source: queueSource });
  const relay = wireInvalidation(cache, relayLink(config.redisUrl), (paths) => {
    live.changed(paths);
    queueLive.changed(paths);
  });
  const writes = createWriteGate(config);
  const database = createDbProbe(config.database, config.dbProbeIntervalMs);

  const listener = createRequestListener({
    trustProxy: config.trustProxy,
    health: createHealthAnswers({
      database,
      pageCacheStats: () => cache.stats(),
      liveStats: () => ({ ...live.stats(), queue: queueLive.stats() }),
      metricsToken: config.metricsToken,
      worker: { number, pid: process.pid },
    }),
    writes,
    pages: createReaderPages({ cache: config.pageCache ? cache : null, handle }),
    database,
    handle,
    live,
    queueLive,
    split:
      config.pageCache && config.signedInSplit
        ? createSignedInSplit({
            cache,
            handle,
            origin: { host: loopbackHost(hostname), port },
          })
        : undefined,
    testClock: config.testClock ? answerTestClock : undefined,
  });

  await app.prepare();
  const server = http.createServer(listener);
  server.keepAliveTimeout = 65_000;
  const shared = config.redisUrl ? ', Redis' : number ? ', shared through the primary' : '';
  server.listen(port, hostname, () =>
    console.log(
      number
        ? `> worker ${number} (pid ${process.pid}) ready (page cache ${config.pageCache ? 'on' : 'off'}${shared})`
        : `> Ready on http://${hostname}:${port} (page cache ${config.pageCache ? 'on' : 'off'}${shared})`,
    ),
  );

  const shutdown = gracefulShutdown(server, () => [relay?.close(), writes.close()]);
  // Live streams never finish by themselves: end them first, or the server waits its whole grace period.
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.on(signal, () => {
      live.close();
      queueLive.close();
      shutdown();
    });
}

/** Where this server answers its own requests: the address it listens on, or loopback when it listens on all. */
function loopbackHost(hostname: string): string {
  if (hostname === '0.0.0.0' || hostname === '') return '127.0.0.1';
  if (hostname === '::') return '::1';
  return hostname;
}
