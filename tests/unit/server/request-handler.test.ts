import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { PageCache } from '@/lib/cache/page-cache';
import { createHealthAnswers } from '@/lib/server/health';
import { createReaderPages } from '@/lib/server/reader-pages';
import { createRequestListener } from '@/lib/server/request-handler';
import { createWriteGate } from '@/lib/server/write-gate';
import { listen, type Harness } from './http-harness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

type NextCall = { method: string; url: string; headers: IncomingMessage['headers'] };

/** The whole sequence with real parts; Next is a stand-in that records what reached it. */
async function serve(page: (req: IncomingMessage, res: ServerResponse) => void = defaultPage) {
  const calls: NextCall[] = [];
  const streams: Array<{ slug: string; address: string }> = [];
  const live = {
    open(_req: IncomingMessage, res: ServerResponse, slug: string, address: string) {
      streams.push({ slug, address });
      res.end('live');
    },
  };
  const queueStreams: string[] = [];
  const queueLive = {
    async open(req: IncomingMessage, res: ServerResponse, address: string) {
      queueStreams.push(`${req.url} ${address}`);
      res.end('queue');
    },
  };
  const logged: unknown[] = [];
  const database = { up: true, checks: 0, healthy: () => database.up, check: async () => ++database.checks };
  const cache = new PageCache({ maxBytes: 1024 * 1024, ttlMs: 60_000 });
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    calls.push({ method: req.method!, url: req.url!, headers: { ...req.headers } });
    page(req, res);
  };
  const listener = createRequestListener({
    trustProxy: false,
    health: createHealthAnswers({ database, pageCacheStats: () => cache.stats(), metricsToken: undefined }),
    writes: createWriteGate({
      writesPerIpPerMinute: 2,
      writesPerSessionPerMinute: 2,
      trustProxy: false,
      redisUrl: undefined,
    }),
    pages: createReaderPages({ cache, handle }),
    database,
    handle,
    live,
    queueLive,
    log: (...values) => logged.push(values),
  });
  harness = await listen(listener);
  return { request: harness.request, calls, database, logged, cache, streams, queueStreams };
}

function defaultPage(req: IncomingMessage, res: ServerResponse) {
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(`<!doctype html><p>${req.url}</p>`);
}

describe('the request sequence in front of Next', () => {
  test('forwarded headers a client forged are gone before Next sees the request', async () => {
    const { request, calls } = await serve();
    await request('/moderate', { headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-for': '6.6.6.6' } });
    expect(calls[0]!.headers['x-forwarded-host']).toBeUndefined();
    expect(calls[0]!.headers['x-forwarded-for']).toBe('127.0.0.1');
  });

  test('a live stream is answered without Next, and only for a story slug', async () => {
    const { request, calls, streams } = await serve();
    expect((await request('/live/articles/budget-vote?since=1')).text).toBe('live');
    expect(streams).toEqual([{ slug: 'budget-vote', address: '127.0.0.1' }]);
    await request('/live/articles/..%2Fsecret');
    expect(streams).toHaveLength(1);
    expect(calls.map((call) => call.url)).toEqual(['/live/articles/..%2Fsecret']);
  });

  test('the moderation queue’s live stream is answered without Next, at its one path', async () => {
    const { request, calls, queueStreams } = await serve();
    expect((await request('/live/moderation?queue=pending&since=1')).text).toBe('queue');
    expect(queueStreams).toEqual(['/live/moderation?queue=pending&since=1 127.0.0.1']);
    await request('/live/moderation/x');
    expect(queueStreams).toHaveLength(1);
    expect(calls.map((call) => call.url)).toEqual(['/live/moderation/x']);
  });

  test('/healthz is answered without Next', async () => {
    const { request, calls, database } = await serve();
    expect((await request('/healthz')).status).toBe(200);
    database.up = false;
    expect((await request('/healthz')).status).toBe(503);
    expect(calls).toHaveLength(0);
  });

  test('writes past the limit get 429 and never reach Next', async () => {
    const { request, calls } = await serve();
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await request('/articles/a', { method: 'POST', body: 'x' })).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect(calls).toHaveLength(2);
  });

  test('a story URL whose comment query is not canonical is redirected (308) before anything renders', async () => {
    const { request, calls } = await serve();
    const moved = await request('/articles/a?sort=oldest&utm_source=x');
    expect(moved.status).toBe(308);
    expect(moved.headers.location).toBe('/articles/a?utm_source=x');
    expect(calls).toHaveLength(0);
  });

  test('signed-out readers share the stored page; a session cookie always goes to Next', async () => {
    const { request, calls } = await serve();
    expect((await request('/articles/a?utm_source=x')).headers['x-page-cache']).toBe('miss');
    const hit = await request('/articles/a');
    expect(hit.headers['x-page-cache']).toBe('hit');
    expect(hit.text).toBe('<!doctype html><p>/articles/a?utm_source=x</p>');
    const signedIn = await request('/articles/a', { headers: { cookie: 'next-auth.session-token=; theme=dark' } });
    expect(signedIn.headers['x-page-cache']).toBeUndefined();
    expect(calls.map((call) => call.url)).toEqual(['/articles/a?utm_source=x', '/articles/a']);
  });

  test('while the database is unreachable: stories read before still serve, other pages 503, assets go on', async () => {
    const { request, calls, database, cache } = await serve();
    await request('/articles/a');
    database.up = false;
    expect((await request('/articles/a')).headers['x-page-cache']).toBe('hit');
    // Changed since, but the new version cannot be rendered: the copy from before the change, not a 503.
    cache.invalidate(['/articles/a']);
    const kept = await request('/articles/a');
    expect(kept.status).toBe(200);
    expect(kept.headers['x-page-cache']).toBe('stale');
    const down = await request('/articles/never-read');
    expect(down.status).toBe(503);
    expect(down.headers['retry-after']).toBe('10');
    expect(down.text).toContain('Temporarily unavailable');
    expect((await request('/moderate')).status).toBe(503);
    expect((await request('/_next/static/chunk.js')).status).toBe(200);
    expect(calls.map((call) => call.url)).toEqual(['/articles/a', '/_next/static/chunk.js']);
  });

  test('a 5xx from Next makes the database probe look again at once', async () => {
    const { request, database } = await serve((_req, res) => {
      res.statusCode = 500;
      res.end('boom');
    });
    await request('/moderate');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(database.checks).toBe(1);
  });

  test('an error thrown on the way is a logged 500', async () => {
    const { request, logged } = await serve(() => {
      throw new Error('render failed');
    });
    const failed = await request('/moderate');
    expect(failed.status).toBe(500);
    expect(failed.text).toBe('Internal error');
    expect(String(logged[0])).toContain('render failed');
  });

  test('a reply-link page that marks itself 410 is sent as 410; an RSC request for it is left alone', async () => {
    const { request } = await serve((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end('<main><span hidden="" data-http-status="410"></span>Link used</main>');
    });
    const gone = await request('/reply/c1/token', { headers: { 'accept-encoding': 'gzip' } });
    expect(gone.status).toBe(410);
    expect(gone.text).toContain('Link used');
    expect((await request('/reply/c1/token', { headers: { rsc: '1' } })).status).toBe(200);
    expect((await request('/articles/a/reply')).status).toBe(200);
  });
});
