// Error pages that must not answer 200 (issue 12.9): an invalid, used or expired reply link, an invalid
// unsubscribe link. Next's App Router can only set 404/401/403 from a page (notFound() and friends), and
// "link used up" is 410 Gone, with the same friendly page (a fresh-link form that works without JavaScript).
// So such a page renders <StatusMarker status={410} /> and server.ts, holding the response for these paths,
// sends that status. Under `next dev` (no server.ts) the page still shows, with 200.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { holdResponse } from '../cache/hold-response';
import type { NextHandler } from './reader-pages';

/** Paths whose pages may carry a status marker: server.ts holds only these responses. */
export const statusMarkedPath = (path: string) => path.startsWith('/reply/') || path.startsWith('/unsubscribe/');

// An attribute React rendered, never text a reader typed: React escapes quotes in text, so `data-http-status="`
// cannot come from a comment body.
const marker = /<[a-z]+[^>]*\sdata-http-status="(4\d\d)"/;

export function statusFromMarkup(html: string): number | null {
  const found = marker.exec(html);
  return found ? Number(found[1]) : null;
}

/** Renders a status-marked page through Next, held so its status can still change (these pages are a few
 *  kilobytes). */
export function renderWithStatusMarker(req: IncomingMessage, res: ServerResponse, handle: NextHandler) {
  // Identity bytes, to read the marker.
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
