import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { PageCache } from '@/lib/cache/page-cache';
import { readSharedThreadMode, sharedThreadHeader, sharedThreadHeaderValue } from '@/lib/cache/shared-thread';
import { createHealthAnswers } from '@/lib/server/health';
import { createReaderPages } from '@/lib/server/reader-pages';
import { createRequestListener } from '@/lib/server/request-handler';
import { createSignedInSplit } from '@/lib/server/signed-in-split';
import { listen, type Harness } from './http-harness';

const split = createSignedInSplit({
  cache: new PageCache({ maxBytes: 1e6, ttlMs: 1e6 }),
  handle: async () => {},
  origin: { host: '127.0.0.1', port: 1 },
});
const signedIn = { cookie: 'next-auth.session-token=abc' };
const request = (url: string, headers: Record<string, string> = signedIn, method = 'GET') =>
  ({ method, url, headers: { ...headers } }) as unknown as IncomingMessage;

describe('the signed-in split, server.ts side (lib/server/signed-in-split.ts)', () => {
  test('signed-in document GETs of a story take the shared list, keyed like the signed-out page', () => {
    expect(split.slotFor(request('/articles/a-story'))).toEqual({
      key: 'thread:/articles/a-story',
      tag: '/articles/a-story',
      url: '/articles/a-story',
    });
    expect(split.slotFor(request('/articles/a-story?sort=newest&utm_source=x'))?.tag).toBe('/articles/a-story');
  });

  test('everything else is rendered whole: signed out, RSC, a form open for one viewer, other pages, POSTs', () => {
    expect(split.slotFor(request('/articles/a-story', {}))).toBeNull();
    expect(split.slotFor(request('/articles/a-story', { ...signedIn, rsc: '1' }))).toBeNull();
    for (const query of ['reply=c1', 'report=c1', 'posted=c1'])
      expect(split.slotFor(request(`/articles/a-story?${query}`))).toBeNull();
    expect(split.slotFor(request('/authors/someone'))).toBeNull();
    expect(split.slotFor(request('/articles/a-story', signedIn, 'POST'))).toBeNull();
  });

  test('only server.ts’s own signed, cookie-less request is an edition request; a forged header is taken off', () => {
    const edition = { [sharedThreadHeader]: sharedThreadHeaderValue({ kind: 'edition' }) };
    expect(split.isEditionRequest(request('/articles/a-story', edition))).toBe(true);
    // With a session it is a reader's request, whatever it carries.
    const withSession = request('/articles/a-story', { ...edition, ...signedIn });
    expect(split.isEditionRequest(withSession)).toBe(false);
    expect(withSession.headers[sharedThreadHeader]).toBeUndefined();
    const forged = request('/articles/a-story', { [sharedThreadHeader]: 'edition made-up' });
    expect(split.isEditionRequest(forged)).toBe(false);
    expect(forged.headers[sharedThreadHeader]).toBeUndefined();
    const offer = request('/articles/a-story', { [sharedThreadHeader]: sharedThreadHeaderValue({ kind: 'offer' }) });
    expect(split.isEditionRequest(offer)).toBe(false);
    expect(offer.headers[sharedThreadHeader]).toBeUndefined();
  });
});

describe('the signed-in split through the request sequence', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  /** A stand-in for Next that answers as the story page does: the list alone for an edition request, an empty
   *  slot for an offer (version `version.current`), the whole page otherwise. */
  async function serve() {
    const version = { current: '1' };
    const editions: string[] = [];
    const cache = new PageCache({ maxBytes: 1024 * 1024, ttlMs: 60_000 });
    const handle = async (req: IncomingMessage, res: ServerResponse) => {
      const mode = readSharedThreadMode(req.headers[sharedThreadHeader] as string | undefined);
      res.setHeader('content-type', 'text/html; charset=utf-8');
      if (mode?.kind === 'edition') {
        editions.push(req.url!);
        res.end(
          `<html><div data-shared-thread="edition"><ol><li>list ${editions.length}</li></ol></div><div data-shared-thread-end=""></div>`,
        );
      } else if (mode?.kind === 'offer')
        res.end(`<main><div data-shared-thread="slot" data-version="${version.current}"></div><p>viewer</p></main>`);
      else res.end('<main><ol><li>whole</li></ol></main>');
    };
    const origin = { host: '127.0.0.1', port: 0 };
    const database = { healthy: () => true, check: async () => {} };
    const listener = createRequestListener({
      trustProxy: false,
      health: createHealthAnswers({ database, pageCacheStats: () => cache.stats(), metricsToken: undefined }),
      writes: { refused: async () => false },
      pages: createReaderPages({ cache, handle }),
      database,
      handle,
      split: createSignedInSplit({ cache, handle, origin }),
    });
    harness = await listen(listener);
    origin.port = (harness.server.address() as AddressInfo).port;
    return { request: harness.request, editions, version, cache };
  }

  test('the list is rendered once per version and spliced into each page; invalidation renders it again', async () => {
    const { request, editions, version, cache } = await serve();
    const first = await request('/articles/a-story', { headers: signedIn });
    expect(first.headers['x-shared-thread']).toBe('spliced');
    expect(first.text).toBe(
      '<main><div data-shared-thread="slot" data-version="1"><ol><li>list 1</li></ol></div><p>viewer</p></main>',
    );
    expect((await request('/articles/a-story', { headers: signedIn })).text).toContain('list 1');
    expect(editions).toEqual(['/articles/a-story']);
    // A row written outside the app: the page reads another version, and gets the list of that version.
    version.current = '2';
    expect((await request('/articles/a-story', { headers: signedIn })).text).toContain('list 2');
    // An invalidation (the same that drops the signed-out page) drops the list too.
    cache.invalidate(['/articles/a-story']);
    expect((await request('/articles/a-story', { headers: signedIn })).text).toContain('list 3');
    expect(editions).toHaveLength(3);
    // Gzip for a client that takes it.
    const zipped = await request('/articles/a-story', { headers: { ...signedIn, 'accept-encoding': 'gzip, br' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.body).toString('utf8')).toContain('list 3');
  });

  test('a reader cannot ask for the edition, nor get the offer, by sending the header', async () => {
    const { request, editions } = await serve();
    const forged = await request('/articles/a-story', {
      headers: { ...signedIn, [sharedThreadHeader]: 'offer not-the-token' },
    });
    expect(forged.text).toContain('list 1');
    const signedOut = await request('/articles/a-story?sort=newest', {
      headers: { [sharedThreadHeader]: 'edition not-the-token' },
    });
    expect(signedOut.text).toBe('<main><ol><li>whole</li></ol></main>');
    expect(editions).toEqual(['/articles/a-story']);
  });
});
