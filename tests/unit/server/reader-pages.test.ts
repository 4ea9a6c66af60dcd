import type { IncomingMessage, ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { PageCache } from '@/lib/cache/page-cache';
import { createReaderPages, type NextHandler } from '@/lib/server/reader-pages';
import { listen, type Harness } from './http-harness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Stands in for Next: renders `page()` the way Next writes a response, optionally held until `release()`. */
function fakeNext(page: (req: IncomingMessage) => { status?: number; html: string; cookie?: boolean }) {
  const seen: { acceptEncoding: string | undefined }[] = [];
  let gate: Promise<void> | undefined;
  let open = () => {};
  const handle: NextHandler = async (req, res: ServerResponse) => {
    seen.push({ acceptEncoding: req.headers['accept-encoding'] });
    // Next wraps writeHead on the responses it handles, and reads a header list as [name, value] pairs: whatever
    // answers on a response after Next must write its headers in a form that wrapper understands.
    const inner = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
    res.writeHead = ((status: number, headers?: unknown) => {
      if (Array.isArray(headers)) for (const [name, value] of headers as string[][]) res.setHeader(name!, value!);
      return headers && !Array.isArray(headers) ? inner(status, headers) : inner(status);
    }) as typeof res.writeHead;
    if (gate) await gate;
    const { status = 200, html, cookie } = page(req);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('content-security-policy', "script-src 'nonce-abc'");
    res.setHeader('x-frame-options', 'DENY');
    if (cookie) res.setHeader('set-cookie', 'next-auth.csrf-token=x');
    res.writeHead(status);
    res.write(html.slice(0, 10));
    res.end(html.slice(10));
  };
  return {
    handle,
    seen,
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release() {
      gate = undefined;
      open();
    },
  };
}

async function serve(next: ReturnType<typeof fakeNext>, cache: PageCache | null, log: unknown[] = []) {
  const pages = createReaderPages({ cache, handle: next.handle, log: (...values) => log.push(values) });
  harness = await listen((req, res) => {
    const slot = { key: req.url!, tag: req.url!.split('?')[0]! };
    void (async () => {
      const served = pages.fromCache(req, res, slot);
      if (served === true || (served !== false && (await served))) return;
      await pages.render(req, res, slot);
    })();
  });
  return harness;
}

const newCache = () => new PageCache({ maxBytes: 1024 * 1024, ttlMs: 60_000 });
const story = (text: string) =>
  `<!doctype html><html><head><script src="/_next/app.js"></script></head><body><p>${text}</p><script>self.__next_f.push(1)</script></body></html>`;
const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
};

describe('reader pages: rendered once, then served from the cache', () => {
  test('the first reader renders the reader edition; the next gets the stored bytes without Next', async () => {
    const next = fakeNext(() => ({ html: story('first') }));
    const log: unknown[] = [];
    const { request } = await serve(next, newCache(), log);
    const miss = await request('/articles/a', { headers: { 'accept-encoding': 'gzip' } });
    expect(log).toEqual([]);
    expect(miss.status).toBe(200);
    expect(miss.headers['x-page-cache']).toBe('miss');
    // Next was asked for identity bytes: the cache compresses once, itself.
    expect(next.seen).toEqual([{ acceptEncoding: undefined }]);
    expect(miss.headers['content-encoding']).toBe('gzip');
    const html = zlib.gunzipSync(miss.body).toString();
    expect(html).toContain('<p>first</p>');
    expect(html).not.toContain('<script');
    expect(miss.headers['content-security-policy']).toContain("script-src 'none'");
    expect(miss.headers['x-frame-options']).toBe('DENY');
    expect(miss.headers['cache-control']).toBe('no-cache');
    expect(miss.headers.vary).toBe('Accept-Encoding, Cookie');

    const hit = await request('/articles/a', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(hit.headers['x-page-cache']).toBe('hit');
    expect(hit.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(hit.body).toString()).toBe(html);
    expect(hit.headers.etag).toBe(miss.headers.etag);
    const identity = await request('/articles/a');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.text).toBe(html);
    expect(identity.headers['content-length']).toBe(String(identity.body.length));
    const notModified = await request('/articles/a', { headers: { 'if-none-match': String(miss.headers.etag) } });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(next.seen).toHaveLength(1);
  });

  test.each<[string, { status?: number; html: string; cookie?: boolean }]>([
    ['a 404', { status: 404, html: story('gone') }],
    ['a page that sets a cookie', { html: story('cookie'), cookie: true }],
  ])('%s is passed on as Next wrote it and never stored', async (_name, page) => {
    const next = fakeNext(() => page);
    const { request } = await serve(next, newCache());
    const first = await request('/articles/a');
    expect(first.status).toBe(page.status ?? 200);
    expect(first.text).toContain('<script');
    expect(first.headers['x-page-cache']).toBeUndefined();
    await request('/articles/a');
    expect(next.seen).toHaveLength(2);
  });

  test('a page carrying one viewer’s markup is sent to that viewer only, never stored', async () => {
    const next = fakeNext(() => ({ html: story('<section data-viewer="signed-in">mine</section>') }));
    const log: unknown[] = [];
    const { request } = await serve(next, newCache(), log);
    const first = await request('/articles/a');
    expect(first.headers['cache-control']).toBe('private, no-store');
    expect(first.headers['x-page-cache']).toBeUndefined();
    expect(String(log[0])).toMatch(/refused to store \/articles\/a/);
    await request('/articles/a');
    expect(next.seen).toHaveLength(2);
  });

  test('after a change, readers who arrive during the new render get the copy from before it', async () => {
    let text = 'before';
    const next = fakeNext(() => ({ html: story(text) }));
    const cache = newCache();
    const { request } = await serve(next, cache);
    await request('/articles/a');
    cache.invalidate(['/articles/a']);
    text = 'after';
    next.hold();
    const renderer = request('/articles/a');
    await until(() => next.seen.length === 2);
    const meanwhile = await request('/articles/a');
    expect(meanwhile.headers['x-page-cache']).toBe('stale');
    expect(meanwhile.text).toContain('before');
    next.release();
    expect((await renderer).text).toContain('after');
    const fresh = await request('/articles/a');
    expect(fresh.headers['x-page-cache']).toBe('hit');
    expect(fresh.text).toContain('after');
  });

  test('with no copy at all, readers who arrive during the render wait for it: one render for all', async () => {
    const next = fakeNext(() => ({ html: story('once') }));
    const cache = newCache();
    const { request } = await serve(next, cache);
    next.hold();
    const first = request('/articles/a');
    await until(() => next.seen.length === 1);
    const others = [request('/articles/a'), request('/articles/a')];
    await until(() => cache.stats().coalesced === 2);
    next.release();
    const answers = await Promise.all([first, ...others]);
    expect(answers.map((a) => a.headers['x-page-cache'])).toEqual(['miss', 'coalesced', 'coalesced']);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(next.seen).toHaveLength(1);
  });

  test('with PAGE_CACHE=off every request renders, and still gets the reader edition', async () => {
    const next = fakeNext(() => ({ html: story('uncached') }));
    const { request } = await serve(next, null);
    for (let i = 0; i < 2; i++) {
      const answer = await request('/articles/a');
      expect(answer.headers['x-page-cache']).toBeUndefined();
      expect(answer.text).toContain('<p>uncached</p>');
      expect(answer.text).not.toContain('<script');
    }
    expect(next.seen).toHaveLength(2);
  });
});
