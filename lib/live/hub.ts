// Live threads (issue 17): readers with a story open hear about new, edited and deleted comments without a reload,
// over Server-Sent Events answered by server.ts itself (no Next render, no React: a stream costs a socket and a few
// hundred bytes). The channel is separate from the page, so signed-out pages stay cached.
//
// What wakes a story's listeners is the page cache's invalidation (lib/server/invalidation.ts): every visible change
// drops `/articles/<slug>`, on every worker and, through Redis, on every instance. The hub then asks the app what
// changed on that story since it last looked (one query per story per burst of changes, whatever the number of
// listeners: lib/data/live.ts, registered in lib/live/source.ts) and sends it to each listener. Only published
// comments are ever named: a held comment is not in the answer until a moderator publishes it.
//
// Bounded: a few streams per address (LIVE_STREAMS_PER_ADDRESS), a cap per process (LIVE_STREAMS_MAX), and a stream
// with nothing to say for LIVE_IDLE_SECONDS is closed with an `idle` event (the page reopens it when the reader is
// back: components/comments/live-updates.tsx).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LiveChange, LiveSource } from './changes';

export type LiveHubOptions = {
  perAddress: number;
  maxStreams: number;
  idleMs: number;
  heartbeatMs: number;
  /** How far back a listener may ask to catch up (`?since=`, Last-Event-ID). */
  catchUpMs: number;
  /** Changes are looked for from this long before the last look: commits and clocks of other instances lag. */
  overlapMs: number;
  /** Changes that arrive together (a burst of invalidations) are looked up once. */
  debounceMs: number;
  source: () => LiveSource | undefined;
  now?: () => number;
  log?: (message: string) => void;
};

export const defaultLiveOptions = {
  perAddress: 8,
  maxStreams: 20_000,
  idleMs: 10 * 60_000,
  heartbeatMs: 25_000,
  catchUpMs: 10 * 60_000,
  overlapMs: 2_000,
  debounceMs: 25,
} satisfies Omit<LiveHubOptions, 'source'>;

type Listener = { res: ServerResponse; address: string; slug: string; lastEventAt: number };

type Story = {
  listeners: Set<Listener>;
  /** When the last look started: the next looks from here (less the overlap). */
  lookedAt: number;
  /** What was sent lately (kind:id:at), so the overlap does not send it twice. */
  sent: Map<string, number>;
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
  again?: boolean;
};

const slugPattern = /^[a-z0-9][a-z0-9-]{0,199}$/;

/** `/live/articles/<slug>` → the slug, else null. */
export function liveSlug(path: string): string | null {
  const match = /^\/live\/articles\/([^/]+)$/.exec(path);
  return match && slugPattern.test(match[1]) ? match[1] : null;
}

const frame = (change: LiveChange) => `id: ${change.at}\nevent: change\ndata: ${JSON.stringify(change)}\n\n`;
const keyOf = (change: LiveChange) => `${change.kind}:${change.id}:${change.at}`;

export class LiveHub {
  private readonly stories = new Map<string, Story>();
  private readonly perAddress = new Map<string, number>();
  private streams = 0;
  private readonly ticker: NodeJS.Timeout;
  private readonly now: () => number;
  private readonly log: (message: string) => void;

  constructor(private readonly options: LiveHubOptions) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? console.error;
    this.ticker = setInterval(() => this.tick(), options.heartbeatMs);
    this.ticker.unref();
  }

  stats() {
    return { streams: this.streams, stories: this.stories.size, addresses: this.perAddress.size };
  }

  /** Answers GET /live/articles/<slug>: a 429 past the per-address limit, a 503 past the process's cap, else the
   *  stream (first with what changed since `?since=` or Last-Event-ID, when the page says when it was rendered). */
  open(req: IncomingMessage, res: ServerResponse, slug: string, address: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'GET only', { allow: 'GET' });
    if ((this.perAddress.get(address) ?? 0) >= this.options.perAddress)
      return refuse(res, 429, 'Too many live streams from this address.', { 'retry-after': '60' });
    if (this.streams >= this.options.maxStreams)
      return refuse(res, 503, 'Live updates are busy; reload the page to see new comments.', { 'retry-after': '30' });

    const listener: Listener = { res, address, slug, lastEventAt: this.now() };
    const story = this.story(slug);
    story.listeners.add(listener);
    this.streams += 1;
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    // The browser reconnects after a dropped connection in 5 s, with the id of the last event it had.
    res.write('retry: 5000\n\n');
    req.socket.setKeepAlive(true);
    req.socket.setNoDelay(true);
    res.on('close', () => this.drop(listener));

    const since = catchUpFrom(req, this.now(), this.options.catchUpMs);
    if (since !== null) void this.catchUp(listener, since);
  }

  /** Paths the page cache dropped (here or anywhere through the relay): their stories' listeners hear of it. */
  changed(paths: string[]): void {
    const everything = paths.includes('*');
    for (const [slug, story] of this.stories) {
      if (everything || paths.includes(`/articles/${slug}`)) this.schedule(slug, story);
    }
  }

  close(): void {
    clearInterval(this.ticker);
    for (const story of this.stories.values()) {
      clearTimeout(story.timer);
      for (const listener of story.listeners) listener.res.end();
    }
  }

  private story(slug: string): Story {
    let story = this.stories.get(slug);
    if (!story) {
      story = { listeners: new Set(), lookedAt: this.now(), sent: new Map() };
      this.stories.set(slug, story);
    }
    return story;
  }

  private drop(listener: Listener): void {
    const story = this.stories.get(listener.slug);
    if (!story?.listeners.delete(listener)) return;
    this.streams -= 1;
    const count = (this.perAddress.get(listener.address) ?? 1) - 1;
    if (count > 0) this.perAddress.set(listener.address, count);
    else this.perAddress.delete(listener.address);
    if (story.listeners.size === 0) {
      clearTimeout(story.timer);
      this.stories.delete(listener.slug);
    }
  }

  private schedule(slug: string, story: Story): void {
    if (story.running) {
      story.again = true;
      return;
    }
    if (story.timer) return;
    story.timer = setTimeout(() => {
      story.timer = undefined;
      story.running = this.look(slug, story).finally(() => {
        story.running = undefined;
        if (story.again && this.stories.get(slug) === story) {
          story.again = false;
          this.schedule(slug, story);
        }
      });
    }, this.options.debounceMs);
  }

  private async look(slug: string, story: Story): Promise<void> {
    const source = this.options.source();
    if (!source) return;
    const startedAt = this.now();
    let changes: LiveChange[] | null;
    try {
      changes = await source(slug, story.lookedAt - this.options.overlapMs);
    } catch (error) {
      this.log(`live: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    story.lookedAt = startedAt;
    for (const [key, at] of story.sent) if (at < startedAt - 4 * this.options.overlapMs) story.sent.delete(key);
    const fresh = (changes ?? []).filter((change) => !story.sent.has(keyOf(change)));
    if (fresh.length === 0) return;
    for (const change of fresh) story.sent.set(keyOf(change), startedAt);
    const text = fresh.map(frame).join('');
    for (const listener of story.listeners) {
      listener.res.write(text);
      listener.lastEventAt = startedAt;
    }
  }

  private async catchUp(listener: Listener, since: number): Promise<void> {
    const source = this.options.source();
    if (!source) return;
    try {
      const changes = await source(listener.slug, since);
      if (changes?.length && !listener.res.writableEnded) listener.res.write(changes.map(frame).join(''));
    } catch (error) {
      this.log(`live: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Keeps quiet streams open through proxies (a comment line), and closes the ones quiet for too long. */
  private tick(): void {
    const now = this.now();
    for (const story of this.stories.values()) {
      for (const listener of story.listeners) {
        if (now - listener.lastEventAt >= this.options.idleMs) {
          listener.res.end('event: idle\ndata: {}\n\n');
        } else listener.res.write(': \n\n');
      }
    }
  }
}

/** `?since=<ms>` from the page, or the Last-Event-ID of a reconnecting browser; only within the catch-up window. */
export function catchUpFrom(req: IncomingMessage, now: number, windowMs: number): number | null {
  const lastEventId = req.headers['last-event-id'];
  const query = new URLSearchParams(req.url?.split('?')[1] ?? '');
  const raw = typeof lastEventId === 'string' && lastEventId ? lastEventId : query.get('since');
  if (!raw || !/^\d{1,15}$/.test(raw)) return null;
  const since = Number(raw);
  return Math.min(now, Math.max(since, now - windowMs));
}

export function refuse(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(message);
}
