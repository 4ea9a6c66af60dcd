// The end-to-end tests' clock (lib/server/test-clock.ts): refused off loopback, moves the app's clock
// (lib/site/clock.ts) only through a well-formed POST, and the page cache's data-fresh-until follows it.
import { afterEach, describe, expect, test } from 'vitest';
import { compressPage, PageCache } from '@/lib/cache/page-cache';
import { clockMs, setClockOffset } from '@/lib/site/clock';
import { answerTestClock, testClockProblem } from '@/lib/server/test-clock';
import { listen, type Harness } from './http-harness';

let harness: Harness | undefined;
afterEach(async () => {
  setClockOffset(0);
  await harness?.close();
  harness = undefined;
});

describe('the test clock', () => {
  test('runs only on loopback, like the dev mailbox', () => {
    const local = { appUrl: 'http://127.0.0.1:3100', listenHost: '127.0.0.1' };
    expect(testClockProblem({ testClock: false, appUrl: 'https://news.example', listenHost: '0.0.0.0' })).toBeNull();
    expect(testClockProblem({ testClock: true, ...local })).toBeNull();
    expect(testClockProblem({ testClock: true, ...local, listenHost: '0.0.0.0' })).toMatch(/TEST_CLOCK/);
    expect(testClockProblem({ testClock: true, ...local, appUrl: 'https://news.example' })).toMatch(/loopback/);
  });

  test('a POST moves the app’s clock; anything else is refused and moves nothing', async () => {
    harness = await listen((req, res) => {
      if (!answerTestClock(req, res, req.url!)) res.writeHead(404).end();
    });
    const before = clockMs();
    expect((await harness.request('/__test/clock', { method: 'POST', body: '{"offsetMs":-5}' })).status).toBe(400);
    expect((await harness.request('/__test/clock', { method: 'POST', body: 'nonsense' })).status).toBe(400);
    expect(clockMs() - before).toBeLessThan(1_000);
    expect((await harness.request('/__test/clock', { method: 'POST', body: '{"offsetMs":7200000}' })).status).toBe(204);
    expect(clockMs() - Date.now()).toBeGreaterThanOrEqual(7_200_000 - 5);
    expect((await harness.request('/elsewhere')).status).toBe(404);
  });

  test('a cached page stops being fresh when the app’s clock passes its data-fresh-until', async () => {
    const cache = new PageCache({ maxBytes: 1024 * 1024, ttlMs: 24 * 3_600_000 });
    const freshUntil = Date.now() + 3_600_000;
    const page = await compressPage({
      key: '/articles/a',
      tag: '/articles/a',
      status: 200,
      headers: {},
      body: Buffer.from('<!doctype html><p>open</p>'),
      freshUntil,
    });
    cache.store(page, 0);
    expect(cache.get('/articles/a')?.key).toBe('/articles/a');
    setClockOffset(2 * 3_600_000);
    expect(cache.get('/articles/a')).toBeUndefined();
  });
});
