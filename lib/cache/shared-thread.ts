// The signed-in split (issue 20): the list of threads on a story page is the same for most signed-in readers, so
// server.ts keeps one rendered copy of it per story and thread query (the "signed-in edition" of the list, dropped by
// the same invalidations as the signed-out page) and splices it into each signed-in page, which Next renders without
// it. A page rendered that way carries an empty slot, `<div data-shared-thread="slot"></div>`, that React never
// fills nor patches on hydration (dangerouslySetInnerHTML); the inline RSC payload then holds no comments at all.
//
// server.ts and the page agree through one request header, `x-ledger-thread`, which server.ts strips from every
// request and sets itself, signed with a key derived from AUTH_SECRET (a reader cannot forge it):
//   - `offer <renderedAt> <token>`: server.ts holds the list for this page (read at renderedAt) and will splice it,
//     so the page may leave the slot empty if the viewer sees the shared list (lib/data/shared-thread.ts);
//   - `edition <token>`: server.ts's own request for the list (no cookie): the page renders only the list, as any
//     signed-in reader who may post sees it, between the markers below.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '../env';

export const sharedThreadHeader = 'x-ledger-thread';

const slotMarkup = '<div data-shared-thread="slot"></div>';
const editionStart = /<div data-shared-thread="edition" data-rendered-at="(\d+)">/;
const editionEnd = '</div><div data-shared-thread-end=""></div>';

export type SharedThreadMode = { kind: 'offer'; renderedAt: number } | { kind: 'edition' } | null;

function token(kind: string): string {
  return createHmac('sha256', env().authSecret).update(`shared-thread:${kind}`).digest('base64url');
}

function sameToken(given: string, kind: string): boolean {
  const expected = Buffer.from(token(kind));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The header server.ts sets for an offer or for its own edition request. */
export function sharedThreadHeaderValue(mode: NonNullable<SharedThreadMode>): string {
  return mode.kind === 'offer' ? `offer ${mode.renderedAt} ${token('offer')}` : `edition ${token('edition')}`;
}

/** What server.ts asked of this render, or null (no header, or one it did not sign). */
export function readSharedThreadMode(value: string | null | undefined): SharedThreadMode {
  if (!value) return null;
  const parts = value.split(' ');
  if (parts[0] === 'edition' && parts.length === 2 && sameToken(parts[1]!, 'edition')) return { kind: 'edition' };
  if (parts[0] === 'offer' && parts.length === 3 && /^\d+$/.test(parts[1]!) && sameToken(parts[2]!, 'offer'))
    return { kind: 'offer', renderedAt: Number(parts[1]) };
  return null;
}

/** The list out of an edition render, without scripts, and when it was read; null when the page is not one. */
export function extractEdition(html: string): { html: string; renderedAt: number } | null {
  const start = editionStart.exec(html);
  if (!start) return null;
  const from = start.index + start[0].length;
  const to = html.indexOf(editionEnd, from);
  if (to < 0) return null;
  const list = html.slice(from, to).replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '');
  return { html: list, renderedAt: Number(start[1]) };
}

/** The page with the list in its slot, or null when the page has no slot (it rendered the list itself). */
export function spliceEdition(page: string, list: string): string | null {
  const at = page.indexOf(slotMarkup);
  if (at < 0) return null;
  const inside = at + slotMarkup.length - '</div>'.length;
  return page.slice(0, inside) + list + page.slice(inside);
}
