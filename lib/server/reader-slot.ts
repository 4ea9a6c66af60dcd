// Which GETs are public reader pages (front, policy, story, author), under which cache key, and which must
// first be redirected to their canonical URL. One function, shared with the page through
// lib/comments/thread-query.ts, so a stored page can never disagree with its key (issue 12.5).
import { canonicalThreadUrl, readThreadQuery, threadQuerySearch } from '../comments/thread-query';
import { carriesSession } from './session-cookie';

export type ReaderRequest = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };

export type ReaderSlot =
  /** A signed-out page the cache may serve and store under `key`; `tag` is what invalidation names. */
  | { kind: 'cache'; key: string; tag: string }
  /** A story URL whose comment query is not canonical: 308 to `location` (nothing is rendered or stored). */
  | { kind: 'redirect'; location: string };

const storyPath = /^\/articles\/[a-z0-9-]{1,120}$/;
const readerPath = (path: string) =>
  path === '/' || path === '/policy' || storyPath.test(path) || /^\/authors\/[a-z0-9-]{1,120}$/.test(path);

// What a URL alone says (the method and headers are looked at per request), remembered per URL: readers ask for
// the same few URLs over and over, and parsing each one again was a measurable share of a cached hit
// (bench/serving-cpu.ts). Bounded: a flood of distinct URLs only makes the memo start again.
const slotsByUrl = new Map<string, ReaderSlot | null>();
const slotMemoSize = 4096;

export function readerSlot(req: ReaderRequest): ReaderSlot | null {
  if (req.method !== 'GET' || !req.url) return null;
  // Client-side navigations and prefetches ask for RSC payloads, not HTML.
  if (req.headers.rsc || req.headers['next-router-prefetch'] || req.headers['next-action']) return null;
  let slot = slotsByUrl.get(req.url);
  if (slot === undefined) {
    if (slotsByUrl.size >= slotMemoSize) slotsByUrl.clear();
    slotsByUrl.set(req.url, (slot = slotOfUrl(req.url)));
  }
  // Everyone is redirected, signed in or not: the page reads the same query either way. A request carrying a
  // session is never served from, nor stored in, the cache.
  if (slot?.kind === 'cache' && carriesSession(req.headers.cookie)) return null;
  return slot;
}

function slotOfUrl(rawUrl: string): ReaderSlot | null {
  let url: URL;
  try {
    url = new URL(rawUrl, 'http://reader.local');
  } catch {
    return null;
  }
  const path = url.pathname;
  if (!readerPath(path) || url.searchParams.has('_rsc')) return null;
  if (storyPath.test(path)) {
    const { query, canonical } = readThreadQuery(url.searchParams);
    if (!canonical) return { kind: 'redirect', location: canonicalThreadUrl(path, url.searchParams) };
    // Only ?sort and ?shown change a signed-out story page. Anything else (utm_*, fbclid from social shares,
    // ?reply= which only signed-in readers see) shares the same entry, so shared links never bypass the cache.
    const search = threadQuerySearch(query);
    return { kind: 'cache', key: search.size ? `${path}?${search}` : path, tag: path };
  }
  // The front, policy and author pages read no query at all.
  return { kind: 'cache', key: path, tag: path };
}
