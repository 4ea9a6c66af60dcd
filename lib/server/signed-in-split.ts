// The signed-in split, server.ts's side (lib/cache/shared-thread.ts says what it is). For a signed-in GET of a story
// page: the list of threads comes from the page cache (stored under `thread:<key>`, tagged by the story's path, so it
// is dropped by exactly the invalidations that drop the signed-out page, here and on other workers and instances),
// or is rendered once through Next by a request of server.ts's own, without cookies, and shared by the readers who
// ask meanwhile (request collapsing, stale-while-revalidate: lib/cache/page-cache.ts). The page is then rendered by
// Next with an offer; if it left the slot empty (the viewer sees the shared list), the list of the version of the
// story's comments the page read is put in it: a page never shows a list older than its own read of the database,
// even after a change made outside the app (which no invalidation announces).
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { readThreadQuery, threadQuerySearch } from '../comments/thread-query';
import { holdResponse } from '../cache/hold-response';
import { pickEncoding, type CachedPage, type PageCache } from '../cache/page-cache';
import {
  extractEdition,
  fillSlot,
  findSlot,
  readSharedThreadMode,
  sharedThreadHeader,
  sharedThreadHeaderValue,
} from '../cache/shared-thread';
import type { NextHandler } from './reader-pages';
import { carriesSession } from './session-cookie';

const gzip = promisify(zlib.gzip);
const storyPath = /^\/articles\/[a-z0-9-]{1,120}$/;
/** Query parameters that open something for one viewer: such pages are rendered whole, as before. */
const personalParams = ['reply', 'report', 'posted'];

export type SignedInSplit = {
  /** Takes the header off a request unless server.ts signed it; true when it is server.ts's own edition request. */
  isEditionRequest(req: IncomingMessage): boolean;
  /** The slot (cache key and tag) when this request may get the shared list, else null. */
  slotFor(req: IncomingMessage): Slot | null;
  render(req: IncomingMessage, res: ServerResponse, slot: Slot): Promise<unknown>;
};

type Slot = { key: string; tag: string; url: string };

/** In the slot when the list could not be had (Next failed to render it: the page around it rendered, though). */
const unavailable =
  '<p class="notice notice--warn">The comments could not be loaded just now. Reload the page to try again.</p>';

/** `origin`: where server.ts's own edition requests go (this server: any worker answers them). */
export function createSignedInSplit({
  cache,
  handle,
  origin,
  log = console.error,
}: {
  cache: PageCache;
  handle: NextHandler;
  origin: { host: string; port: number };
  log?: (...values: unknown[]) => void;
}): SignedInSplit {
  function isEditionRequest(req: IncomingMessage): boolean {
    const value = req.headers[sharedThreadHeader];
    if (value === undefined) return false;
    const mode = readSharedThreadMode(typeof value === 'string' ? value : undefined);
    if (mode?.kind === 'edition' && !carriesSession(req.headers.cookie)) return true;
    delete req.headers[sharedThreadHeader];
    return false;
  }

  function slotFor(req: IncomingMessage) {
    if (req.method !== 'GET' || !req.url || !carriesSession(req.headers.cookie)) return null;
    if (req.headers.rsc || req.headers['next-router-prefetch'] || req.headers['next-action']) return null;
    let url: URL;
    try {
      url = new URL(req.url, 'http://reader.local');
    } catch {
      return null;
    }
    if (!storyPath.test(url.pathname) || url.searchParams.has('_rsc')) return null;
    if (personalParams.some((name) => url.searchParams.has(name))) return null;
    const { query, canonical } = readThreadQuery(url.searchParams);
    if (!canonical) return null;
    const search = threadQuerySearch(query);
    const key = search.size ? `${url.pathname}?${search}` : url.pathname;
    return { key: `thread:${key}`, tag: url.pathname, url: key };
  }

  /** The list of this version for this slot: fresh, stale while another render is under way, or rendered now. */
  async function edition(slot: Slot, version: string): Promise<string | null> {
    const key = `${slot.key}#${version}`;
    const hit = cache.get(key);
    if (hit) return hit.identity.toString('utf8');
    const plan = cache.plan(key, slot.tag);
    if (plan.serve === 'stale') return plan.page.identity.toString('utf8');
    if (plan.serve === 'wait') return (await plan.page)?.identity.toString('utf8') ?? null;
    const { generation, settle } = cache.beginRender(key, slot.tag);
    try {
      const list = extractEdition((await fetchEdition(slot.url)) ?? '');
      if (list === null) {
        settle(null);
        return null;
      }
      const identity = Buffer.from(list, 'utf8');
      const page: CachedPage = {
        key,
        tag: slot.tag,
        status: 200,
        headers: {},
        identity,
        gzip: Buffer.alloc(0),
        br: Buffer.alloc(0),
        etag: '',
        storedAt: Date.now(),
        size: identity.length,
      };
      cache.store(page, generation);
      settle(page);
      return list;
    } catch (error) {
      settle(null);
      log('signed-in split: the shared list could not be rendered:', error);
      return null;
    }
  }

  function fetchEdition(url: string): Promise<string | null> {
    return new Promise((resolve, reject) => {
      const request = http.get(
        {
          host: origin.host,
          port: origin.port,
          path: url,
          headers: { [sharedThreadHeader]: sharedThreadHeaderValue({ kind: 'edition' }) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve(response.statusCode === 200 ? Buffer.concat(chunks).toString('utf8') : null),
          );
          response.on('error', reject);
        },
      );
      request.setTimeout(10_000, () => request.destroy(new Error('the edition request timed out')));
      request.on('error', reject);
    });
  }

  function render(req: IncomingMessage, res: ServerResponse, slot: Slot) {
    req.headers[sharedThreadHeader] = sharedThreadHeaderValue({ kind: 'offer' });
    // Identity bytes from Next: the list goes in before the page is compressed.
    const acceptEncoding = req.headers['accept-encoding'];
    delete req.headers['accept-encoding'];
    holdResponse(res, (body, send) => {
      const type = String(res.getHeader('content-type') ?? '');
      if (res.statusCode !== 200 || res.getHeader('content-encoding') || !type.startsWith('text/html'))
        return send(body);
      const html = body.toString('utf8');
      const found = findSlot(html);
      if (!found) {
        res.setHeader('x-shared-thread', 'whole');
        return finish(res, body, acceptEncoding, send);
      }
      edition(slot, found.version)
        .then((list) => {
          res.setHeader('x-shared-thread', list === null ? 'failed' : 'spliced');
          const filled = fillSlot(html, found, list ?? unavailable);
          finish(res, Buffer.from(filled, 'utf8'), acceptEncoding, send);
        })
        .catch((error) => {
          log('signed-in split:', error);
          finish(res, Buffer.from(fillSlot(html, found, unavailable), 'utf8'), acceptEncoding, send);
        });
    });
    return handle(req, res);
  }

  return { isEditionRequest, slotFor, render };
}

/** Sends the page, gzipped when the client takes it. */
function finish(
  res: ServerResponse,
  page: Buffer,
  acceptEncoding: string | string[] | undefined,
  send: (body: Buffer) => void,
) {
  if (!takesGzip(acceptEncoding)) return send(page);
  gzip(page, { level: 4 })
    .then((compressed) => {
      res.setHeader('content-encoding', 'gzip');
      const vary = String(res.getHeader('vary') ?? '');
      if (!/accept-encoding/i.test(vary)) res.setHeader('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
      send(compressed);
    })
    .catch(() => send(page));
}

/** Whether the client takes gzip (what Next would have answered with; brotli is not worth its CPU per request). */
function takesGzip(accept: string | string[] | undefined): boolean {
  const header = Array.isArray(accept) ? accept.join(',') : accept;
  const best = pickEncoding(header);
  return best === 'gzip' || (best === 'br' && pickEncoding(header?.replace(/\bbr\b/gi, 'x-none')) === 'gzip');
}
