// The order in which server.ts looks at a request before (or instead of) handing it to Next. Each step is a
// module of its own; this is only the sequence, so it can be driven in a test with a stand-in for Next:
//   forwarded headers → /healthz, /metrics → live streams (readers', the moderation queue's) → write limits (POST) →
//   canonical story URL (308) → page cache → database down: kept copy or 503 → reader edition render → signed-in
//   story page with the shared list → status-marked page → Next.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { liveSlug } from '../live/hub';
import { queueStreamPath } from '../live/queue-hub';
import { clientAddress, sanitizeForwardedHeaders } from './forwarded';
import type { HealthAnswers } from './health';
import { renderWithStatusMarker, statusMarkedPath } from './page-status';
import type { NextHandler, ReaderPages } from './reader-pages';
import type { SignedInSplit } from './signed-in-split';
import { readerSlot } from './reader-slot';
import * as answer from './responses';
import type { WriteGate } from './write-gate';

export type RequestParts = {
  trustProxy: boolean;
  health: HealthAnswers;
  writes: Pick<WriteGate, 'refused'>;
  pages: ReaderPages;
  database: { healthy(): boolean; check(): Promise<unknown> };
  handle: NextHandler;
  /** The live channel (lib/live/hub.ts): GET /live/articles/<slug>. */
  live?: { open(req: IncomingMessage, res: ServerResponse, slug: string, address: string): void };
  /** The moderation queue's live channel, staff only (lib/live/queue-hub.ts): GET /live/moderation. */
  queueLive?: { open(req: IncomingMessage, res: ServerResponse, address: string): Promise<void> };
  /** The signed-in split (lib/server/signed-in-split.ts): the shared list of threads spliced into signed-in story
   *  pages; absent when SIGNED_IN_SPLIT=off or the page cache is off. */
  split?: SignedInSplit;
  /** The end-to-end tests' clock (TEST_CLOCK=1 only): POST /__test/clock. */
  testClock?: (req: IncomingMessage, res: ServerResponse, path: string) => boolean;
  log?: (...values: unknown[]) => void;
};

/** The listener for http.createServer: any error thrown on the way is a 500, logged. */
export function createRequestListener(parts: RequestParts): (req: IncomingMessage, res: ServerResponse) => void {
  const {
    trustProxy,
    health,
    writes,
    pages,
    database,
    handle,
    live,
    queueLive,
    split,
    testClock,
    log = console.error,
  } = parts;

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
    sanitizeForwardedHeaders(req.headers, trustProxy, req.socket.remoteAddress);
    const path = req.url?.split('?')[0] ?? '/';
    if (health(req, res, path)) return;
    if (testClock?.(req, res, path)) return;
    const slug = live && path.startsWith('/live/') ? liveSlug(path) : null;
    if (slug) return live!.open(req, res, slug, clientAddress(req, trustProxy));
    if (queueLive && path === queueStreamPath) return queueLive.open(req, res, clientAddress(req, trustProxy));
    if (req.method === 'POST' && (await writes.refused(req, res))) return;
    // server.ts's own request for a story's shared list of threads (signed, no cookie): never the cached page.
    if (split?.isEditionRequest(req)) return handle(req, res);
    const found = readerSlot(req);
    if (found?.kind === 'redirect') return answer.redirect(res, found.location);
    const slot = found?.kind === 'cache' ? found : null;
    if (slot) {
      // Synchronous for a hit (the hot path); a promise only while waiting for another reader's render.
      const served = pages.fromCache(req, res, slot);
      if (served === true || (served !== false && (await served))) return;
    }
    if (!database.healthy() && !req.url?.startsWith('/_next/static/')) {
      // While the database is unreachable, a story read before keeps being served as it was (stale-if-error).
      if (!slot || !pages.fromKeptCopy(req, res, slot)) answer.unavailable(res);
      return;
    }
    // A server error may mean the database just went away: look again now rather than at the next tick.
    res.once('finish', () => {
      if (res.statusCode >= 500) void database.check();
    });
    if (slot) return pages.render(req, res, slot);
    const threadSlot = split?.slotFor(req);
    if (threadSlot) return split!.render(req, res, threadSlot);
    if (req.method === 'GET' && statusMarkedPath(path) && !req.headers.rsc)
      return renderWithStatusMarker(req, res, handle);
    return handle(req, res);
  }

  return (req, res) => {
    onRequest(req, res).catch((error) => {
      log(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal error');
    });
  };
}
