// The production server: Next.js behind a thin HTTP layer that does what a CDN and an API gateway would. This file
// only wires the parts together; each is a small module in lib/server/, unit-tested there:
//   - config.ts: every setting, from the environment and the command line (zod);
//   - request-handler.ts: the order a request is looked at in, before Next;
//   - reader-pages.ts: signed-out GETs of story, author, front and policy pages get the reader edition from the
//     page cache (lib/cache), pre-compressed; invalidation.ts: the app drops pages the moment something visible
//     changes (on every instance through Redis when REDIS_URL is set);
//   - write-gate.ts: every POST passes the write rate limits first (429 with Retry-After);
//   - health.ts: /healthz for load balancers, /metrics (METRICS_TOKEN) for operators;
//   - shutdown.ts: SIGTERM/SIGINT finish the requests under way, then exit.
// `npm start` runs it; `npm run demo`, the end-to-end tests and the benchmarks use it too.
import http from 'node:http';
import next from 'next';
import { PageCache } from './lib/cache/page-cache';
import { createDbProbe } from './lib/database/health';
import { env } from './lib/env';
import { serverConfig } from './lib/server/config';
import { devMailboxProblem } from './lib/server/dev-mailbox-guard';
import { createHealthAnswers } from './lib/server/health';
import { wireInvalidation } from './lib/server/invalidation';
import { createReaderPages } from './lib/server/reader-pages';
import { createRequestListener } from './lib/server/request-handler';
import { gracefulShutdown } from './lib/server/shutdown';
import { createWriteGate } from './lib/server/write-gate';

const config = serverConfig(process.argv.slice(2), process.env);
const { port, hostname } = config;

(process.env as Record<string, string>).NODE_ENV = 'production';
const mailboxProblem = devMailboxProblem({ devMailbox: env().devMailbox, appUrl: env().appUrl, listenHost: hostname });
if (mailboxProblem) {
  console.error(`\n*** Refusing to start: ${mailboxProblem}\n`);
  process.exit(1);
}
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();

const cache = new PageCache({ maxBytes: config.pageCacheMaxBytes, ttlMs: config.pageCacheTtlMs });
const relay = wireInvalidation(cache, config.redisUrl);
const writes = createWriteGate(config);
const database = createDbProbe(config.database, config.dbProbeIntervalMs);

const listener = createRequestListener({
  trustProxy: config.trustProxy,
  health: createHealthAnswers({ database, pageCacheStats: () => cache.stats(), metricsToken: config.metricsToken }),
  writes,
  pages: createReaderPages({ cache: config.pageCache ? cache : null, handle }),
  database,
  handle,
});

await app.prepare();
const server = http.createServer(listener);
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () =>
  console.log(
    `> Ready on http://${hostname}:${port} (page cache ${config.pageCache ? 'on' : 'off'}${config.redisUrl ? ', Redis' : ''})`,
  ),
);

const shutdown = gracefulShutdown(server, () => [relay?.close(), writes.close()]);
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, shutdown);
