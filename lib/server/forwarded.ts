// Headers a client must not be able to forge (issue 12.6). Without TRUST_PROXY nothing in front of this server
// vouches for X-Forwarded-*: a client could name another host or protocol to Next (which builds redirect and
// action-origin checks from them). With it, the proxy's values are kept and the proxy is trusted to overwrite
// whatever the client sent.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

export function sanitizeForwardedHeaders(
  headers: IncomingHttpHeaders,
  trustProxy: boolean,
  remoteAddress: string | undefined,
): void {
  if (!trustProxy) {
    for (const name of Object.keys(headers))
      if (name.startsWith('x-forwarded-') || name === 'forwarded' || name === 'x-real-ip') delete headers[name];
  }
  // The app reads the client's address from the last X-Forwarded-For entry (lib/request.ts): make that the
  // address this server saw, unless a trusted proxy in front already appended it.
  if (!trustProxy || !headers['x-forwarded-for']) headers['x-forwarded-for'] = remoteAddress ?? 'unknown';
}

/** The address write limits count against: the last X-Forwarded-For entry (the one the nearest proxy added)
 *  behind TRUST_PROXY, else the socket's peer. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy
    ? String(req.headers['x-forwarded-for'] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .at(-1)
    : undefined;
  return forwarded ?? req.socket.remoteAddress ?? 'unknown';
}

/** What Next would treat as a Server Action (its own test: the action header, or a multipart POST). */
export function isServerActionPost(method: string | undefined, headers: IncomingHttpHeaders): boolean {
  if (method !== 'POST') return false;
  return (
    headers['next-action'] !== undefined || String(headers['content-type'] ?? '').startsWith('multipart/form-data')
  );
}

/** A Server Action posted from another origin (or an opaque "null" one). Next refuses these too, but as a 500
 *  error page; answering here gives the honest 403. No Origin at all is let through, as Next does: browsers
 *  always send one on a cross-site POST, so its absence means a hand-made request without the reader's
 *  cookies. */
export function crossOriginAction(method: string | undefined, headers: IncomingHttpHeaders): boolean {
  if (!isServerActionPost(method, headers)) return false;
  const origin = headers.origin;
  if (origin === undefined) return false;
  const host = String(headers['x-forwarded-host'] ?? headers.host ?? '')
    .split(',')[0]
    ?.trim();
  if (!host || origin === 'null') return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
