// One worker or one per core (issue 20): the signed-in article page (rendered per request, the path the page
// cache cannot help) at 32 connections, served by server.ts with 1 and with 2 workers (WEB_CONCURRENCY),
// alternating the two in each round so the machine's other load falls on both alike; the load average is printed
// with every run. The load generator (autocannon) runs in this process, on the same cores as the server.
//   npx tsx bench/workers.ts [--rounds 3] [--seconds 10] [--connections 32] [--workers 2] [--build]
import { loadavg } from 'node:os';
import { closeDb, openDb } from '../tests/support/db';
import { describeMachine, machineInfo } from '../tests/support/machine';
import { ensureBuild } from '../tests/support/production-build';
import { startServer } from '../tests/support/production-server';
import { resetDatabase } from '../tests/support/reset-db';
import { hasFlag, isMain, median, numberFlag } from '../tests/support/script';
import { cookieHeader, httpGet as get, httpRequest } from '../tests/support/server-actions';
import { openSession } from '../tests/support/sessions';
import { sqliteUrl } from './lib/databases';
import { seedDiscussion } from './lib/discussion';
import { describeLoad, load, type LoadSummary } from './lib/load';
import { banner, fmt, writeResult } from './lib/util';

const port = 3313;
const loadAverage = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

export type WorkersResult = {
  machine: ReturnType<typeof machineInfo>;
  runs: Array<{ round: number; workers: number; loadBefore: string; loadAfter: string; summary: LoadSummary }>;
  medianReqPerSec: Record<string, number>;
};

export async function main({ rounds = 3, seconds = 10, connections = 32, workers = 2, build = false } = {}) {
  banner(`signed-in article page: 1 worker vs ${workers} (alternating, ${rounds} rounds)`);
  console.log(describeMachine());
  if (!process.env.BENCH_BUILD_CHECKED) await ensureBuild({ force: build });
  await resetDatabase(sqliteUrl);
  const db = await openDb(sqliteUrl);
  const article = await seedDiscussion({ total: 1000, topLevel: 250, commenters: 120 });
  const reader = await db.user.findUniqueOrThrow({ where: { email: 'reader@example.com' } });
  const cookie = cookieHeader(await openSession(reader.id));
  await closeDb();

  const runs: WorkersResult['runs'] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const count of round % 2 ? [1, workers] : [workers, 1]) {
      const server = await startServer({ port, databaseUrl: sqliteUrl, workers: count });
      try {
        const url = server.url + article.path;
        const page = await get(url, cookie);
        if (page.status !== 200 || !page.text.includes('Comment as'))
          throw new Error('the signed-in page did not render the comment form: is the session valid?');
        // Every worker renders a few times before the measurement (JIT, Next's caches): fresh connections go to
        // the workers in turn, where a pooled one would stay with one worker.
        for (let i = 0; i < 4 * count; i++) await httpRequest('GET', url, { headers: cookie, timeoutMs: 120_000 });
        await load('warm-up', url, { connections, seconds: 5, headers: cookie });
        const loadBefore = loadAverage();
        const summary = await load(`${count} worker${count > 1 ? 's' : ''}, signed-in`, url, {
          connections,
          seconds,
          headers: cookie,
        });
        const loadAfter = loadAverage();
        console.log(`round ${round}: ${describeLoad(summary)} · load average ${loadBefore} → ${loadAfter}`);
        runs.push({ round, workers: count, loadBefore, loadAfter, summary });
      } finally {
        await server.stop();
      }
    }
  }
  const medianReqPerSec = Object.fromEntries(
    [1, workers].map((count) => [
      String(count),
      median(runs.filter((run) => run.workers === count).map((run) => run.summary.reqPerSec)),
    ]),
  );
  console.log(
    `\nmedian signed-in req/s: 1 worker ${fmt(medianReqPerSec['1']!)}, ${workers} workers ${fmt(medianReqPerSec[String(workers)]!)} (×${fmt(medianReqPerSec[String(workers)]! / medianReqPerSec['1']!, 2)})`,
  );
  return { machine: machineInfo(), runs, medianReqPerSec } satisfies WorkersResult;
}

if (isMain(import.meta.url))
  writeResult(
    await main({
      rounds: numberFlag('rounds', 3),
      seconds: numberFlag('seconds', 10),
      connections: numberFlag('connections', 32),
      workers: numberFlag('workers', 2),
      build: hasFlag('build'),
    }),
  );
