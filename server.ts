// The production server: Next.js behind a thin HTTP layer that does what a CDN and an API gateway would.
//   - signed-out GETs of article, author, front and policy pages get the reader edition (the page without
//     JavaScript, lib/cache/reader-edition.ts) from the page cache (lib/cache), pre-compressed, invalidated
//     by the app the moment something visible changes (and across instances through Redis when REDIS_URL
//     is set);
//   - every POST passes the write rate limits first (lib/rate-limit.ts): 429 with Retry-After;
//   - /healthz answers without touching Next, for load balancers.
// `npm start` runs it; `npm run demo` and the end-to-end tests use it too.
import { createHash } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import next from 'next';
import { Redis } from 'ioredis';
import { registerPageCacheBus } from './lib/cache/bus';
import { holdResponse } from './lib/cache/hold-response';
import { compressPage, PageCache, pickEncoding, type CachedPage } from './lib/cache/page-cache';
import { readerEdition } from './lib/cache/reader-edition';
import { connectRelay, type Relay } from './lib/cache/relay';
import { createDbProbe } from './lib/db-health';
import { resolveDbTarget } from './lib/db-target';
import { createWriteLimiter } from './lib/rate-limit';
import { hashedPolicy } from './lib/security/csp-hashes';

const args = process.argv.slice(2);
const argument = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const port = Number(argument('--port') ?? argument('-p') ?? process.env.PORT ?? 3000);
const hostname = argument('--hostname') ?? argument('-H') ?? process.env.HOSTNAME ?? '0.0.0.0';
const number = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const pageCacheEnabled = process.env.PAGE_CACHE !== 'off';
const trustProxy = ['1', 'true', 'yes'].includes(process.env.TRUST_PROXY ?? '');

(process.env as Record<string, string>).NODE_ENV = 'production';
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();

const cache = new PageCache({ maxBytes: number('PAGE_CACHE_MAX_MB', 128) * 1024 * 1024, ttlMs: number('PAGE_CACHE_TTL_SECONDS', 300) * 1000 });
const redis = process.env.REDIS_URL ? new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false }) : undefined;
redis?.on('error', (error) => console.error(`redis: ${error.message}`));
const limiter = createWriteLimiter(
  { perIpPerMinute: number('RATE_LIMIT_WRITES_PER_IP', 300), perSessionPerMinute: number('RATE_LIMIT_WRITES_PER_SESSION', 60) },
  redis,
);

const database = createDbProbe(resolveDbTarget(), number('DB_PROBE_INTERVAL_MS', 1000));

function dropPaths(paths: string[]) {
  if (paths.includes('*')) cache.clear();
  else cache.invalidate(paths);
}
const relay: Relay | undefined = process.env.REDIS_URL ? connectRelay(process.env.REDIS_URL, dropPaths) : undefined;
registerPageCacheBus({
  invalidate(paths) {
    dropPaths(paths);
    relay?.publish(paths);
  },
});

const sessionCookies = ['next-auth.session-token', '__Secure-next-auth.session-token'];
function sessionToken(req: IncomingMessage): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name && sessionCookies.includes(name)) return value.join('=') || null;
  }
  return null;
}

function clientIp(req: IncomingMessage): string {
  const forwarded = trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter(Boolean).at(-1) : undefined;
  return forwarded ?? req.socket.remoteAddress ?? 'unknown';
}

/** For a signed-out GET of a reader page (front, policy, story, author): its cache key and tag. Null for
 *  everything else, which Next answers as usual. */
function readerSlot(req: IncomingMessage): { key: string; tag: string } | null {
  if (req.method !== 'GET' || !req.url) return null;
  // Client-side navigations and prefetches ask for RSC payloads, not HTML.
  if (req.headers.rsc || req.headers['next-router-prefetch'] || req.headers['next-action']) return null;
  if (sessionToken(req)) return null;
  const url = new URL(req.url, 'http://cache.local');
  const path = url.pathname;
  if (!(path === '/' || path === '/policy' || /^\/(articles|authors)\/[a-z0-9-]{1,120}$/.test(path))) return null;
  if (url.searchParams.has('_rsc')) return null;
  // A signed-out page depends on two parameters only, normalised the way the page reads them. Anything else
  // (utm_*, fbclid from social shares, ?reply= which only signed-in readers see) shares the same entry, so
  // shared links never bypass the cache.
  const sort = url.searchParams.get('sort');
  const shown = Math.min(Math.max(Number(url.searchParams.get('shown')) || 20, 20), 1000);
  const query = new URLSearchParams();
  if (sort === 'newest' || sort === 'reactions') query.set('sort', sort);
  if (shown > 20) query.set('shown', String(shown));
  return { key: query.size ? `${path}?${query}` : path, tag: path };
}

const skippedHeaders = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'date', 'connection', 'keep-alive', 'etag', 'set-cookie', 'cache-control', 'vary']);

/** Answers with a page from the cache (`hit`; `stale`: the copy from before the last change, while the new one
 *  renders; `coalesced`: rendered for another reader who asked at the same time) or just rendered (`miss`), in
 *  the encoding the client takes best. */
function servePage(req: IncomingMessage, res: ServerResponse, page: CachedPage, source: 'hit' | 'miss' | 'coalesced' | 'stale' | null) {
  const headers: Record<string, string> = {
    ...page.headers,
    'cache-control': 'no-cache',
    vary: 'Accept-Encoding, Cookie',
    etag: page.etag,
  };
  if (source) headers['x-page-cache'] = source;
  if (req.headers['if-none-match'] === page.etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const encoding = pickEncoding(req.headers['accept-encoding'] as string | undefined);
  const body = encoding === 'br' ? page.br : encoding === 'gzip' ? page.gzip : page.identity;
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  headers['content-length'] = String(body.length);
  res.writeHead(page.status, headers);
  res.end(body);
}

/** Renders a signed-out page through Next, answers with its reader edition (lib/cache/reader-edition.ts) and,
 *  when the page cache is on, stores those bytes. The response is held back until Next has finished
 *  (lib/cache/hold-response.ts): these pages have nothing to stream (no Suspense boundaries), and the scripts
 *  can only be taken out of the whole. */
function renderReaderPage(req: IncomingMessage, res: ServerResponse, slot: { key: string; tag: string }) {
  // Readers who ask for this page while it renders wait for this render or get the stale copy (PageCache.plan).
  const { generation, settle } = pageCacheEnabled ? cache.beginRender(slot.key, slot.tag) : { generation: 0, settle: () => {} };
  // A reader who hangs up mid-render leaves nothing for the others to wait on: they render for themselves.
  res.once('close', () => settle(null));
  // Ask Next for identity bytes: the page is compressed here, once, in every encoding the cache serves.
  const acceptEncoding = req.headers['accept-encoding'];
  delete req.headers['accept-encoding'];
  holdResponse(res, (body, send) => {
    const type = String(res.getHeader('content-type') ?? '');
    if (res.statusCode !== 200 || res.getHeader('set-cookie') || res.getHeader('content-encoding') || !type.startsWith('text/html')) {
      settle(null);
      return send(body);
    }
    const rendered = body.toString('utf8');
    const edition = readerEdition(rendered);
    const html = edition === null ? body : Buffer.from(edition, 'utf8');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.getHeaders())) if (!skippedHeaders.has(name) && value !== undefined) headers[name] = String(value);
    // The reader edition runs no script (script-src 'none'). A page that kept its scripts carries the nonce
    // Next used, which stored bytes would reuse: pin its inline scripts by hash instead.
    headers['content-security-policy'] = hashedPolicy(edition ?? rendered);
    compressPage({ key: slot.key, tag: slot.tag, status: 200, headers, body: html })
      .then((page) => {
        if (pageCacheEnabled) cache.store(page, generation);
        settle(page);
        req.headers['accept-encoding'] = acceptEncoding;
        servePage(req, res, page, pageCacheEnabled ? 'miss' : null);
      })
      .catch((error) => {
        settle(null);
        console.error('reader page:', error);
        send(html);
      });
  });
  return handle(req, res);
}

function unavailable(res: ServerResponse) {
  const body = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Temporarily unavailable</title><body style="font-family:Georgia,serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><p style="font:700 .8rem system-ui;letter-spacing:.08em;text-transform:uppercase;color:#a3201c">The Ledger</p><h1>Temporarily unavailable</h1><p>We cannot reach our database right now, so this page cannot be shown. Stories you have opened recently may still load. Please try again in a minute; nothing you posted before this message is lost.</p></body></html>`;
  res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'retry-after': '10', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Next's Server Actions body limit (serverActions.bodySizeLimit, default 1 MB); no form of this app comes near it. */
const maxPostBytes = 1024 * 1024;

function payloadTooLarge(req: IncomingMessage, res: ServerResponse) {
  const body = 'Request body too large.\n';
  res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', connection: 'close', 'content-length': Buffer.byteLength(body) });
  res.end(body);
  req.resume();
}

function tooManyRequests(res: ServerResponse, seconds: number) {
  const body = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Slow down</title><body style="font-family:system-ui;max-width:40rem;margin:4rem auto;padding:0 1rem"><h1>Too many requests</h1><p>You are sending changes faster than we accept them. Please try again in ${seconds} seconds; nothing you typed was saved by this request.</p></body></html>`;
  res.writeHead(429, { 'content-type': 'text/html; charset=utf-8', 'retry-after': String(seconds), 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

async function onRequest(req: IncomingMessage, res: ServerResponse) {
  // The app reads the client's address from the last X-Forwarded-For entry (lib/request.ts): make that
  // entry the address this server saw, unless a trusted proxy in front already appended it.
  if (!trustProxy || !req.headers['x-forwarded-for']) req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? 'unknown';
  if (req.url === '/healthz') {
    const ok = database.healthy();
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ ok, database: ok ? 'reachable' : 'unreachable', pageCache: cache.stats() }));
    return;
  }
  if (req.method === 'POST') {
    const session = sessionToken(req);
    const wait = await limiter.check(clientIp(req), session ? createHash('sha256').update(session).digest('base64url') : null);
    if (wait !== null) return tooManyRequests(res, wait);
    // Next answers a Server Action body over its 1 MB limit with a 500: refuse it here with the right status.
    if (Number(req.headers['content-length'] ?? 0) > maxPostBytes) return payloadTooLarge(req, res);
  }
  const slot = readerSlot(req);
  const hit = slot && pageCacheEnabled ? cache.get(slot.key) : undefined;
  if (hit) return servePage(req, res, hit, 'hit');
  const plan = slot && pageCacheEnabled ? cache.plan(slot.key, slot.tag) : undefined;
  // Another reader's render of this page is under way: the copy from before the change, at once.
  if (plan?.serve === 'stale') return servePage(req, res, plan.page, 'stale');
  const rendered = plan?.serve === 'wait' && (await plan.page);
  if (rendered) return servePage(req, res, rendered, 'coalesced');
  if (!database.healthy() && !req.url?.startsWith('/_next/static/')) {
    // While the database is unreachable, a story read before keeps being served as it was (stale-if-error).
    const kept = slot && pageCacheEnabled ? cache.stale(slot.key) : undefined;
    return kept ? servePage(req, res, kept, 'stale') : unavailable(res);
  }
  // A server error may mean the database just went away: look again now rather than at the next tick.
  res.once('finish', () => {
    if (res.statusCode >= 500) void database.check();
  });
  if (!slot) return handle(req, res);
  return renderReaderPage(req, res, slot);
}

await app.prepare();
const server = http.createServer((req, res) => {
  onRequest(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('Internal error');
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => console.log(`> Ready on http://${hostname}:${port} (page cache ${pageCacheEnabled ? 'on' : 'off'}${redis ? ', Redis' : ''})`));

let closing = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const)
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close(() => {
      void Promise.allSettled([relay?.close(), redis?.quit()]).then(() => process.exit(0));
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
