// The production server: Next.js behind a thin HTTP layer that does what a CDN and an API gateway would.
//   - signed-out GETs of article, author, front and policy pages get the reader edition (the page without
//     JavaScript, lib/cache/reader-edition.ts) from the page cache (lib/cache), pre-compressed, invalidated
//     by the app the moment something visible changes (and across instances through Redis when REDIS_URL
//     is set);
//   - every POST passes the write rate limits first (lib/rate-limit.ts): 429 with Retry-After;
//   - /healthz answers ok/unavailable without touching Next, for load balancers; /metrics (METRICS_TOKEN) the figures;
//   - requests are classified by small modules in lib/server/ (config, session cookies, reader slots and
//     canonical URLs, forwarded headers and cross-origin actions, error-page statuses), unit-tested there.
// `npm start` runs it; `npm run demo` and the end-to-end tests use it too.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import next from 'next';
import { Redis } from 'ioredis';
import { registerPageCacheBus } from './lib/cache/bus';
import { holdResponse } from './lib/cache/hold-response';
import { compressPage, PageCache, pickEncoding, type CachedPage } from './lib/cache/page-cache';
import { readerEdition } from './lib/cache/reader-edition';
import { connectRelay, type Relay } from './lib/cache/relay';
import { viewerMarkupIn } from './lib/cache/viewer-markup';
import { createDbProbe } from './lib/database/health';
import { resolveDbTarget } from './lib/database/target';
import { env } from './lib/env';
import { createWriteLimiter } from './lib/security/rate-limit';
import { hashedPolicy } from './lib/security/csp-hashes';
import { serverConfig } from './lib/server/config';
import { devMailboxProblem } from './lib/server/dev-mailbox-guard';
import { crossOriginAction, sanitizeForwardedHeaders } from './lib/server/forwarded';
import { metricsAllowed } from './lib/server/metrics';
import { statusFromMarkup, statusMarkedPath } from './lib/server/page-status';
import { readerSlot } from './lib/server/reader-slot';
import * as answer from './lib/server/responses';
import { sessionKey } from './lib/server/session-cookie';

const config = serverConfig(process.argv.slice(2), process.env);
const { port, hostname, pageCache: pageCacheEnabled, trustProxy } = config;

(process.env as Record<string, string>).NODE_ENV = 'production';
const mailboxProblem = devMailboxProblem({ devMailbox: env().devMailbox, appUrl: env().appUrl, listenHost: hostname });
if (mailboxProblem) {
  console.error(`\n*** Refusing to start: ${mailboxProblem}\n`);
  process.exit(1);
}
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();

const cache = new PageCache({ maxBytes: config.pageCacheMaxBytes, ttlMs: config.pageCacheTtlMs });
const redis = config.redisUrl
  ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
  : undefined;
redis?.on('error', (error) => console.error(`redis: ${error.message}`));
const limiter = createWriteLimiter(
  { perIpPerMinute: config.writesPerIpPerMinute, perSessionPerMinute: config.writesPerSessionPerMinute },
  redis,
);

const database = createDbProbe(resolveDbTarget(), config.dbProbeIntervalMs);

function dropPaths(paths: string[]) {
  if (paths.includes('*')) cache.clear();
  else cache.invalidate(paths);
}
const relay: Relay | undefined = config.redisUrl ? connectRelay(config.redisUrl, dropPaths) : undefined;
registerPageCacheBus({
  invalidate(paths) {
    dropPaths(paths);
    relay?.publish(paths);
  },
});

function clientIp(req: IncomingMessage): string {
  const forwarded = trustProxy
    ? String(req.headers['x-forwarded-for'] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .at(-1)
    : undefined;
  return forwarded ?? req.socket.remoteAddress ?? 'unknown';
}

type Slot = { key: string; tag: string };

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

/** Answers with a page from the cache (`hit`; `stale`: the copy from before the last change, while the new one
 *  renders; `coalesced`: rendered for another reader who asked at the same time) or just rendered (`miss`), in
 *  the encoding the client takes best. */
function servePage(
  req: IncomingMessage,
  res: ServerResponse,
  page: CachedPage,
  source: 'hit' | 'miss' | 'coalesced' | 'stale' | null,
) {
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
function renderReaderPage(req: IncomingMessage, res: ServerResponse, slot: Slot) {
  // Readers who ask for this page while it renders wait for this render or get the stale copy (PageCache.plan).
  const { generation, settle } = pageCacheEnabled
    ? cache.beginRender(slot.key, slot.tag)
    : { generation: 0, settle: () => {} };
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
      console.error(`page cache: refused to store ${slot.key}: it carries viewer-specific markup (${personal})`);
      settle(null);
      res.setHeader('cache-control', 'private, no-store');
      return send(html);
    }
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

/** Next's Server Actions body limit (serverActions.bodySizeLimit, default 1 MB); no form of this app comes near it. */
const maxPostBytes = 1024 * 1024;

/** Pages that answer 4xx with a friendly body (lib/server/page-status.ts): held so the status can change. */
function renderStatusMarkedPage(req: IncomingMessage, res: ServerResponse) {
  // Identity bytes, to read the marker (these pages are a few kilobytes).
  delete req.headers['accept-encoding'];
  holdResponse(res, (body, send) => {
    const type = String(res.getHeader('content-type') ?? '');
    const status =
      res.statusCode === 200 && type.startsWith('text/html') && !res.getHeader('content-encoding')
        ? statusFromMarkup(body.toString('utf8'))
        : null;
    if (status) res.statusCode = status;
    send(body);
  });
  return handle(req, res);
}

async function onRequest(req: IncomingMessage, res: ServerResponse) {
  sanitizeForwardedHeaders(req.headers, trustProxy, req.socket.remoteAddress);
  const path = req.url?.split('?')[0] ?? '/';
  if (path === '/healthz') {
    const ok = database.healthy();
    return answer.json(res, ok ? 200 : 503, { ok, database: ok ? 'reachable' : 'unreachable' });
  }
  if (path === '/metrics' && config.metricsToken) {
    if (!metricsAllowed(req.headers, config.metricsToken))
      return answer.json(res, 401, { error: 'Send Authorization: Bearer <METRICS_TOKEN>.' });
    return answer.json(res, 200, {
      database: database.healthy() ? 'reachable' : 'unreachable',
      pageCache: cache.stats(),
    });
  }
  if (req.method === 'POST') {
    const wait = await limiter.check(clientIp(req), sessionKey(req.headers.cookie));
    if (wait !== null) return answer.tooManyRequests(res, wait);
    // Next answers a Server Action body over its 1 MB limit with a 500: refuse it here with the right status.
    if (Number(req.headers['content-length'] ?? 0) > maxPostBytes) return answer.payloadTooLarge(req, res);
    // And a cross-origin one with a 500 too (it refuses it, rightly): 403 here.
    if (crossOriginAction(req.method, req.headers)) return answer.crossOriginRefused(req, res);
  }
  const found = readerSlot(req);
  if (found?.kind === 'redirect') return answer.redirect(res, found.location);
  const slot = found?.kind === 'cache' ? found : null;
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
    return kept ? servePage(req, res, kept, 'stale') : answer.unavailable(res);
  }
  // A server error may mean the database just went away: look again now rather than at the next tick.
  res.once('finish', () => {
    if (res.statusCode >= 500) void database.check();
  });
  if (slot) return renderReaderPage(req, res, slot);
  if (req.method === 'GET' && statusMarkedPath(path) && !req.headers.rsc) return renderStatusMarkedPage(req, res);
  return handle(req, res);
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
server.listen(port, hostname, () =>
  console.log(
    `> Ready on http://${hostname}:${port} (page cache ${pageCacheEnabled ? 'on' : 'off'}${redis ? ', Redis' : ''})`,
  ),
);

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
