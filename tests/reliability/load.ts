// Load with a crash in the middle: 200 signed-in readers post comments back to back through the real
// postCommentAction server action for --seconds (default 60); with --kill the server is SIGKILLed half-way and
// started again while the load goes on. Afterwards every acknowledged comment must be in the database
// exactly once, and no response may be a 5xx (429s are deliberate refusals).
// Retries are real: a post whose answer never arrives (connection refused or reset around the crash) is sent
// again with the same idempotency key until it is answered, as the compose box does; and the first answer to
// each reader's 1st, 11th, 21st… post is thrown away as lost and the same request sent again. Each comment
// (one key) must be stored once, and a retry must be answered with the comment the first attempt created.
// Port: RELIABILITY_LOAD_PORT (3396 on SQLite, 3397 on PostgreSQL).
//   npx tsx tests/reliability/load.ts --db sqlite|postgres [--seconds 60] [--posters 200] [--kill]
// Prints one line "RESULT {json}" for tests/reliability/run.ts.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { seedCrowd } from '../support/crowd';
import { closeDb, openDb } from '../support/db';
import { startServer, type AppServer } from '../support/production-server';
import { resetDatabase } from '../support/reset-db';
import { hasFlag, numberFlag, percentile, sleep, stringFlag } from '../support/script';
import { postCommentOverHttp } from '../support/server-actions';
import { distinctText } from '../support/distinct-text';

const database = stringFlag('db') === 'postgres' ? 'postgres' : 'sqlite';
const seconds = numberFlag('seconds', 60);
const posters = numberFlag('posters', 200);
const kill = hasFlag('kill');
const url =
  database === 'postgres'
    ? (process.env.RELIABILITY_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/reliability')
    : 'file:./data/bench-reliability.db';
const port = Number(process.env.RELIABILITY_LOAD_PORT ?? (database === 'postgres' ? 3397 : 3396));

await resetDatabase(url);
const db = await openDb(url);
const { article, sessions, readers } = await seedCrowd({
  posters,
  prefix: 'loader',
  slug: 'under-load',
  note: 'reliability load: flood limits raised',
});

let server: AppServer = await startServer({ port, databaseUrl: url });
const agent = new http.Agent({ keepAlive: true, maxSockets: posters + 10 });
const run = Date.now().toString(36);
const acknowledged = new Map<string, { id: string; at: number }>();
const statuses = new Map<number, number>();
const latencies: number[] = [];
let networkErrors = 0;
let attempts = 0;
let killedAt = 0;
let restartedAt = 0;
let down = false;

let retries = 0;
let lostResponses = 0;
let answerMismatches = 0;
const retryUntil = () => deadline + 30_000;

async function post(poster: number, seq: number) {
  const marker = `rl${run}u${poster}n${seq}z`;
  const idempotencyKey = randomUUID();
  const body = `${distinctText(poster * 1000 + seq)} [${marker}]`;
  const loseFirstAnswer = seq % 10 === 1; // from each reader's first post on, so even a short run has some
  let firstAnswer: string | undefined;
  for (let attempt = 0; Date.now() < retryUntil(); attempt++) {
    attempts++;
    if (attempt > 0) retries++;
    try {
      const response = await postCommentOverHttp({
        server,
        article,
        sessionToken: sessions[poster]!,
        body,
        idempotencyKey,
        agent,
      });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      latencies.push(response.ms);
      const parsed = response.state;
      if (response.status !== 200 || parsed?.status !== 'done' || !parsed.commentId) return; // refused (429, flood): the reader gives up
      if (loseFirstAnswer && attempt === 0) {
        // The answer is lost on its way back: the reader cannot know the comment was stored, and resends.
        lostResponses++;
        firstAnswer = parsed.commentId;
        continue;
      }
      if (firstAnswer && firstAnswer !== parsed.commentId) answerMismatches++;
      acknowledged.set(marker, { id: parsed.commentId, at: Date.now() });
      return;
    } catch {
      // Connection refused or reset while the server is down: no answer, so the same submit is sent again.
      networkErrors++;
      await sleep(100);
    }
  }
}

const started = Date.now();
const deadline = started + seconds * 1000;
const crash = kill
  ? (async () => {
      await sleep((seconds * 1000) / 2);
      killedAt = Date.now();
      down = true;
      process.kill(server.pid, 'SIGKILL');
      await sleep(300);
      server = await startServer({ port, databaseUrl: url });
      restartedAt = Date.now();
      down = false;
    })()
  : Promise.resolve();
await Promise.all(
  readers.map(async (_, poster) => {
    for (let seq = 1; Date.now() < deadline; seq++) {
      if (down) await sleep(50);
      else await post(poster, seq);
    }
  }),
);
await crash;
await server.stop();
agent.destroy();

const ackedBeforeKill = kill ? [...acknowledged.values()].filter((a) => a.at < killedAt).length : acknowledged.size;
const rows = await db.comment.findMany({ where: { articleId: article.id }, select: { id: true, body: true } });
const byMarker = new Map<string, string[]>();
for (const row of rows) {
  const marker = /\[(rl\w+z)\]$/.exec(row.body)?.[1];
  if (marker) byMarker.set(marker, [...(byMarker.get(marker) ?? []), row.id]);
}
let missing = 0;
for (const [marker, { id }] of acknowledged) if (!byMarker.get(marker)?.includes(id)) missing++;
const duplicates = [...byMarker.values()].filter((ids) => ids.length > 1).length;
const { commentCount } = await db.article.findUniqueOrThrow({
  where: { id: article.id },
  select: { commentCount: true },
});
const published = await db.comment.count({ where: { articleId: article.id, status: 'PUBLISHED' } });
await closeDb();

const serverErrors = [...statuses].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
const result = {
  database,
  posters,
  seconds,
  attempts,
  acknowledged: acknowledged.size,
  perSecond: Math.round(acknowledged.size / ((Date.now() - started) / 1000)),
  statuses: Object.fromEntries(statuses),
  networkErrors,
  serverErrors,
  p50Ms: Math.round(percentile(latencies, 50)),
  p99Ms: Math.round(percentile(latencies, 99)),
  kill: kill
    ? {
        afterSeconds: Math.round((killedAt - started) / 1000),
        restartSeconds: Math.round((restartedAt - killedAt) / 100) / 10,
        acknowledgedBeforeKill: ackedBeforeKill,
      }
    : null,
  retries,
  lostResponses,
  answerMismatches,
  stored: byMarker.size,
  missing,
  duplicates,
  commentCountMatches: commentCount === published,
  ok:
    missing === 0 &&
    duplicates === 0 &&
    serverErrors === 0 &&
    commentCount === published &&
    acknowledged.size > 0 &&
    lostResponses > 0 &&
    answerMismatches === 0,
};
console.log(`RESULT ${JSON.stringify(result)}`);
process.exit(result.ok ? 0 : 1);
