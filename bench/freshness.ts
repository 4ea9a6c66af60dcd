// Freshness of the page cache: how long after a change is acknowledged does a signed-out reader see it?
// The article page (1,000 comments) is cached; then, over HTTP like a real browser would:
//   approve — a moderator approves a held reply (the real decideAction server action, from /moderate);
//   post    — a trusted reader posts a reply (the real postCommentAction server action, from the article page).
// The clock starts when the action's response has arrived and stops when the first signed-out GET of the
// article page (polled every 10 ms, one at a time) contains the comment.
//   live    — 1,000 readers with a story open on the live channel (lib/live/hub.ts): what the open streams cost the
//             server process, and how long a new comment takes to reach all of them (tests/support/live-streams.ts).
//   npx tsx bench/freshness.ts [--rounds 20] [--quick] [--build]
import { closeDb, openDb } from '../tests/support/db';
import { distinctText } from '../tests/support/distinct-text';
import { createTrustedReaders, savePolicy } from '../tests/support/factories';
import { describeMachine, machineInfo } from '../tests/support/machine';
import { ensureBuild } from '../tests/support/production-build';
import { measureLiveStreams, type LiveStreamsResult } from '../tests/support/live-streams';
import { serverMetricsToken, startServer } from '../tests/support/production-server';
import { resetDatabase } from '../tests/support/reset-db';
import { hasFlag, isMain, median, numberFlag, percentile, sleep } from '../tests/support/script';
import {
  callFormAction,
  decideCommentEntry,
  httpGet as get,
  moderateStateTree,
  postCommentOverHttp,
} from '../tests/support/server-actions';
import { openSession } from '../tests/support/sessions';
import { sqliteUrl } from './lib/databases';
import { seedDiscussion } from './lib/discussion';
import { banner, writeResult } from './lib/util';
import { printVerdicts } from './targets';

const port = 3320;

export type FreshnessSeries = {
  rounds: number;
  medianMs: number;
  p90Ms: number;
  maxMs: number;
  actionMedianMs: number;
  pollsMedian: number;
  samplesMs: number[];
};
export type FreshnessResult = {
  machine: ReturnType<typeof machineInfo>;
  approve: FreshnessSeries;
  post: FreshnessSeries;
  live: LiveStreamsResult;
};

function series(samples: { visibleMs: number; actionMs: number; polls: number }[]): FreshnessSeries {
  const visible = samples.map((s) => s.visibleMs);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    rounds: samples.length,
    medianMs: round(median(visible)),
    p90Ms: round(percentile(visible, 90)),
    maxMs: round(Math.max(...visible)),
    actionMedianMs: round(median(samples.map((s) => s.actionMs))),
    pollsMedian: median(samples.map((s) => s.polls)),
    samplesMs: visible.map(round),
  };
}

export async function main({ rounds = 20, quick = false, build = false } = {}): Promise<FreshnessResult> {
  if (quick) rounds = 5;
  banner('freshness: approval / new comment → visible to signed-out readers');
  console.log(describeMachine());
  if (!process.env.BENCH_BUILD_CHECKED) await ensureBuild({ force: build });

  await resetDatabase(sqliteUrl);
  const db = await openDb(sqliteUrl);
  const article = await seedDiscussion();
  // The first thread is on the first page whatever the sort, so a reply to it shows on the cached page.
  const thread = await db.comment.findFirstOrThrow({
    where: { articleId: article.id, depth: 0 },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true },
  });
  const moderator = await db.user.findUniqueOrThrow({ where: { email: 'moderator@example.com' } });
  const moderatorSession = await openSession(moderator.id);
  const [poster] = await createTrustedReaders(1, { prefix: 'fresh', history: 3, ageDays: 400 });
  const posterSession = await openSession(poster!.id);
  const run = Date.now().toString(36);
  const held = Array.from({ length: rounds }, (_, i) => ({ id: `held-${run}-${i}`, marker: `held${run}x${i}q` }));
  // Held replies, as the policy would leave them (pending comments are invisible to readers: the cached page stays valid).
  await db.comment.createMany({
    data: held.map((h, i) => ({
      id: h.id,
      articleId: article.id,
      userId: poster!.id,
      parentId: thread.id,
      threadId: thread.id,
      depth: 1,
      body: `A held reply awaiting a moderator (${h.marker}).`,
      status: 'PENDING' as const,
      createdAt: new Date(Date.now() - (rounds - i) * 1000),
    })),
  });
  // One reader posts a reply per round, faster than the default five a minute allow.
  await savePolicy({ floodPerUserPerMinute: 1000 }, 'freshness benchmark: one reader posts every round');
  await closeDb();

  const server = await startServer({ port, databaseUrl: sqliteUrl });
  const approve: { visibleMs: number; actionMs: number; polls: number }[] = [];
  const post: { visibleMs: number; actionMs: number; polls: number }[] = [];
  let live: LiveStreamsResult;
  try {
    const pageUrl = server.url + article.path;

    /** Until the page comes from the cache (so every round starts from a cached page). */
    const warm = async (absent: string) => {
      for (let i = 0; i < 100; i++) {
        const page = await get(pageUrl);
        if (page.text.includes(absent)) throw new Error('the comment is visible before the change');
        if (page.headers['x-page-cache'] === 'hit') return;
        await sleep(20);
      }
      throw new Error('the article page never came from the cache');
    };
    const waitVisible = async (marker: string, since: number) => {
      for (let polls = 1; ; polls++) {
        const page = await get(pageUrl);
        if (page.status === 200 && page.text.includes(marker)) return { visibleMs: performance.now() - since, polls };
        if (performance.now() - since > 30_000) throw new Error(`${marker} not visible after 30 s`);
        await sleep(10);
      }
    };

    for (const h of held) {
      await warm(h.marker);
      const response = await callFormAction({
        server,
        pagePath: '/moderate',
        action: decideCommentEntry,
        stateTree: moderateStateTree(),
        sessionToken: moderatorSession,
        fields: { commentId: h.id, version: '0', decision: 'approve' },
      });
      if (response.status !== 200 || !response.text.includes('"Approved."'))
        throw new Error(`approval failed: ${response.status} ${response.text.slice(-300)}`);
      approve.push({ ...(await waitVisible(h.marker, response.receivedAt)), actionMs: response.ms });
    }
    for (let i = 0; i < rounds; i++) {
      const marker = `posted${run}x${i}q`;
      await warm(marker);
      const response = await postCommentOverHttp({
        server,
        article,
        sessionToken: posterSession,
        parentId: thread.id,
        body: `${distinctText(i)} (${marker})`,
      });
      if (response.status !== 200 || !response.text.includes('Your comment is published.'))
        throw new Error(
          `posting failed: ${response.status} ${JSON.stringify(response.state) ?? response.text.slice(-300)}`,
        );
      post.push({ ...(await waitVisible(marker, response.receivedAt)), actionMs: response.ms });
    }
    live = await measureLiveStreams(server, { count: 1000, metricsToken: serverMetricsToken });
  } finally {
    await server.stop();
  }

  const result: FreshnessResult = { machine: machineInfo(), approve: series(approve), post: series(post), live };
  for (const [name, s] of [
    ['moderator approves a held reply', result.approve],
    ['reader posts a reply', result.post],
  ] as const)
    console.log(
      `${name}: visible to signed-out readers after median ${s.medianMs} ms · p90 ${s.p90Ms} ms · max ${s.maxMs} ms (${s.rounds} rounds; the action itself took median ${s.actionMedianMs} ms; median ${s.pollsMedian} GET(s) until visible)`,
    );
  console.log(
    `live: ${live.streams} streams open cost the server ${live.rssGrowthMb.toFixed(1)} MB (heap ${live.heapGrowthMb.toFixed(1)} MB); a new comment reached them all ${live.reachedAllMs.toFixed(0)} ms after the poster had the answer (median ${live.p50Ms.toFixed(0)} ms; ${live.reachedAllFromSendMs.toFixed(0)} ms from sending it, the post itself taking ${live.postMs.toFixed(0)} ms)`,
  );
  printVerdicts('freshness', result);
  return result;
}

if (isMain(import.meta.url))
  writeResult(await main({ rounds: numberFlag('rounds', 20), quick: hasFlag('quick'), build: hasFlag('build') }));
