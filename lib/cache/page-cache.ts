// Full-page cache for signed-out readers, the way a newsroom puts a CDN in front of its site:
// server.ts stores the HTML Next renders for an anonymous GET, with gzip and brotli copies made once,
// and serves those bytes without rendering until something visible on the page changes.
// Entries are keyed by path + normalised query and tagged by path; invalidation (lib/cache/invalidate.ts)
// drops the tags a change touches. A generation per tag stops a render that raced an invalidation from
// being stored. Bounded by bytes (least recently used goes first) and by age (a safety net for changes
// made outside the app process, such as `npm run import`).
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

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
};

export type PageCacheOptions = { maxBytes: number; ttlMs: number };

export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private readonly generations = new Map<string, number>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(private readonly options: PageCacheOptions) {}

  get(key: string, now = Date.now()): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (entry && now - entry.storedAt > this.options.ttlMs) this.delete(key);
    else if (entry) {
      // Refresh its place in the LRU order.
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.hits++;
      return entry;
    }
    this.misses++;
    return undefined;
  }

  /** Call before rendering; pass the result to `store` so a render that raced an invalidation is dropped. */
  generation(tag: string): number {
    return this.generations.get(tag) ?? 0;
  }

  /** Keeps a compressed page, unless its tag was invalidated since `generationAtStart` (the render raced a
   *  change) or it is too big to be worth a place. */
  store(entry: CachedPage, generationAtStart: number): boolean {
    if (entry.size > this.options.maxBytes / 2) return false;
    if (this.generation(entry.tag) !== generationAtStart) return false;
    this.delete(entry.key);
    this.entries.set(entry.key, { ...entry, storedAt: Date.now() });
    this.bytes += entry.size;
    for (const [key] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.delete(key);
    }
    return true;
  }

  /** Drops every entry tagged with one of these paths (all query variants), now and for renders in flight. */
  invalidate(tags: Iterable<string>): number {
    const drop = new Set(tags);
    for (const tag of drop) this.generations.set(tag, this.generation(tag) + 1);
    let dropped = 0;
    for (const [key, entry] of this.entries) {
      if (drop.has(entry.tag)) {
        this.delete(key);
        dropped++;
      }
    }
    return dropped;
  }

  clear(): void {
    for (const tag of new Set([...this.entries.values()].map((entry) => entry.tag))) this.generations.set(tag, this.generation(tag) + 1);
    this.entries.clear();
    this.bytes = 0;
  }

  stats() {
    return { entries: this.entries.size, bytes: this.bytes, hits: this.hits, misses: this.misses };
  }

  private delete(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
  }
}

/** A rendered page with its gzip and brotli copies, made once and served to every reader after. */
export async function compressPage(page: { key: string; tag: string; status: number; headers: Record<string, string>; body: Buffer }): Promise<CachedPage> {
  const [gz, br] = await Promise.all([
    gzip(page.body, { level: 6 }),
    brotli(page.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: page.body.length } }),
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
  };
}

/** The encoding to answer with, from an Accept-Encoding header. */
export function pickEncoding(accept: string | undefined): 'br' | 'gzip' | 'identity' {
  if (!accept) return 'identity';
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
