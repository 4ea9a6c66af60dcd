// Signed-out reader pages (the slots lib/server/reader-slot.ts finds), served the way a CDN would: from the page
// cache (lib/cache/page-cache.ts) when it has a copy, else rendered through Next once, turned into the reader
// edition (lib/cache/reader-edition.ts), compressed once and stored. With PAGE_CACHE=off (`cache: null`) every
// request renders, and still gets the reader edition.
// A cached hit is most of a news site's traffic: it is answered synchronously, with no await and no copy of
// the stored bytes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { holdResponse } from '../cache/hold-response';
import { compressPage, pickEncoding, type CachedPage, type PageCache } from '../cache/page-cache';
import { readerEdition } from '../cache/reader-edition';
import { viewerMarkupIn } from '../cache/viewer-markup';
import { hashedPolicy } from '../security/csp-hashes';

/** Next's request handler (app.getRequestHandler()). */
export type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<unknown>;

/** Where a page is stored (`key`: path and canonical query) and what invalidation names (`tag`: the path). */
export type PageSlot = { key: string; tag: string };

/** `hit`: the fresh copy; `stale`: the copy from before the last change, while the new one renders (or while the
 *  database is unreachable); `coalesced`: rendered for another reader who asked at the same time; `miss`: just
 *  rendered for this reader. */
export type PageSource = 'hit' | 'miss' | 'coalesced' | 'stale';

export type ReaderPages = {
  /** Answers from the cache when it can: true when answered, false when the page must be rendered, or a promise
   *  of either while another reader's render of it is under way. */
  fromCache(req: IncomingMessage, res: ServerResponse, slot: PageSlot): boolean | Promise<boolean>;
  /** Answers with any copy at all, however stale (stale-if-error); false when there is none. */
  fromKeptCopy(req: IncomingMessage, res: ServerResponse, slot: PageSlot): boolean;
  render(req: IncomingMessage, res: ServerResponse, slot: PageSlot): Promise<unknown>;
};

// Next's headers a stored page must not replay: framing and encoding are the cache's own, and anything per
// response or per viewer (date, cookies, caching rules) is set again or refused.
const skippedHeaders = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'date',
  'connection',
  'keep-alive',
  'etag',
  'set-cookie',
  'cache-control',
  'vary',
]);

type Encoding = ReturnType<typeof pickEncoding>;
type Answer = 'not-modified' | Encoding;

// The response headers of a stored page, per answer and source, made once per page and reused by every hit
// (a flat [name, value, …] list, which writeHead takes as it is): a hit is most of a news site's traffic, and
// building, spreading and walking a header object per request was a measurable share of it (bench/serving-cpu.ts).
const headerLists = new WeakMap<CachedPage, Map<string, string[]>>();

function headersFor(page: CachedPage, answer: Answer, source: PageSource | null): string[] {
  let lists = headerLists.get(page);
  if (!lists) headerLists.set(page, (lists = new Map()));
  const key = `${answer} ${source}`;
  let list = lists.get(key);
  if (!list) {
    list = Object.entries(page.headers).flat();
    list.push('cache-control', 'no-cache', 'vary', 'Accept-Encoding, Cookie', 'etag', page.etag);
    if (source) list.push('x-page-cache', source);
    if (answer !== 'not-modified') {
      if (answer !== 'identity') list.push('content-encoding', answer);
      list.push('content-length', String(bodyOf(page, answer).length));
    }
    lists.set(key, list);
  }
  return list;
}

const bodyOf = (page: CachedPage, encoding: Encoding) =>
  encoding === 'br' ? page.br : encoding === 'gzip' ? page.gzip : page.identity;

/** Answers with a stored page, in the encoding the client takes best (304 when it already has these bytes).
 *  `afterNext`: the response went through Next (a page just rendered), whose wrapper of writeHead reads a header
 *  list as [name, value] pairs: it gets an object, as Node's own writeHead does not need. */
export function servePage(
  req: IncomingMessage,
  res: ServerResponse,
  page: CachedPage,
  source: PageSource | null,
  afterNext = false,
) {
  const answer =
    req.headers['if-none-match'] === page.etag ? 'not-modified' : pickEncoding(req.headers['accept-encoding']);
  const list = headersFor(page, answer, source);
  res.writeHead(answer === 'not-modified' ? 304 : page.status, afterNext ? headerObject(list) : list);
  if (answer === 'not-modified') res.end();
  else res.end(bodyOf(page, answer));
}

function headerObject(list: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i < list.length; i += 2) headers[list[i]!] = list[i + 1]!;
  return headers;
}

export function createReaderPages({
  cache,
  handle,
  log = console.error,
}: {
  cache: PageCache | null;
  handle: NextHandler;
  log?: (...values: unknown[]) => void;
}): ReaderPages {
  function fromCache(req: IncomingMessage, res: ServerResponse, slot: PageSlot): boolean | Promise<boolean> {
    if (!cache) return false;
    const hit = cache.get(slot.key);
    if (hit) {
      servePage(req, res, hit, 'hit');
      return true;
    }
    const plan = cache.plan(slot.key, slot.tag);
    // Another reader's render of this page is under way: the copy from before the change, at once.
    if (plan.serve === 'stale') {
      servePage(req, res, plan.page, 'stale');
      return true;
    }
    if (plan.serve === 'render') return false;
    return plan.page.then((rendered) => {
      if (rendered) servePage(req, res, rendered, 'coalesced');
      return rendered !== null;
    });
  }

  function fromKeptCopy(req: IncomingMessage, res: ServerResponse, slot: PageSlot): boolean {
    const kept = cache?.stale(slot.key);
    if (kept) servePage(req, res, kept, 'stale');
    return kept !== undefined;
  }

  /** The response is held back until Next has finished (lib/cache/hold-response.ts): these pages have nothing
   *  to stream (no Suspense boundaries), and the scripts can only be taken out of the whole. */
  function render(req: IncomingMessage, res: ServerResponse, slot: PageSlot) {
    // Readers who ask for this page while it renders wait for this render or get the stale copy (PageCache.plan).
    const { generation, settle } = cache ? cache.beginRender(slot.key, slot.tag) : { generation: 0, settle: () => {} };
    // A reader who hangs up mid-render leaves nothing for the others to wait on: they render for themselves.
    res.once('close', () => settle(null));
    // Ask Next for identity bytes: the page is compressed here, once, in every encoding the cache serves.
    const acceptEncoding = req.headers['accept-encoding'];
    delete req.headers['accept-encoding'];
    holdResponse(res, (body, send) => {
      const type = String(res.getHeader('content-type') ?? '');
      if (
        res.statusCode !== 200 ||
        res.getHeader('set-cookie') ||
        res.getHeader('content-encoding') ||
        !type.startsWith('text/html')
      ) {
        settle(null);
        return send(body);
      }
      const rendered = body.toString('utf8');
      const edition = readerEdition(rendered);
      const html = edition === null ? body : Buffer.from(edition, 'utf8');
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(res.getHeaders()))
        if (!skippedHeaders.has(name) && value !== undefined) headers[name] = String(value);
      // The reader edition runs no script (script-src 'none'). A page that kept its scripts carries the nonce
      // Next used, which stored bytes would reuse: pin its inline scripts by hash instead.
      headers['content-security-policy'] = hashedPolicy(edition ?? rendered);
      // Fail closed: a page made for one viewer is never stored as everyone's page, whatever let it get here.
      const personal = viewerMarkupIn(rendered);
      if (personal) {
        log(`page cache: refused to store ${slot.key}: it carries viewer-specific markup (${personal})`);
        settle(null);
        res.setHeader('cache-control', 'private, no-store');
        return send(html);
      }
      compressPage({
        key: slot.key,
        tag: slot.tag,
        status: 200,
        headers,
        body: html,
        freshUntil: freshUntilIn(rendered),
      })
        .then((page) => {
          if (cache) cache.store(page, generation);
          settle(page);
          req.headers['accept-encoding'] = acceptEncoding;
          servePage(req, res, page, cache ? 'miss' : null, true);
        })
        .catch((error) => {
          settle(null);
          log('reader page:', error);
          send(html);
        });
    });
    return handle(req, res);
  }

  return { fromCache, fromKeptCopy, render };
}

/** The earliest `data-fresh-until` time a page carries (a story whose comments close or whose pre-moderation ends
 *  at a set time: components/comments/comment-section.tsx), or undefined. */
export function freshUntilIn(html: string): number | undefined {
  let earliest: number | undefined;
  for (const match of html.matchAll(/\bdata-fresh-until="([^"]+)"/g)) {
    const at = Date.parse(match[1]!);
    if (Number.isFinite(at) && (earliest === undefined || at < earliest)) earliest = at;
  }
  return earliest;
}
