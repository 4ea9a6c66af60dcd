// The signed-in split, server.ts's side (lib/cache/shared-thread.ts says what it is). For a signed-in GET of a story
// page: the list of threads comes from the page cache (stored under `thread:<key>`, tagged by the story's path, so it
// is dropped by exactly the invalidations that drop the signed-out page, here and on other workers and instances),
// or is rendered once through Next by a request of server.ts's own, without cookies, and shared by the readers who
// ask meanwhile (request collapsing, stale-while-revalidate: lib/cache/page-cache.ts). The page is then rendered by
// Next with an offer; if it left the slot empty (the viewer sees the shared list), the list is put in it.
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { readThreadQuery, threadQuerySearch } from '../comments/thread-query';
import { holdResponse } from '../cache/hold-response';
import { pickEncoding, type CachedPage, type PageCache } from '../cache/page-cache';
import {
  extractEdition,
  readSharedThreadMode,
  sharedThreadHeader,
  sharedThreadHeaderValue,
  spliceEdition,
} from '../cache/shared-thread';
import type { NextHandler } from './reader-pages';
import { freshUntilIn } from './reader-pages';
import { carriesSession } from './session-cookie';

const gzip = promisify(zlib.gzip);
const storyPath = /^\/articles\/[a-z0-9-]{1,120}$/;
/** Query parameters that open something for one viewer: such pages are rendered whole, as before. */
const personalParams = ['reply', 'report', 'posted'];

export type SignedInSplit = {
  /** Takes the header off a request unless server.ts signed it; true when it is server.ts's own edition request. */
  isEditionRequest(req: IncomingMessage): boolean;
  /** The slot (cache key and tag) when this request may get the shared list, else null. */
  slotFor(req: IncomingMessage): { key: string; tag: string; url: string } | null;
  render(req: IncomingMessage, res: ServerResponse, slot: { key: string; tag: string; url: string }): Promise<unknown>;
};

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

  /** The list for this slot: fresh, stale while another render is under way, or rendered now. */
  async function edition(slot: { key: string; tag: string; url: string }): Promise<CachedPage | null> {
    const hit = cache.get(slot.key);
    if (hit) return hit;
    const plan = cache.plan(slot.key, slot.tag);
    if (plan.serve === 'stale') return plan.page;
    if (plan.serve === 'wait') return plan.page;
    const { generation, settle } = cache.beginRender(slot.key, slot.tag);
    try {
      const html = await fetchEdition(slot.url);
      const list = html === null ? null : extractEdition(html);
      if (!list) {
        settle(null);
        return null;
      }
      const identity = Buffer.from(list.html, 'utf8');
      const page: CachedPage = {
        key: slot.key,
        tag: slot.tag,
        status: 200,
        headers: { 'x-rendered-at': String(list.renderedAt) },
        identity,
        gzip: Buffer.alloc(0),
        br: Buffer.alloc(0),
        etag: '',
        storedAt: Date.now(),
        size: identity.length,
        ...(html && freshUntilIn(html) !== undefined ? { freshUntil: freshUntilIn(html) } : {}),
      };
      cache.store(page, generation);
      settle(page);
      return page;
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

  async function render(req: IncomingMessage, res: ServerResponse, slot: { key: string; tag: string; url: string }) {
    const list = await edition(slot);
    if (!list) return handle(req, res);
    const renderedAt = Number(list.headers['x-rendered-at']);
    req.headers[sharedThreadHeader] = sharedThreadHeaderValue({ kind: 'offer', renderedAt });
    // Identity bytes from Next: the list goes in before the page is compressed.
    const acceptEncoding = req.headers['accept-encoding'];
    delete req.headers['accept-encoding'];
    holdResponse(res, (body, send) => {
      const type = String(res.getHeader('content-type') ?? '');
      if (res.statusCode !== 200 || res.getHeader('content-encoding') || !type.startsWith('text/html'))
        return send(body);
      const spliced = spliceEdition(body.toString('utf8'), list.identity.toString('utf8'));
      const page = spliced === null ? body : Buffer.from(spliced, 'utf8');
      res.setHeader('x-shared-thread', spliced === null ? 'whole' : 'spliced');
      if (!takesGzip(acceptEncoding)) return send(page);
      gzip(page, { level: 4 })
        .then((compressed) => {
          res.setHeader('content-encoding', 'gzip');
          const vary = String(res.getHeader('vary') ?? '');
          if (!/accept-encoding/i.test(vary))
            res.setHeader('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
          send(compressed);
        })
        .catch(() => send(page));
    });
    return handle(req, res);
  }

  return { isEditionRequest, slotFor, render };
}

/** Whether the client takes gzip (what Next would have answered with; brotli is not worth its CPU per request). */
function takesGzip(accept: string | string[] | undefined): boolean {
  const header = Array.isArray(accept) ? accept.join(',') : accept;
  const best = pickEncoding(header);
  return best === 'gzip' || (best === 'br' && pickEncoding(header?.replace(/\bbr\b/gi, 'x-none')) === 'gzip');
}
