import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { viewerMarkupIn } from '@/lib/cache/viewer-markup';
import { serverConfig } from '@/lib/server/config';
import { devMailboxProblem, isLoopbackAddress } from '@/lib/server/dev-mailbox-guard';
import { metricsAllowed } from '@/lib/server/metrics';
import { statusFromMarkup, statusMarkedPath } from '@/lib/server/page-status';

describe('viewerMarkupIn: a page made for one viewer is refused by the cache', () => {
  test('markers React renders are found', () => {
    expect(viewerMarkupIn('<section id="comments" data-viewer="signed-in">')).not.toBeNull();
    expect(viewerMarkupIn('<li class="comment" data-viewer="own">')).not.toBeNull();
    expect(viewerMarkupIn('<form><input type="hidden" name="idempotencyKey" value="k"/></form>')).not.toBeNull();
  });
  test('the same words typed into a comment are not markers (React escapes them)', () => {
    expect(
      viewerMarkupIn(
        '<p>I typed data-viewer=&quot;signed-in&quot; and &lt;input name=&quot;idempotencyKey&quot;&gt;</p>',
      ),
    ).toBeNull();
    expect(viewerMarkupIn('<section id="comments"><a>Sign in to comment</a></section>')).toBeNull();
  });
});

describe('page status markers', () => {
  test('a rendered marker gives its status; text that mentions it does not', () => {
    expect(statusFromMarkup('<div><span hidden="" data-http-status="410"></span><h1>x</h1>')).toBe(410);
    expect(statusFromMarkup('<p>data-http-status=&quot;410&quot;</p>')).toBeNull();
    expect(statusFromMarkup('<span data-http-status="200">')).toBeNull();
  });
  test('only the link pages are held for it', () => {
    expect(statusMarkedPath('/reply/c/t')).toBe(true);
    expect(statusMarkedPath('/unsubscribe/t')).toBe(true);
    expect(statusMarkedPath('/articles/x')).toBe(false);
  });
});

describe('dev mailbox guard', () => {
  test('loopback APP_URL and listen address: allowed', () => {
    expect(
      devMailboxProblem({ devMailbox: true, appUrl: 'http://localhost:3000', listenHost: '127.0.0.1' }),
    ).toBeNull();
    expect(devMailboxProblem({ devMailbox: true, appUrl: 'http://127.0.0.1:3000', listenHost: '::1' })).toBeNull();
    expect(devMailboxProblem({ devMailbox: false, appUrl: 'https://news.example', listenHost: '0.0.0.0' })).toBeNull();
  });
  test('a public APP_URL or a reachable listen address: refused, saying why', () => {
    expect(devMailboxProblem({ devMailbox: true, appUrl: 'https://news.example', listenHost: '127.0.0.1' })).toMatch(
      /APP_URL .* not a loopback/,
    );
    expect(devMailboxProblem({ devMailbox: true, appUrl: 'http://localhost:3000', listenHost: '0.0.0.0' })).toMatch(
      /listen on 0\.0\.0\.0/,
    );
    expect(
      devMailboxProblem({ devMailbox: true, appUrl: 'http://192.168.1.5:3000', listenHost: '127.0.0.1' }),
    ).not.toBeNull();
  });
  test('client addresses', () => {
    expect(isLoopbackAddress('127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('10.0.0.1')).toBe(false);
    expect(isLoopbackAddress(undefined)).toBe(false);
  });
});

describe('metrics token', () => {
  const token = 'a-long-metrics-token-123';
  test('only the right bearer token reads the figures; none configured, nobody does', () => {
    expect(metricsAllowed({ authorization: `Bearer ${token}` }, token)).toBe(true);
    expect(metricsAllowed({ authorization: `Bearer ${token}x` }, token)).toBe(false);
    expect(metricsAllowed({}, token)).toBe(false);
    expect(metricsAllowed({ authorization: 'Bearer ' }, undefined)).toBe(false);
  });
});

describe('server config', () => {
  test('defaults, flags and the command line', () => {
    const config = serverConfig(['--port', '4000', '--hostname', '127.0.0.1'], { TRUST_PROXY: '1', PAGE_CACHE: 'off' });
    expect(config).toMatchObject({
      port: 4000,
      hostname: '127.0.0.1',
      trustProxy: true,
      pageCache: false,
      writesPerIpPerMinute: 300,
    });
    expect(serverConfig([], {})).toMatchObject({
      port: 3000,
      hostname: '0.0.0.0',
      trustProxy: false,
      pageCache: true,
      metricsToken: undefined,
    });
  });
  test('workers: one per core by default; WEB_CONCURRENCY, and --workers over it', () => {
    expect(serverConfig([], {}, 2).workers).toBe(2);
    expect(serverConfig([], {}, 8).workers).toBe(8);
    expect(serverConfig([], { WEB_CONCURRENCY: '1' }, 8).workers).toBe(1);
    expect(serverConfig([], { WEB_CONCURRENCY: '3' }, 2).workers).toBe(3);
    expect(serverConfig(['--workers', '1'], { WEB_CONCURRENCY: '4' }, 2).workers).toBe(1);
    expect(serverConfig(['--port', '4000', '--workers', '2'], {}, 1)).toMatchObject({ port: 4000, workers: 2 });
  });
  test('a worker count that is not a whole number from 1 up is refused, saying what to set', () => {
    for (const bad of ['0', '-2', '1.5', 'many', '1000'])
      expect(() => serverConfig([], { WEB_CONCURRENCY: bad }, 2)).toThrow(/WEB_CONCURRENCY \(or --workers\)/);
    expect(() => serverConfig(['--workers', 'all'], {}, 2)).toThrow(/WEB_CONCURRENCY/);
  });
  test('a bad value is a clear error', () => {
    expect(() => serverConfig([], { PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => serverConfig([], { METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(() => serverConfig([], { REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL/);
    expect(() => serverConfig([], { DATABASE_URL: 'mysql://db' })).toThrow(/DATABASE_URL/);
  });
  test('every documented default, and empty values count as unset', () => {
    expect(
      serverConfig([], { PORT: '', PAGE_CACHE: '', REDIS_URL: '', DATABASE_URL: '', WEB_CONCURRENCY: '' }, 2),
    ).toEqual({
      port: 3000,
      hostname: '0.0.0.0',
      pageCache: true,
      pageCacheMaxBytes: 128 * 1024 * 1024,
      pageCacheTtlMs: 300_000,
      signedInSplit: true,
      trustProxy: false,
      redisUrl: undefined,
      writesPerIpPerMinute: 300,
      writesPerSessionPerMinute: 60,
      dbProbeIntervalMs: 1000,
      metricsToken: undefined,
      testClock: false,
      live: { perAddress: 8, maxStreams: 20_000, idleMs: 600_000 },
      workers: 2,
      database: { provider: 'sqlite', file: path.resolve('data/newsroom.db'), url: 'file:./data/newsroom.db' },
    });
  });
  test('the database /healthz probes is the one DATABASE_URL names for the app', () => {
    const url = 'postgresql://postgres@127.0.0.1:5432/ledger';
    expect(serverConfig([], { DATABASE_URL: url }).database).toEqual({ provider: 'postgres', url, poolSize: 10 });
    expect(serverConfig(['-p', '4001', '-H', '::1'], { PORT: '5000', HOSTNAME: '0.0.0.0' })).toMatchObject({
      port: 4001,
      hostname: '::1',
    });
  });
});
