// Which requests carry a session, as server.ts must decide before Next runs (issue 12.1).
// next-auth reads its cookie through Next's parser, which keeps the LAST value of a repeated name, empty or
// not; server.ts once read the first and took an empty value for "signed out", so
// `next-auth.session-token=; next-auth.session-token=<real>` was rendered as the user and stored as the
// public page. The rule now fails closed: anything that looks like a session cookie, under any name variant,
// in any position, empty or not, means "not a public request".
import { createHash } from 'node:crypto';

/** True when the Cookie header mentions a session cookie at all (next-auth's plain, __Secure- and __Host-
 *  names, chunked `.0` variants, odd spacing or case): such a request is never served from, nor stored
 *  in, the page cache. */
export function carriesSession(cookieHeader: string | string[] | undefined): boolean {
  if (!cookieHeader) return false;
  const header = Array.isArray(cookieHeader) ? cookieHeader.join('; ') : cookieHeader;
  return /session[-_]?token/i.test(header) || /session[-_]?token/i.test(safeDecode(header));
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const sessionCookieNames = ['next-auth.session-token', '__Secure-next-auth.session-token'];

/** The session cookie's values as Next itself would read them (the last of each name, split the way Next splits),
 *  non-empty ones only: what next-auth would look up (the moderation queue's live stream, lib/live/queue-hub.ts). */
export function sessionTokens(cookieHeader: string | string[] | undefined): string[] {
  if (!cookieHeader) return [];
  const header = Array.isArray(cookieHeader) ? cookieHeader.join('; ') : cookieHeader;
  const seen = new Map<string, string>();
  for (const pair of header.split(/; */)) {
    const at = pair.indexOf('=');
    if (at < 0) continue;
    const name = pair.slice(0, at);
    if (sessionCookieNames.includes(name)) seen.set(name, pair.slice(at + 1));
  }
  return sessionCookieNames.map((name) => seen.get(name) ?? '').filter(Boolean);
}

/** The session a write would act as, for the per-session rate limit: the values Next itself would read, hashed.
 *  Null when none is non-empty. Keying on what Next reads means padding the header with decoy values cannot mint
 *  fresh limiter keys for the same session. */
export function sessionKey(cookieHeader: string | string[] | undefined): string | null {
  const values = sessionTokens(cookieHeader);
  return values.length ? createHash('sha256').update(values.join('\n')).digest('base64url') : null;
}
