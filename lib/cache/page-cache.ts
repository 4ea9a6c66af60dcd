// Full-page cache for signed-out readers, the way a newsroom puts a CDN in front of its site:
// server.ts stores the HTML Next renders for an anonymous GET, with gzip and brotli copies made once,
// and serves those bytes without rendering until something visible on the page changes.
//
// Entries are keyed by path + normalised query and tagged by path. Each tag has a generation; invalidation
// (lib/cache/invalidate.ts) bumps the generations of the tags a change touches, which makes their entries
// stale at once. An entry is fresh while it was rendered at its tag's current generation and is younger than
// the TTL (a safety net for changes made outside the app process, such as `npm run import`).
//
// A request that finds no fresh copy is planned (`plan`) the way a CDN handles a busy URL:
//   - another reader's render of the page is in progress and a stale copy exists: serve the stale copy now
//     (stale-while-revalidate: at most one render per page at a time, however many readers arrive);
//   - a render that started after the last change is in progress: wait for it (request collapsing);
//   - otherwise: render, and let the others wait for or be served around this render.
// A story taking ten comments a second is then rendered about ten times a second, not once per reader.
// Stale copies also let server.ts keep serving stories while the database is unreachable (stale-if-error).
// Bounded by bytes: least recently used goes first, stale or not.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { clockMs } from '../site/clock';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

export type CachedPage = {
  key: string;
  tag: string;
  status: number;
  headers: Record<string, string>;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
  storedAt: number;
  size: number;
  /** The page changes by itself at this time (epoch ms): a story's comments close or its pre-moderation ends
   *  (issue 18). Not fresh from then on, whatever the TTL, and not served stale while it is re-rendered. */
  freshUntil?: number;
};

export type PageCacheOptions = { maxBytes: number; ttlMs: number };

type Entry = CachedPage & { generation: number };
type Render = { tag: string; generation: number; page: Promise<CachedPage | null> };

/** What to do for a request that found no fresh copy. */
export type Plan =
  { serve: 'stale'; page: CachedPage } | { serve: 'wait'; page: Promise<CachedPage | null> } | { serve: 'render' };

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private readonly generations = new Map<string, number>();
  private readonly renders = new Map<string, Render>();
  private bytes = 0;
  private readonly counts = { hits: 0, misses: 0, renders: 0, coalesced: 0, stale: 0 };

  constructor(private readonly options: PageCacheOptions) {}

  /** The fresh copy of a page, if there is one. */
  // The app's clock (lib/site/clock.ts: the system's, unless the end-to-end tests moved it): a page's
  // data-fresh-until is a time in the story's own terms.
  get(key: string, now = clockMs()): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (entry && this.isFresh(entry, now)) {
      this.touch(key, entry);
      this.counts.hits++;
      return entry;
    }
    this.counts.misses++;
    return undefined;
  }

  /** Any copy of a page, fresh or stale (e.g. to serve while the database is unreachable). */
  stale(key: string): CachedPage | undefined {
    return this.entries.get(key);
  }

  /** For a request that found no fresh copy: serve a stale copy, wait for a render in progress, or render. */
  plan(key: string, tag: string): Plan {
    const render = this.renders.get(key);
    const staleCopy = this.entries.get(key);
    if (render && staleCopy && !(staleCopy.freshUntil !== undefined && clockMs() >= staleCopy.freshUntil)) {
      this.counts.stale++;
      return { serve: 'stale', page: staleCopy };
    }
    if (render && render.generation === this.generation(tag)) {
      this.counts.coalesced++;
      return { serve: 'wait', page: render.page };
    }
    return { serve: 'render' };
  }

  generation(tag: string): number {
    return this.generations.get(tag) ?? 0;
  }

  /** Announces a render of `key`; call `settle` with the compressed page, or null if it is not one to share
   *  (an error, a 404, a reader who hung up). Pass `generation` to `store`. */
  beginRender(key: string, tag: string): { generation: number; settle: (page: CachedPage | null) => void } {
    let settle: (page: CachedPage | null) => void = () => {};
    const render: Render = {
      tag,
      generation: this.generation(tag),
      page: new Promise<CachedPage | null>((resolve) => (settle = resolve)),
    };
    this.renders.set(key, render);
    this.counts.renders++;
    void render.page.then(() => {
      if (this.renders.get(key) === render) this.renders.delete(key);
    });
    return { generation: render.generation, settle };
  }

  /** Keeps a rendered page: fresh if nothing it shows changed since `generationAtStart`, otherwise as a stale
   *  copy (still newer than the one it replaces). Returns whether it is fresh. Pages bigger than half the budget
   *  are not kept. */
  store(page: CachedPage, generationAtStart: number): boolean {
    if (page.size > this.options.maxBytes / 2) return false;
    const existing = this.entries.get(page.key);
    if (existing && existing.generation > generationAtStart) return false;
    this.delete(page.key);
    this.entries.set(page.key, { ...page, storedAt: Date.now(), generation: generationAtStart });
    this.bytes += page.size;
    for (const [key] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.delete(key);
    }
    return generationAtStart === this.generation(page.tag);
  }

  /** Makes every entry tagged with one of these paths (all query variants) stale, and any render in progress
   *  of them: what readers ask for next is rendered again. Returns how many entries went stale. */
  invalidate(tags: Iterable<string>): number {
    const changed = new Set(tags);
    for (const tag of changed) this.generations.set(tag, this.generation(tag) + 1);
    let count = 0;
    for (const entry of this.entries.values()) if (changed.has(entry.tag)) count++;
    return count;
  }

  /** Everything may have changed (a new policy version). */
  clear(): void {
    this.invalidate(new Set([...this.entries.values(), ...this.renders.values()].map((item) => item.tag)));
  }

  stats() {
    let fresh = 0;
    const now = clockMs();
    for (const entry of this.entries.values()) if (this.isFresh(entry, now)) fresh++;
    return { entries: this.entries.size, fresh, bytes: this.bytes, ...this.counts };
  }

  private isFresh(entry: Entry, now: number): boolean {
    return (
      entry.generation === this.generation(entry.tag) &&
      now - entry.storedAt <= this.options.ttlMs &&
      (entry.freshUntil === undefined || now < entry.freshUntil)
    );
  }

  private touch(key: string, entry: Entry) {
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  private delete(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
  }
}

/** A rendered page with its gzip and brotli copies, made once and served to every reader after. */
export async function compressPage(page: {
  key: string;
  tag: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  freshUntil?: number;
}): Promise<CachedPage> {
  const [gz, br] = await Promise.all([
    gzip(page.body, { level: 6 }),
    brotli(page.body, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: page.body.length },
    }),
  ]);
  return {
    key: page.key,
    tag: page.tag,
    status: page.status,
    headers: page.headers,
    identity: page.body,
    gzip: gz,
    br,
    etag: `"${createHash('sha1').update(page.body).digest('base64url')}"`,
    storedAt: Date.now(),
    size: page.body.length + gz.length + br.length,
    ...(page.freshUntil === undefined ? {} : { freshUntil: page.freshUntil }),
  };
}

type Encoding = 'br' | 'gzip' | 'identity';
// Browsers send one of a handful of Accept-Encoding values: each is read once (bounded: a client sending a new
// value with every request only makes the memo start again).
const encodingMemo = new Map<string, Encoding>();

/** The encoding to answer with, from an Accept-Encoding header. */
export function pickEncoding(accept: string | undefined): Encoding {
  if (!accept) return 'identity';
  let encoding = encodingMemo.get(accept);
  if (encoding === undefined) {
    if (encodingMemo.size >= 256) encodingMemo.clear();
    encodingMemo.set(accept, (encoding = readAcceptEncoding(accept)));
  }
  return encoding;
}

function readAcceptEncoding(accept: string): Encoding {
  const offered = new Map<string, number>();
  for (const part of accept.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    offered.set(name!.trim(), q ? Number(q.slice(2)) : 1);
  }
  const quality = (name: string) => offered.get(name) ?? offered.get('*') ?? 0;
  if (quality('br') > 0) return 'br';
  if (quality('gzip') > 0) return 'gzip';
  return 'identity';
}
