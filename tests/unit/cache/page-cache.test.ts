import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressPage, PageCache, pickEncoding } from '@/lib/cache/page-cache';
import { freshUntilIn } from '@/lib/server/reader-pages';

const html = (text: string, repeat = 50) => Buffer.from(`<!doctype html><p>${text}</p>`.repeat(repeat));
const page = (key: string, tag = key, body = html(key)) =>
  compressPage({ key, tag, status: 200, headers: { 'content-type': 'text/html' }, body });

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
  it('stops serving a page at the time it says it changes by itself (a story closing: issue 18)', async () => {
    const cache = new PageCache({ maxBytes: 1e6, ttlMs: 60_000 });
    const closesAt = Date.now() + 5_000;
    cache.store(
      await compressPage({
        key: '/articles/x',
        tag: '/articles/x',
        status: 200,
        headers: {},
        body: html('open'),
        freshUntil: closesAt,
      }),
      0,
    );
    expect(cache.get('/articles/x', closesAt - 1)?.key).toBe('/articles/x');
    expect(cache.get('/articles/x', closesAt)).toBeUndefined();
    expect(freshUntilIn('<section data-fresh-until="2026-11-30T18:00:00.000Z"></section>')).toBe(
      Date.parse('2026-11-30T18:00:00.000Z'),
    );
    expect(freshUntilIn('<section id="comments"></section>')).toBeUndefined();
  });

  it('serves what it stored, and stops serving every query variant of an invalidated path as fresh', async () => {
    const cache = new PageCache({ maxBytes: 1e6, ttlMs: 60_000 });
    for (const key of ['/articles/x', '/articles/x?sort=newest', '/articles/y'])
      cache.store(await page(key, key.split('?')[0]), 0);
    expect(cache.get('/articles/x?sort=newest')?.key).toBe('/articles/x?sort=newest');
    expect(cache.invalidate(['/articles/x'])).toBe(2);
    expect(cache.get('/articles/x')).toBeUndefined();
    expect(cache.get('/articles/x?sort=newest')).toBeUndefined();
    expect(cache.get('/articles/y')).toBeDefined();
    // The old copies stay, as stale copies (served only while a new render is under way, or the database is down).
    expect(cache.stale('/articles/x')?.key).toBe('/articles/x');
    expect(cache.stats()).toMatchObject({ entries: 3, fresh: 1 });
    cache.clear();
    expect(cache.get('/articles/y')).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 3, fresh: 0 });
  });

  it('keeps a render that raced an invalidation only as a stale copy, and never over a newer one', async () => {
    const cache = new PageCache({ maxBytes: 1e6, ttlMs: 60_000 });
    const before = cache.generation('/articles/x');
    const raced = await page('/articles/x', '/articles/x', html('raced'));
    cache.invalidate(['/articles/x']); // a comment was approved while the page rendered
    expect(cache.store(raced, before)).toBe(false);
    expect(cache.get('/articles/x')).toBeUndefined();
    expect(cache.stale('/articles/x')?.etag).toBe(raced.etag);
    const current = await page('/articles/x', '/articles/x', html('current'));
    expect(cache.store(current, cache.generation('/articles/x'))).toBe(true);
    expect(cache.get('/articles/x')?.etag).toBe(current.etag);
    // A slower render from before the change arrives last: it does not replace the current page.
    expect(cache.store(await page('/articles/x', '/articles/x', html('older')), before)).toBe(false);
    expect(cache.get('/articles/x')?.etag).toBe(current.etag);
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
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1 });
    // Expired is stale: re-rendered on the next request, served meanwhile to others.
    cache.beginRender('/a', '/a');
    expect(cache.plan('/a', '/a').serve).toBe('stale');
  });
});

describe('planning a request with no fresh copy', () => {
  it('renders when nobody else is, and lets readers who arrive meanwhile wait for that render', async () => {
    const cache = new PageCache({ maxBytes: 1e6, ttlMs: 60_000 });
    expect(cache.plan('/articles/x', '/articles/x').serve).toBe('render');
    const render = cache.beginRender('/articles/x', '/articles/x');
    const waiting = [cache.plan('/articles/x', '/articles/x'), cache.plan('/articles/x', '/articles/x')];
    expect(cache.plan('/articles/x?sort=newest', '/articles/x').serve).toBe('render');
    const rendered = await page('/articles/x');
    cache.store(rendered, render.generation);
    render.settle(rendered);
    for (const plan of waiting) {
      expect(plan.serve).toBe('wait');
      if (plan.serve === 'wait') expect(await plan.page).toBe(rendered);
    }
    expect(cache.stats()).toMatchObject({ renders: 1, coalesced: 2 });
    expect(cache.get('/articles/x')).toBe(cache.stale('/articles/x'));
  });

  it('serves the stale copy while the page re-renders after a change: one render, however many readers', async () => {
    const cache = new PageCache({ maxBytes: 1e6, ttlMs: 60_000 });
    const old = await page('/articles/x', '/articles/x', html('before'));
    cache.store(old, 0);
    cache.invalidate(['/articles/x']);
    expect(cache.get('/articles/x')).toBeUndefined();
    // The first reader after the change renders; everyone after gets the old copy until that render lands.
    expect(cache.plan('/articles/x', '/articles/x').serve).toBe('render');
    const render = cache.beginRender('/articles/x', '/articles/x');
    for (let i = 0; i < 5; i++) {
      const plan = cache.plan('/articles/x', '/articles/x');
      expect(plan.serve).toBe('stale');
      if (plan.serve === 'stale') expect(plan.page.etag).toBe(old.etag);
    }
    const fresh = await page('/articles/x', '/articles/x', html('after'));
    expect(cache.store(fresh, render.generation)).toBe(true);
    render.settle(fresh);
    await Promise.resolve();
    expect(cache.get('/articles/x')?.etag).toBe(fresh.etag);
    expect(cache.stats()).toMatchObject({ renders: 1, stale: 5 });
  });

  it('never has readers wait for a render that started before the last change', async () => {
    const cache = new PageCache({ maxBytes: 1e6, ttlMs: 60_000 });
    cache.beginRender('/articles/x', '/articles/x');
    cache.invalidate(['/articles/x']); // a comment was published while it rendered (and no copy is stored yet)
    expect(cache.plan('/articles/x', '/articles/x').serve).toBe('render');
    const fresh = cache.beginRender('/articles/x', '/articles/x');
    const plan = cache.plan('/articles/x', '/articles/x');
    expect(plan.serve).toBe('wait');
    const page2 = await page('/articles/x', '/articles/x', html('after'));
    fresh.settle(page2);
    if (plan.serve === 'wait') expect(await plan.page).toBe(page2);
  });

  it('sends waiting readers off to render for themselves when the render is not shareable', async () => {
    const cache = new PageCache({ maxBytes: 1e6, ttlMs: 60_000 });
    const render = cache.beginRender('/articles/gone', '/articles/gone');
    const plan = cache.plan('/articles/gone', '/articles/gone');
    render.settle(null); // a 404, an error, or the first reader hung up
    if (plan.serve === 'wait') expect(await plan.page).toBeNull();
    else throw new Error(`planned ${plan.serve}`);
    await Promise.resolve();
    expect(cache.plan('/articles/gone', '/articles/gone').serve).toBe('render');
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
