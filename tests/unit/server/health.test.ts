import { afterEach, describe, expect, test } from 'vitest';
import { createHealthAnswers } from '@/lib/server/health';
import { listen, type Harness } from './http-harness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const token = 'a-long-metrics-token-123';

async function serve(metricsToken: string | undefined) {
  const database = { up: true, healthy: () => database.up };
  const answers = createHealthAnswers({ database, pageCacheStats: () => ({ entries: 7 }), metricsToken });
  harness = await listen((req, res) => {
    if (!answers(req, res, req.url!.split('?')[0]!)) res.end('next');
  });
  return { database, request: harness.request };
}

describe('/healthz and /metrics', () => {
  test('/healthz says whether the database is reachable, with 200 or 503 and nothing else', async () => {
    const { database, request } = await serve(undefined);
    const ok = await request('/healthz');
    expect(ok.status).toBe(200);
    expect(ok.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(ok.text)).toEqual({ ok: true, database: 'reachable' });
    database.up = false;
    const down = await request('/healthz?probe=1');
    expect(down.status).toBe(503);
    expect(JSON.parse(down.text)).toEqual({ ok: false, database: 'unreachable' });
  });

  test('/metrics needs the bearer token, and gives the page cache figures', async () => {
    const { request } = await serve(token);
    const refused = await request('/metrics');
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.text).error).toMatch(/Bearer/);
    expect((await request('/metrics', { headers: { authorization: `Bearer ${token}x` } })).status).toBe(401);
    const figures = await request('/metrics', { headers: { authorization: `Bearer ${token}` } });
    expect(figures.status).toBe(200);
    expect(JSON.parse(figures.text)).toEqual({
      database: 'reachable',
      pageCache: { entries: 7 },
      memory: expect.objectContaining({ rss: expect.any(Number), heapUsed: expect.any(Number) }),
    });
  });

  test('/metrics says which worker answered: each keeps its own page cache figures', async () => {
    const worker = { number: 2, pid: 4242 };
    const answers = createHealthAnswers({
      database: { healthy: () => true },
      pageCacheStats: () => ({ entries: 1 }),
      liveStats: () => ({ streams: 3 }),
      metricsToken: token,
      worker,
    });
    harness = await listen((req, res) => void answers(req, res, req.url!));
    const figures = await harness.request('/metrics', { headers: { authorization: `Bearer ${token}` } });
    expect(JSON.parse(figures.text)).toEqual({
      database: 'reachable',
      pageCache: { entries: 1 },
      live: { streams: 3 },
      memory: expect.objectContaining({ rss: expect.any(Number) }),
      worker,
    });
    expect(JSON.parse((await harness.request('/healthz')).text)).toEqual({ ok: true, database: 'reachable' });
  });

  test('without METRICS_TOKEN there is no /metrics: the request goes on to Next, as every other path', async () => {
    const { request } = await serve(undefined);
    expect((await request('/metrics', { headers: { authorization: 'Bearer anything-at-all-here' } })).text).toBe(
      'next',
    );
    expect((await request('/healthz/x')).text).toBe('next');
    expect((await request('/')).text).toBe('next');
  });
});
