// Article page throughput: an article with 1,000 published comments (250 threads, 120 readers), served by
// the production server (server.ts) to signed-out readers from its page cache, compared with a bare
// node:http server returning the same HTML bytes from memory. Also: the same page with PAGE_CACHE=off
// (what the cache buys) and signed in (the dynamic path every signed-in reader takes). Last, a hot story:
// signed-out readers at full load while a reader posts a comment every 250 ms, each of which drops the
// cached page, to show what stale-while-revalidate and request collapsing (PageCache.plan) save.
// The server runs one worker (WEB_CONCURRENCY=1, tests/support/production-server.ts), as the baseline is one
// process; bench/workers.ts measures one worker per core against one.
//   npx tsx bench/article-page.ts [--seconds 15] [--connections 32] [--quick] [--build]
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { closeDb, openDb } from '../tests/support/db';
import { createTrustedReaders, savePolicy } from '../tests/support/factories';
import { machineInfo, describeMachine } from '../tests/support/machine';
import { ensureBuild } from '../tests/support/production-build';
import { serverMetricsToken, startServer } from '../tests/support/production-server';
import { resetDatabase } from '../tests/support/reset-db';
import { hasFlag, isMain, median, numberFlag, root, sleep } from '../tests/support/script';
import { cookieHeader, httpGet as get, postCommentOverHttp } from '../tests/support/server-actions';
import { openSession } from '../tests/support/sessions';
import { sqliteUrl } from './lib/databases';
import { seedDiscussion } from './lib/discussion';
import { describeLoad, load, type LoadSummary } from './lib/load';
import { startStaticServer } from './lib/static-server';
import { banner, writeResult } from './lib/util';
import { printVerdicts } from './targets';

/** Median latency of `count` sequential GETs. */
async function sequential(url: string, headers: Record<string, string> = {}, count = 10): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await get(url, headers);
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
    samples.push(performance.now() - started);
  }
  return Math.round(median(samples) * 10) / 10;
}

/** The page cache's counters, as /metrics reports them. */
async function pageCacheStats(
  baseUrl: string,
): Promise<{ renders: number; coalesced: number; stale: number; hits: number }> {
  return (
    JSON.parse((await get(`${baseUrl}/metrics`, { authorization: `Bearer ${serverMetricsToken}` })).text) as {
      pageCache: { renders: number; coalesced: number; stale: number; hits: number };
    }
  ).pageCache;
}

const ports = { cached: 3310, baseline: 3311, uncached: 3312 };

export type ArticlePageResult = {
  machine: ReturnType<typeof machineInfo>;
  article: { path: string; comments: number; threads: number; htmlBytes: number; commentsOnPage: number };
  cached: LoadSummary;
  baseline: LoadSummary;
  ratio: number;
  uncached: LoadSummary;
  /** Signed in as a reader who commented on the story (reader@example.com): the page is rendered whole. */
  signedIn: LoadSummary;
  /** Signed in as a reader with nothing of their own on the story, the common case: the shared list of threads
   *  is spliced in from the page cache (the signed-in split, lib/server/signed-in-split.ts). */
  signedInNewcomer: LoadSummary;
  /** Signed-out load while comments arrive every `postEveryMs`: how many renders the changes cost. */
  hotStory: {
    load: LoadSummary;
    postEveryMs: number;
    posted: number;
    renders: number;
    coalesced: number;
    stale: number;
    hits: number;
  };
  /** One request at a time (no queueing): what a single render costs. */
  unloaded: {
    signedInMedianMs: number;
    signedInNewcomerMedianMs: number;
    uncachedMedianMs: number;
    cachedMedianMs: number;
  };
  /** A small story (one of the demo's, a few KB): the page cache against bare node:http with the same bytes. */
  smallStory: { path: string; htmlBytes: number; cached: LoadSummary; baseline: LoadSummary; ratio: number };
};

/** The demo's story with the fewest bytes: where the server's per-request work weighs most. */
const smallStoryPath = '/articles/council-bike-lanes';

/** GETs `url` until the page cache answers it from memory (the cache stores and compresses asynchronously). */
async function warmCached(url: string) {
  let page = await get(url);
  for (let i = 0; i < 50 && page.headers['x-page-cache'] !== 'hit'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    page = await get(url);
  }
  if (page.status !== 200 || page.headers['x-page-cache'] !== 'hit')
    throw new Error(`${url} was not cached (status ${page.status}, x-page-cache ${page.headers['x-page-cache']})`);
  return page;
}

/** The page cache against a bare node:http server answering the same bytes, each after a 2 s warm-up. */
async function versusBaseline(
  label: string,
  url: string,
  file: string,
  options: { connections: number; seconds: number },
) {
  await load('warm-up', url, { connections: options.connections, seconds: 2 });
  const cached = await load(`app, signed-out (page cache), ${label}`, url, options);
  console.log(describeLoad(cached));
  const staticServer = await startStaticServer(ports.baseline, file);
  try {
    await load('warm-up', staticServer.url, { connections: options.connections, seconds: 2 });
    const baseline = await load(`baseline: node:http, same bytes from memory, ${label}`, staticServer.url, options);
    console.log(describeLoad(baseline));
    return { cached, baseline, ratio: cached.reqPerSec / baseline.reqPerSec };
  } finally {
    await staticServer.stop();
  }
}

export async function main({
  seconds = 15,
  shortSeconds = 10,
  connections = 32,
  quick = false,
  build = false,
} = {}): Promise<ArticlePageResult> {
  if (quick) [seconds, shortSeconds] = [4, 3];
  banner('article page: signed-out (page cache) vs static baseline, uncached, signed-in (server.ts: 1 worker)');
  console.log(describeMachine());
  if (!process.env.BENCH_BUILD_CHECKED) await ensureBuild({ force: build });

  await resetDatabase(sqliteUrl);
  const db = await openDb(sqliteUrl);
  const article = await seedDiscussion({ total: 1000, topLevel: 250, commenters: 120 });
  const reader = await db.user.findUniqueOrThrow({ where: { email: 'reader@example.com' } });
  const session = await openSession(reader.id);
  const newcomer = await db.user.create({
    data: { email: 'newcomer@bench.example', displayName: 'Sam Newcomer', emailVerified: new Date() },
  });
  const newcomerSession = await openSession(newcomer.id);
  const [poster] = await createTrustedReaders(1, { prefix: 'hot', history: 3, ageDays: 400 });
  const posterSession = await openSession(poster!.id);
  await savePolicy(
    { floodPerUserPerMinute: 1000, floodPerIpPerMinute: 10_000 },
    'article-page benchmark: one reader posts four comments a second',
  );
  await closeDb();
  console.log(
    `seeded ${article.path}: ${article.comments} published comments in ${article.topLevel} threads by ${article.commenters} readers`,
  );

  const app = await startServer({ port: ports.cached, databaseUrl: sqliteUrl });
  let cached: LoadSummary,
    baseline: LoadSummary,
    signedIn: LoadSummary,
    signedInNewcomer: LoadSummary,
    html: string,
    hotStory: ArticlePageResult['hotStory'],
    smallStory: ArticlePageResult['smallStory'];
  const unloaded = { signedInMedianMs: NaN, signedInNewcomerMedianMs: NaN, uncachedMedianMs: NaN, cachedMedianMs: NaN };
  try {
    const pageUrl = app.url + article.path;
    // Warm: the first GET renders and stores; the cache compresses asynchronously, so wait for a hit.
    let first = await get(pageUrl);
    for (let i = 0; i < 50 && first.headers['x-page-cache'] !== 'hit'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      first = await get(pageUrl);
    }
    if (first.status !== 200 || first.headers['x-page-cache'] !== 'hit')
      throw new Error(
        `the article page was not cached (status ${first.status}, x-page-cache ${first.headers['x-page-cache']})`,
      );
    html = first.text;
    const file = path.join(root, 'data', 'bench-article.html');
    writeFileSync(file, html);
    const commentsOnPage = (html.match(/<li class="comment comment--depth-\d/g) ?? []).length;
    console.log(
      `page: ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB of HTML (identity), ${commentsOnPage} comments on the first page of threads`,
    );

    // A few seconds of load first, so JIT and sockets are warm for both contenders.
    await load('warm-up', pageUrl, { connections, seconds: 2 });
    cached = await load('app, signed-out (page cache)', pageUrl, { connections, seconds });
    console.log(describeLoad(cached));

    // Hot story: each post drops the page; readers who arrive during the next render wait for it.
    const postEveryMs = 250;
    await sleep(1000);
    const statsBefore = await pageCacheStats(app.url);
    let posting = true;
    let posted = 0;
    const poster = (async () => {
      while (posting) {
        const started = performance.now();
        const response = await postCommentOverHttp({
          server: app,
          article,
          sessionToken: posterSession,
          body: `A new comment on a busy story (${randomUUID()}).`,
        });
        if (response.status !== 200 || response.state?.status !== 'done')
          throw new Error(`a hot-story post failed: HTTP ${response.status} ${response.text.slice(0, 200)}`);
        posted++;
        await sleep(Math.max(0, postEveryMs - (performance.now() - started)));
      }
    })();
    const hot = await load(`app, signed-out, a comment posted every ${postEveryMs} ms`, pageUrl, {
      connections,
      seconds: shortSeconds,
    });
    posting = false;
    await poster;
    const statsAfter = await pageCacheStats(app.url);
    hotStory = {
      load: hot,
      postEveryMs,
      posted,
      renders: statsAfter.renders - statsBefore.renders,
      coalesced: statsAfter.coalesced - statsBefore.coalesced,
      stale: statsAfter.stale - statsBefore.stale,
      hits: statsAfter.hits - statsBefore.hits,
    };
    console.log(describeLoad(hot));
    console.log(
      `  ${posted} comments posted; ${hotStory.renders} renders; readers got ${hotStory.hits} fresh copies, ${hotStory.stale} stale copies while a render was under way, ${hotStory.coalesced} waited for a render`,
    );

    const staticServer = await startStaticServer(ports.baseline, file);
    try {
      await load('warm-up', staticServer.url, { connections, seconds: 2 });
      baseline = await load('baseline: node:http, same bytes from memory', staticServer.url, { connections, seconds });
      console.log(describeLoad(baseline));
    } finally {
      await staticServer.stop();
    }

    const cookie = cookieHeader(session);
    const signedInPage = await get(pageUrl, cookie);
    if (signedInPage.status !== 200 || !signedInPage.text.includes('Comment as'))
      throw new Error('the signed-in page did not render the comment form: is the session valid?');
    unloaded.cachedMedianMs = await sequential(pageUrl);
    unloaded.signedInMedianMs = await sequential(pageUrl, cookie);
    signedIn = await load('app, signed-in (rendered per request)', pageUrl, {
      connections,
      seconds: shortSeconds,
      headers: cookie,
    });
    console.log(describeLoad(signedIn));

    const newcomerCookie = cookieHeader(newcomerSession);
    const newcomerPage = await get(pageUrl, newcomerCookie);
    if (newcomerPage.status !== 200 || !newcomerPage.text.includes('Comment as'))
      throw new Error('the newcomer’s signed-in page did not render the comment form: is the session valid?');
    unloaded.signedInNewcomerMedianMs = await sequential(pageUrl, newcomerCookie);
    signedInNewcomer = await load('app, signed-in, nothing of their own on the story (shared list)', pageUrl, {
      connections,
      seconds: shortSeconds,
      headers: newcomerCookie,
    });
    console.log(describeLoad(signedInNewcomer));

    (article as { commentsOnPage?: number }).commentsOnPage = commentsOnPage;

    const small = await warmCached(app.url + smallStoryPath);
    const smallFile = path.join(root, 'data', 'bench-article-small.html');
    writeFileSync(smallFile, small.text);
    const htmlBytes = Buffer.byteLength(small.text);
    console.log(`small story ${smallStoryPath}: ${(htmlBytes / 1024).toFixed(1)} KB of HTML (identity)`);
    smallStory = {
      path: smallStoryPath,
      htmlBytes,
      ...(await versusBaseline(`small story`, app.url + smallStoryPath, smallFile, { connections, seconds })),
    };
  } finally {
    await app.stop();
  }

  const uncachedApp = await startServer({ port: ports.uncached, databaseUrl: sqliteUrl, pageCache: false });
  let uncached: LoadSummary;
  try {
    const pageUrl = uncachedApp.url + article.path;
    for (let i = 0; i < 3; i++) await get(pageUrl);
    unloaded.uncachedMedianMs = await sequential(pageUrl);
    uncached = await load('app, signed-out, PAGE_CACHE=off', pageUrl, { connections, seconds: shortSeconds });
    console.log(describeLoad(uncached));
  } finally {
    await uncachedApp.stop();
  }

  const ratio = cached.reqPerSec / baseline.reqPerSec;
  const result: ArticlePageResult = {
    machine: machineInfo(),
    article: {
      path: article.path,
      comments: article.comments,
      threads: article.topLevel,
      htmlBytes: Buffer.byteLength(html),
      commentsOnPage: (article as { commentsOnPage?: number }).commentsOnPage ?? 0,
    },
    cached,
    baseline,
    ratio,
    uncached,
    signedIn,
    signedInNewcomer,
    hotStory,
    unloaded,
    smallStory,
  };
  console.log('');
  printVerdicts('article-page', result);
  console.log(
    `one request at a time: cached ${unloaded.cachedMedianMs} ms, rendered signed-out ${unloaded.uncachedMedianMs} ms, rendered signed-in ${unloaded.signedInMedianMs} ms (medians of 10)`,
  );
  console.log(
    `the cache serves ${(cached.reqPerSec / uncached.reqPerSec).toFixed(0)}× the requests of rendering every time; signed-in readers get ${signedIn.reqPerSec.toFixed(1)} req/s`,
  );
  return result;
}

if (isMain(import.meta.url)) {
  const result = await main({
    seconds: numberFlag('seconds', 15),
    shortSeconds: numberFlag('short-seconds', 10),
    connections: numberFlag('connections', 32),
    quick: hasFlag('quick'),
    build: hasFlag('build'),
  });
  writeResult(result);
}
