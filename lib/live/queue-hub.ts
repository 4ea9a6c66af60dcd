// The moderation queue's live channel (issue 16, "live arrivals"): a moderator with the console open hears at once
// that the queues' counts changed and how many items entered the open queue since the page was rendered, whoever
// made the change and on whichever instance. It is the readers' hub (hub.ts) turned to staff: the same wake-up (the
// page cache's invalidations, every worker through IPC and every instance through Redis: lib/server/invalidation.ts),
// the same bounds, no second pub/sub. A held comment, a report, an appeal or a decision drops a story's pages or the
// `/moderate` key (lib/cache/invalidate.ts invalidateQueues); either wakes every console view here.
//
// Staff only: the stream is answered by server.ts, before Next, so it checks the session cookie itself, the way
// next-auth's database sessions do (the session row, unexpired, and its account's role: lib/data/live-queue.ts),
// at opening and again at every heartbeat (a moderator who signs out or loses the role stops hearing). No session
// cookie: 401; a session that is not staff: 403.
//
// One look per distinct console (its filters and render time) per burst of changes, whatever the number of tabs
// showing it; a console hears only when its answer differs from the last one it was sent.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sessionTokens } from '../server/session-cookie';
import { refuse } from './hub';
import type { QueueAnswer, QueueSource } from './queue';

export const queueStreamPath = '/live/moderation';

export type QueueHubOptions = {
  /** Streams per address: generous, a newsroom's moderators often share one. */
  perAddress: number;
  maxStreams: number;
  idleMs: number;
  heartbeatMs: number;
  debounceMs: number;
  source: () => QueueSource | undefined;
  now?: () => number;
  log?: (message: string) => void;
};

export const defaultQueueOptions = {
  perAddress: 32,
  maxStreams: 2_000,
  idleMs: 10 * 60_000,
  heartbeatMs: 25_000,
  debounceMs: 50,
} satisfies Omit<QueueHubOptions, 'source'>;

type Listener = { res: ServerResponse; address: string; key: string; tokens: string[]; lastEventAt: number };

type View = {
  key: string;
  query: string;
  since: number | null;
  listeners: Set<Listener>;
  /** The last answer sent (JSON), so an unchanged one is not sent again. */
  last?: string;
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
  again?: boolean;
};

const frame = (json: string) => `event: queue\ndata: ${json}\n\n`;

/** The console's parameters (without `since`) and its render time, from the stream's URL; null when malformed. */
export function queueStreamQuery(url: string | undefined, now: number): { query: string; since: number | null } | null {
  const search = url?.split('?')[1] ?? '';
  if (search.length > 1_000) return null;
  const params = new URLSearchParams(search);
  const raw = params.get('since');
  params.delete('since');
  params.sort();
  if (raw !== null && !/^\d{1,15}$/.test(raw)) return null;
  return { query: params.toString(), since: raw === null ? null : Math.min(Number(raw), now) };
}

/** Whether dropped paths can change a queue: a story's pages (a comment published, decided, reported, edited),
 *  the queues' own key, or everything. */
export const touchesQueues = (paths: string[]) =>
  paths.some((path) => path === '*' || path === '/moderate' || path.startsWith('/articles/'));

export class QueueHub {
  private readonly views = new Map<string, View>();
  private readonly perAddress = new Map<string, number>();
  private streams = 0;
  private ticking = false;
  private readonly ticker: NodeJS.Timeout;
  private readonly now: () => number;
  private readonly log: (message: string) => void;

  constructor(private readonly options: QueueHubOptions) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? console.error;
    this.ticker = setInterval(() => void this.tick(), options.heartbeatMs);
    this.ticker.unref();
  }

  stats() {
    return { streams: this.streams, consoles: this.views.size };
  }

  /** Answers GET /live/moderation?<the console's parameters>&since=<render time>. */
  async open(req: IncomingMessage, res: ServerResponse, address: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'GET only', { allow: 'GET' });
    const tokens = sessionTokens(req.headers.cookie);
    if (tokens.length === 0) return refuse(res, 401, 'Sign in as a moderator.');
    const source = this.options.source();
    if (!source) return refuse(res, 503, 'Live updates are not available.', { 'retry-after': '30' });
    const wanted = queueStreamQuery(req.url, this.now());
    if (!wanted) return refuse(res, 400, 'Bad request.');
    if ((this.perAddress.get(address) ?? 0) >= this.options.perAddress)
      return refuse(res, 429, 'Too many live streams from this address.', { 'retry-after': '60' });
    if (this.streams >= this.options.maxStreams)
      return refuse(res, 503, 'Live updates are busy; reload the page to see new items.', { 'retry-after': '30' });
    // The slot is taken before the session is looked up, so a flood of opens cannot pass the bounds meanwhile.
    this.take(address);
    let who: Awaited<ReturnType<QueueSource['who']>>;
    try {
      who = await source.who(tokens);
    } catch (error) {
      this.release(address);
      this.log(`live queue: ${error instanceof Error ? error.message : String(error)}`);
      return refuse(res, 503, 'Live updates are not available.', { 'retry-after': '30' });
    }
    if (who !== 'staff' || res.destroyed) {
      this.release(address);
      if (who === null) return refuse(res, 401, 'Sign in as a moderator.');
      return refuse(res, 403, 'Moderators only.');
    }

    const key = `${wanted.since ?? ''}?${wanted.query}`;
    let view = this.views.get(key);
    if (!view) {
      view = { key, ...wanted, listeners: new Set() };
      this.views.set(key, view);
    }
    const listener: Listener = { res, address, key, tokens, lastEventAt: this.now() };
    view.listeners.add(listener);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    res.write('retry: 5000\n\n');
    req.socket.setKeepAlive(true);
    req.socket.setNoDelay(true);
    res.on('close', () => this.drop(listener));
    // What changed between the render and now: the last answer when this console already has one, else a look.
    if (view.last) res.write(frame(view.last));
    else this.schedule(view);
  }

  /** Paths the page cache dropped (here or anywhere through the relay): every console view looks again. */
  changed(paths: string[]): void {
    if (!touchesQueues(paths)) return;
    for (const view of this.views.values()) this.schedule(view);
  }

  close(): void {
    clearInterval(this.ticker);
    for (const view of this.views.values()) {
      clearTimeout(view.timer);
      for (const listener of view.listeners) listener.res.end();
    }
  }

  private take(address: string): void {
    this.streams += 1;
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
  }

  private release(address: string): void {
    this.streams -= 1;
    const count = (this.perAddress.get(address) ?? 1) - 1;
    if (count > 0) this.perAddress.set(address, count);
    else this.perAddress.delete(address);
  }

  private drop(listener: Listener): void {
    const view = this.views.get(listener.key);
    if (!view?.listeners.delete(listener)) return;
    this.release(listener.address);
    if (view.listeners.size === 0) {
      clearTimeout(view.timer);
      this.views.delete(listener.key);
    }
  }

  private schedule(view: View): void {
    if (view.running) {
      view.again = true;
      return;
    }
    if (view.timer) return;
    view.timer = setTimeout(() => {
      view.timer = undefined;
      view.running = this.look(view).finally(() => {
        view.running = undefined;
        if (view.again && this.views.get(view.key) === view) {
          view.again = false;
          this.schedule(view);
        }
      });
    }, this.options.debounceMs);
  }

  private async look(view: View): Promise<void> {
    const source = this.options.source();
    if (!source) return;
    let answer: QueueAnswer;
    try {
      answer = await source.look(view.query, view.since);
    } catch (error) {
      this.log(`live queue: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const json = JSON.stringify(answer);
    if (json === view.last) return;
    view.last = json;
    const now = this.now();
    for (const listener of view.listeners) {
      if (listener.res.writableEnded) continue;
      listener.res.write(frame(json));
      listener.lastEventAt = now;
    }
  }

  /** Keeps quiet streams open through proxies, closes the ones quiet for too long, and ends the stream of anyone
   *  no longer staff (signed out, session expired, role taken away). */
  private async tick(): Promise<void> {
    // A slow session lookup must not let two ticks walk the streams at once.
    if (this.ticking) return;
    this.ticking = true;
    try {
      const now = this.now();
      const source = this.options.source();
      for (const view of this.views.values()) {
        for (const listener of view.listeners) {
          if (listener.res.writableEnded) continue;
          if (now - listener.lastEventAt >= this.options.idleMs) {
            listener.res.end('event: idle\ndata: {}\n\n');
            continue;
          }
          const who = await source?.who(listener.tokens).catch(() => 'staff' as const);
          // (The stream may have ended while its session was looked up.)
          if (listener.res.writableEnded) continue;
          if (who !== undefined && who !== 'staff') listener.res.end('event: denied\ndata: {}\n\n');
          else listener.res.write(': \n\n');
        }
      }
    } finally {
      this.ticking = false;
    }
  }
}
