import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressPage, PageCache, pickEncoding } from '@/lib/cache/page-cache';

const html = (text: string, repeat = 50) => Buffer.from(`<!doctype html><p>${text}</p>`.repeat(repeat));
const page = (key: string, tag = key, body = html(key)) => compressPage({ key, tag, status: 200, headers: { 'content-type': 'text/html' }, body });

describe('compressPage', () => {
  it('keeps identity, gzip and brotli copies of the same bytes, with an etag of their content', async () => {
    const a = await page('/a');
    expect(gunzipSync(a.gzip).equals(a.identity)).toBe(true);
    expect(brotliDecompressSync(a.br).equals(a.identity)).toBe(true);
    expect(a.br.length).toBeLessThan(a.identity.length);
    expect(a.size).toBe(a.identity.length + a.gzip.length + a.br.length);
    expect((await page('/a')).etag).toBe(a.etag);
    expect((await page('/a', '/a', html('changed'))).etag).not.toBe(a.etag);
  });
});

describe('PageCache', () => {
  it('serves what it stored, and drops every query variant of an invalidated path', async () => {
    const cache = new PageCache({ maxBytes: 1e6, ttlMs: 60_000 });
    for (const key of ['/articles/x', '/articles/x?sort=newest', '/articles/y']) cache.store(await page(key, key.split('?')[0]), 0);
    expect(cache.get('/articles/x?sort=newest')?.key).toBe('/articles/x?sort=newest');
    expect(cache.invalidate(['/articles/x'])).toBe(2);
    expect(cache.get('/articles/x')).toBeUndefined();
    expect(cache.get('/articles/x?sort=newest')).toBeUndefined();
    expect(cache.get('/articles/y')).toBeDefined();
    cache.clear();
    expect(cache.stats().entries).toBe(0);
    expect(cache.stats().bytes).toBe(0);
  });

  it('refuses a render that started before an invalidation of its path', async () => {
    const cache = new PageCache({ maxBytes: 1e6, ttlMs: 60_000 });
    const before = cache.generation('/articles/x');
    const rendered = await page('/articles/x');
    cache.invalidate(['/articles/x']); // a comment was approved while the page rendered
    expect(cache.store(rendered, before)).toBe(false);
    expect(cache.get('/articles/x')).toBeUndefined();
    expect(cache.store(await page('/articles/x'), cache.generation('/articles/x'))).toBe(true);
  });

  it('stays within its byte budget, least recently used first', async () => {
    const one = await page('/1');
    const cache = new PageCache({ maxBytes: one.size * 3 + 10, ttlMs: 60_000 });
    for (const key of ['/1', '/2', '/3']) cache.store(await page(key), 0);
    cache.get('/1'); // now the most recently used
    cache.store(await page('/4'), 0);
    expect(cache.get('/2')).toBeUndefined();
    for (const key of ['/1', '/3', '/4']) expect(cache.get(key), key).toBeDefined();
    expect(cache.stats().bytes).toBeLessThanOrEqual(one.size * 3 + 10);
    // A page bigger than half the budget is not worth evicting everything else for.
    expect(cache.store(await page('/huge', '/huge', html('x'.repeat(1000), 2000)), 0)).toBe(false);
  });

  it('lets entries expire after the TTL, and counts hits and misses', async () => {
    const cache = new PageCache({ maxBytes: 1e6, ttlMs: 1000 });
    cache.store(await page('/a'), 0);
    const now = Date.now();
    expect(cache.get('/a', now + 500)).toBeDefined();
    expect(cache.get('/a', now + 5000)).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 0, hits: 1, misses: 1 });
  });
});

describe('pickEncoding', () => {
  it('prefers brotli, then gzip, honouring q=0 and wildcards', () => {
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding('gzip, br;q=0')).toBe('gzip');
    expect(pickEncoding('*;q=0.5, br;q=0')).toBe('gzip');
    expect(pickEncoding('identity')).toBe('identity');
    expect(pickEncoding(undefined)).toBe('identity');
  });
});
