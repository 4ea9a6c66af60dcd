// The production server: Next.js behind a thin HTTP layer that does what a CDN and an API gateway would, in one
// worker process per core by default (WEB_CONCURRENCY or --workers; 1 = a single process). This file only checks
// the settings and picks the process's part; each part is a small module in lib/server/, unit-tested there:
//   - config.ts: every setting, from the environment and the command line (zod);
//   - cluster.ts: the primary: forks the workers, replaces one that dies, shares rate limits and invalidations
//     among them over IPC when there is no Redis, passes SIGTERM/SIGINT on;
//   - worker.ts: one serving process, wiring the rest:
//   - request-handler.ts: the order a request is looked at in, before Next;
//   - reader-pages.ts: signed-out GETs of story, author, front and policy pages get the reader edition from the
//     page cache (lib/cache), pre-compressed; invalidation.ts: the app drops pages the moment something visible
//     changes (on every worker, and on every instance through Redis when REDIS_URL is set);
//   - write-gate.ts: every POST passes the write rate limits first (429 with Retry-After);
//   - health.ts: /healthz for load balancers, /metrics (METRICS_TOKEN) for operators;
//   - shutdown.ts: SIGTERM/SIGINT finish the requests under way, then exit.
// `npm start` runs it; `npm run demo`, the end-to-end tests and the benchmarks use it too.
import cluster from 'node:cluster';
import { env } from './lib/env';
import { serverConfig } from './lib/server/config';
import { devMailboxProblem } from './lib/server/dev-mailbox-guard';
import { testClockProblem } from './lib/server/test-clock';

const config = serverConfig(process.argv.slice(2), process.env);

(process.env as Record<string, string>).NODE_ENV = 'production';
const mailboxProblem = devMailboxProblem({
  devMailbox: env().devMailbox,
  appUrl: env().appUrl,
  listenHost: config.hostname,
});
const clockProblem = testClockProblem({
  testClock: config.testClock,
  appUrl: env().appUrl,
  listenHost: config.hostname,
});
if (mailboxProblem || clockProblem) {
  console.error(`\n*** Refusing to start: ${mailboxProblem ?? clockProblem}\n`);
  process.exit(1);
}

if (cluster.isPrimary && config.workers > 1) {
  const { runPrimary } = await import('./lib/server/cluster');
  runPrimary({ workers: config.workers, url: `http://${config.hostname}:${config.port}` });
} else {
  const { startWorker } = await import('./lib/server/worker');
  await startWorker(config);
}
