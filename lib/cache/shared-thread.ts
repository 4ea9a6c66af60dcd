// The signed-in split (issue 20): the list of threads on a story page is the same for most signed-in readers, so
// server.ts keeps one rendered copy of it per story and thread query (the "signed-in edition" of the list, dropped by
// the same invalidations as the signed-out page) and splices it into each signed-in page, which Next renders without
// it. A page rendered that way carries an empty slot, `<div data-shared-thread="slot"></div>`, that React never
// fills nor patches on hydration (dangerouslySetInnerHTML); the inline RSC payload then holds no comments at all.
//
// server.ts and the page agree through one request header, `x-ledger-thread`, which server.ts strips from every
// request and sets itself, signed with a key derived from AUTH_SECRET (a reader cannot forge it):
//   - `offer <token>`: server.ts will splice the list, so the page may leave the slot empty when the viewer sees the
//     shared list (lib/data/shared-thread.ts); the slot names the version of the story's comments the page read
//     (`data-version`), and server.ts puts in the list of that version (from the cache, else rendered now);
//   - `edition <token>`: server.ts's own request for the list (no cookie): the page renders only the list, as any
//     signed-in reader who may post sees it, between the markers below.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '../env';

export const sharedThreadHeader = 'x-ledger-thread';

const slotMarkup = /<div data-shared-thread="slot" data-version="([0-9.]+)"><\/div>/;
const editionStart = '<div data-shared-thread="edition">';
const editionEnd = '</div><div data-shared-thread-end=""></div>';

export type SharedThreadMode = { kind: 'offer' } | { kind: 'edition' } | null;

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
  return `${mode.kind} ${token(mode.kind)}`;
}

/** What server.ts asked of this render, or null (no header, or one it did not sign). */
export function readSharedThreadMode(value: string | null | undefined): SharedThreadMode {
  if (!value) return null;
  const [kind, given, ...rest] = value.split(' ');
  if ((kind !== 'edition' && kind !== 'offer') || given === undefined || rest.length) return null;
  return sameToken(given, kind) ? { kind } : null;
}

/** The list out of an edition render, without scripts; null when the page is not one. */
export function extractEdition(html: string): string | null {
  const start = html.indexOf(editionStart);
  if (start < 0) return null;
  const from = start + editionStart.length;
  const to = html.indexOf(editionEnd, from);
  if (to < 0) return null;
  return html.slice(from, to).replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '');
}

/** Where the page left the slot, and the version of the list it wants; null when it rendered the list itself. */
export function findSlot(page: string): { at: number; length: number; version: string } | null {
  const found = slotMarkup.exec(page);
  return found ? { at: found.index, length: found[0].length, version: found[1]! } : null;
}

/** The page with `list` in the slot findSlot found. */
export function fillSlot(page: string, slot: { at: number; length: number }, list: string): string {
  const inside = slot.at + slot.length - '</div>'.length;
  return page.slice(0, inside) + list + page.slice(inside);
}
