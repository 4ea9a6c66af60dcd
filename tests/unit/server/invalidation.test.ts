import { afterEach, describe, expect, test } from 'vitest';
import { pageCacheBus, registerPageCacheBus } from '@/lib/cache/bus';
import { compressPage, PageCache } from '@/lib/cache/page-cache';
import { relayLink, wireInvalidation, type RelayLink } from '@/lib/server/invalidation';

afterEach(() => registerPageCacheBus(undefined));

async function cacheWith(...paths: string[]) {
  const cache = new PageCache({ maxBytes: 1024 * 1024, ttlMs: 60_000 });
  for (const path of paths) {
    const page = await compressPage({ key: path, tag: path, status: 200, headers: {}, body: Buffer.from(path) });
    cache.store(page, cache.generation(path));
  }
  return cache;
}

describe('invalidation wiring', () => {
  test('a change the app reports drops exactly those pages; "*" drops them all', async () => {
    const cache = await cacheWith('/', '/articles/a', '/articles/b');
    expect(wireInvalidation(cache, undefined)).toBeUndefined();
    pageCacheBus()!.invalidate(['/articles/a']);
    expect(cache.get('/articles/a')).toBeUndefined();
    expect(cache.get('/articles/b')).toBeDefined();
    pageCacheBus()!.invalidate(['*']);
    expect(cache.get('/')).toBeUndefined();
    expect(cache.get('/articles/b')).toBeUndefined();
  });

  test('with a relay (Redis, or the cluster’s IPC), local changes are published and other instances’ changes are dropped here', async () => {
    const cache = await cacheWith('/articles/a', '/articles/b');
    const published: string[][] = [];
    let remote: (paths: string[]) => void = () => {};
    const link: RelayLink = (onRemote) => {
      remote = onRemote;
      return { publish: (paths) => published.push(paths), close: async () => {} };
    };
    expect(wireInvalidation(cache, link)).toBeDefined();
    pageCacheBus()!.invalidate(['/articles/a']);
    expect(published).toEqual([['/articles/a']]);
    remote(['/articles/b']);
    expect(cache.get('/articles/b')).toBeUndefined();
    // A remote change is not published again (no echo between instances).
    expect(published).toHaveLength(1);
  });

  test('the relay: Redis when REDIS_URL is set, the primary in a cluster worker, none in a single process', () => {
    expect(relayLink(undefined, false)).toBeUndefined();
    expect(relayLink(undefined, true)).toBeDefined();
    expect(relayLink('redis://127.0.0.1:6379', false)).toBeDefined();
  });
});
