// Write path under load: 200 signed-in readers post comments at once, back to back, for 30 s, through the
// real postCommentAction server action over HTTP (the request the browser's JavaScript sends: tests/support/server-actions.ts).
// Each post carries a fresh idempotency key and a unique marker in its text. A post is acknowledged when the
// action answers 200 with state "done" and a commentId (what makes the page tell the reader "Your comment is
// published."). Afterwards the database must hold exactly the acknowledged comments: none missing, none twice.
//   npx tsx bench/write-path.ts [--seconds 30] [--posters 200] [--postgres] [--quick] [--build]
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { seedCrowd } from '../tests/support/crowd';
import { closeDb, openDb } from '../tests/support/db';
import { describeMachine, machineInfo } from '../tests/support/machine';
import { ensureBuild } from '../tests/support/production-build';
import { startServer } from '../tests/support/production-server';
import { resetDatabase } from '../tests/support/reset-db';
import { hasFlag, isMain, numberFlag, percentile } from '../tests/support/script';
import { postCommentOverHttp } from '../tests/support/server-actions';
import { postgresUrl, sqliteUrl } from './lib/databases';
import { commentText, rng } from './lib/discussion';
import { banner, writeResult } from './lib/util';
import { printVerdicts } from './targets';

export type WritePathResult = {
  machine: ReturnType<typeof machineInfo>;
  database: 'sqlite' | 'postgres';
  posters: number;
  seconds: number;
  attempts: number;
  acknowledged: number;
  acknowledgedPerSecond: number;
  outcomes: Record<string, number>;
  latency: { p50Ms: number; p90Ms: number; p99Ms: number; maxMs: number };
  /** One post at a time, nothing else running: the cost of one request. */
  unloadedMedianMs: number;
  warmup: { attempts: number; acknowledged: number };
  /** Errors the server logged (data/bench-server-PORT.log), most frequent first. */
  serverErrors: { count: number; message: string }[];
  check: {
    stored: number;
    missing: number;
    duplicates: number;
    storedButNotAcknowledged: number;
    commentCountMatches: boolean;
  };
};

type Outcome = 'published' | 'held' | 'rejected' | 'refused' | 'http-error' | 'network-error';

export async function main({
  seconds = 30,
  posters = 200,
  postgres = false,
  quick = false,
  build = false,
} = {}): Promise<WritePathResult> {
  if (quick) seconds = Math.min(seconds, 8);
  const database = postgres ? 'postgres' : 'sqlite';
  const url = postgres ? postgresUrl : sqliteUrl;
  banner(`write path: ${posters} signed-in posters × ${seconds} s on ${database}`);
  console.log(describeMachine());
  if (!process.env.BENCH_BUILD_CHECKED) await ensureBuild({ force: build });

  await resetDatabase(url);
  const db = await openDb(url);
  // The policy's flood limits (5 a minute per reader, 20 per address: every poster here is 127.0.0.1) would
  // refuse most of a deliberate flood: seedCrowd raises them and holds no one as a new commenter.
  const { article, readers, sessions } = await seedCrowd({
    posters,
    prefix: 'writer',
    slug: 'write-path',
    note: 'write-path benchmark: flood limits raised',
  });
  console.log(
    `seeded ${posters} trusted readers (3 earlier published comments each) with sessions; flood limits raised`,
  );

  const server = await startServer({ port: postgres ? 3331 : 3330, databaseUrl: url });
  const agent = new http.Agent({ keepAlive: true, maxSockets: posters + 10 });
  const r = rng(7);
  const run = Date.now().toString(36);
  const acknowledged = new Map<string, string>(); // marker → commentId
  const outcomes: Record<Outcome, number> = {
    published: 0,
    held: 0,
    rejected: 0,
    refused: 0,
    'http-error': 0,
    'network-error': 0,
  };
  const latencies: number[] = [];
  const firstErrors: string[] = [];
  let attempts = 0;
  let unloaded = NaN;
  let warmAcks = 0;
  let started = 0;
  let finished = 0;

  const post = async (poster: number, seq: number, record: boolean) => {
    const marker = `wp${run}u${poster}n${seq < 0 ? `s${-seq}` : seq}z`;
    const body = `${commentText(r, r.next() < 0.3)} [${marker}]`.slice(-1900);
    let outcome: Outcome;
    try {
      const response = await postCommentOverHttp({
        server,
        article,
        sessionToken: sessions[poster]!,
        body,
        agent,
      });
      if (record) latencies.push(response.ms);
      const parsed = response.state;
      if (response.status !== 200 || !parsed) {
        outcome = 'http-error';
        if (firstErrors.length < 5) firstErrors.push(`HTTP ${response.status}: ${response.text.slice(0, 200)}`);
      } else if (parsed.status === 'done' && parsed.commentId) {
        acknowledged.set(marker, parsed.commentId);
        outcome = parsed.message?.startsWith('Your comment is published')
          ? 'published'
          : parsed.message?.includes('held')
            ? 'held'
            : 'rejected';
        if (outcome !== 'published' && firstErrors.length < 5) firstErrors.push(`${outcome}: ${parsed.message}`);
      } else {
        outcome = 'refused';
        if (firstErrors.length < 5) firstErrors.push(`refused: ${parsed.message}`);
      }
    } catch (error) {
      outcome = 'network-error';
      if (firstErrors.length < 5) firstErrors.push(String(error));
    }
    if (record) {
      attempts++;
      outcomes[outcome]++;
    }
  };

  try {
    // Warm-up: every poster posts once (not counted in the figures, but checked in the database like the rest).
    await Promise.all(readers.map((_, i) => post(i, 0, false)));
    warmAcks = acknowledged.size;
    console.log(`warm-up: ${warmAcks}/${posters} acknowledged`);
    const before = latencies.length;
    for (let seq = 1; seq <= 20; seq++) await post(0, -seq, true);
    unloaded = percentile(latencies.slice(before), 50);
    latencies.length = before;
    attempts = 0;
    for (const key of Object.keys(outcomes)) outcomes[key as Outcome] = 0;
    console.log(`one poster, one post at a time: median ${unloaded.toFixed(1)} ms per post`);
    started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(
      readers.map(async (_, poster) => {
        for (let seq = 1; performance.now() < deadline; seq++) await post(poster, seq, true);
      }),
    );
    finished = performance.now();
  } finally {
    await server.stop();
    agent.destroy();
  }

  const errorCounts = new Map<string, number>();
  for (const line of readFileSync(server.log, 'utf8').split('\n'))
    if (/error/i.test(line))
      errorCounts.set(line.trim().slice(0, 200), (errorCounts.get(line.trim().slice(0, 200)) ?? 0) + 1);
  const serverErrors = [...errorCounts]
    .map(([message, count]) => ({ count, message }))
    .sort((a, b) => b.count - a.count)
    .slice(0, 5);

  // Every acknowledged comment exactly once; nothing stored that was not acknowledged.
  const rows = await db.comment.findMany({
    where: { articleId: article.id },
    select: { id: true, body: true, status: true },
  });
  const byMarker = new Map<string, string[]>();
  for (const row of rows) {
    const marker = /\[(wp\w+z)\]$/.exec(row.body)?.[1];
    if (marker) byMarker.set(marker, [...(byMarker.get(marker) ?? []), row.id]);
  }
  let missing = 0;
  for (const [marker, id] of acknowledged) if (!byMarker.get(marker)?.includes(id)) missing++;
  const duplicates = [...byMarker.values()].filter((ids) => ids.length > 1).length;
  const storedButNotAcknowledged = [...byMarker.keys()].filter((marker) => !acknowledged.has(marker)).length;
  const published = rows.filter((row) => row.status === 'PUBLISHED').length;
  const { commentCount } = await db.article.findUniqueOrThrow({
    where: { id: article.id },
    select: { commentCount: true },
  });
  await closeDb();

  const elapsed = (finished - started) / 1000;
  const acked = outcomes.published + outcomes.held + outcomes.rejected;
  const round = (n: number) => Math.round(n * 10) / 10;
  const result: WritePathResult = {
    machine: machineInfo(),
    database,
    posters,
    seconds: round(elapsed),
    attempts,
    acknowledged: acked,
    acknowledgedPerSecond: round(acked / elapsed),
    outcomes,
    unloadedMedianMs: round(unloaded),
    warmup: { attempts: posters, acknowledged: warmAcks },
    serverErrors,
    latency: {
      p50Ms: round(percentile(latencies, 50)),
      p90Ms: round(percentile(latencies, 90)),
      p99Ms: round(percentile(latencies, 99)),
      maxMs: round(Math.max(...latencies)),
    },
    check: {
      stored: byMarker.size,
      missing,
      duplicates,
      storedButNotAcknowledged,
      commentCountMatches: commentCount === published,
    },
  };
  console.log(
    `${acked.toLocaleString('en-US')} comments acknowledged in ${result.seconds} s = ${result.acknowledgedPerSecond} per second · latency p50 ${result.latency.p50Ms} ms · p90 ${result.latency.p90Ms} ms · p99 ${result.latency.p99Ms} ms · max ${result.latency.maxMs} ms`,
  );
  console.log(
    `outcomes: ${Object.entries(outcomes)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  for (const e of serverErrors) console.log(`server log: ${e.count}× ${e.message}`);
  if (firstErrors.length) console.log(`first problems:\n  ${firstErrors.join('\n  ')}`);
  console.log(
    `database check: ${result.check.stored} stored · missing ${missing} · duplicated ${duplicates} · stored but not acknowledged ${storedButNotAcknowledged} · article.commentCount ${commentCount} vs ${published} published (${result.check.commentCountMatches ? 'consistent' : 'INCONSISTENT'})`,
  );
  printVerdicts(result.database === 'postgres' ? 'write-path-postgres' : 'write-path', result);
  return result;
}

if (isMain(import.meta.url))
  writeResult(
    await main({
      seconds: numberFlag('seconds', 30),
      posters: numberFlag('posters', 200),
      postgres: hasFlag('postgres'),
      quick: hasFlag('quick'),
      build: hasFlag('build'),
    }),
  );
