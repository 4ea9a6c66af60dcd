// The live channel's hub (lib/live/hub.ts) on a real node:http server: streams per story, one lookup per burst of
// changes whatever the number of listeners, the overlap not sent twice, the bounds (per address, per process,
// idle), and catch-up from ?since= / Last-Event-ID.
import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveChange, LiveSource } from '@/lib/live/changes';
import { catchUpFrom, defaultLiveOptions, LiveHub, liveSlug, type LiveHubOptions } from '@/lib/live/hub';

type Stream = { status: number; events: LiveChange[]; raw: string; ended: Promise<void>; close(): void };

const servers: http.Server[] = [];
const hubs: LiveHub[] = [];
afterEach(async () => {
  for (const hub of hubs.splice(0)) hub.close();
  for (const server of servers.splice(0))
    await new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
});

async function start(options: Partial<Omit<LiveHubOptions, 'source'>> & { source: LiveSource }) {
  const hub = new LiveHub({ ...defaultLiveOptions, debounceMs: 5, ...options, source: () => options.source });
  hubs.push(hub);
  const server = http.createServer((req, res) => {
    const slug = liveSlug(req.url!.split('?')[0]);
    if (!slug) return res.writeHead(404).end();
    hub.open(req, res, slug, String(req.headers['x-test-address'] ?? 'a'));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const open = (path: string, headers: Record<string, string> = {}) =>
    new Promise<Stream>((resolve) => {
      const stream: Stream = { status: 0, events: [], raw: '', ended: Promise.resolve(), close: () => {} };
      const req = http.get({ host: '127.0.0.1', port, path, headers }, (res: IncomingMessage) => {
        stream.status = res.statusCode ?? 0;
        stream.ended = new Promise((done) => res.on('close', () => done()));
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          stream.raw += chunk;
          for (const match of chunk.matchAll(/event: change\ndata: (.*)\n/g))
            stream.events.push(JSON.parse(match[1]) as LiveChange);
        });
        stream.close = () => req.destroy();
        resolve(stream);
      });
      req.on('error', () => {});
    });
  return { hub, open };
}

const until = async (check: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('liveSlug', () => {
  it('takes a story slug and nothing else', () => {
    expect(liveSlug('/live/articles/huawei-5g')).toBe('huawei-5g');
    expect(liveSlug('/live/articles/../etc')).toBeNull();
    expect(liveSlug('/live/articles/a/b')).toBeNull();
    expect(liveSlug('/live/articles/Bad%20Slug')).toBeNull();
  });
});

describe('LiveHub', () => {
  it('sends a story’s changes to its listeners only, looking them up once per burst', async () => {
    const calls: Array<[string, number]> = [];
    let changes: LiveChange[] = [];
    const { hub, open } = await start({
      source: async (slug, since) => {
        calls.push([slug, since]);
        return slug === 'one' ? changes : [];
      },
    });
    const [a, b, other] = await Promise.all([
      open('/live/articles/one'),
      open('/live/articles/one'),
      open('/live/articles/two'),
    ]);
    expect([a.status, b.status, other.status]).toEqual([200, 200, 200]);
    expect(hub.stats().streams).toBe(3);

    changes = [{ kind: 'new', id: 'c1', threadId: 'c1', at: Date.now() }];
    hub.changed(['/', '/articles/one']);
    hub.changed(['/articles/one']);
    await until(() => a.events.length === 1 && b.events.length === 1);
    expect(calls.filter(([slug]) => slug === 'one')).toHaveLength(1);
    expect(other.events).toEqual([]);
    expect(a.events[0]).toEqual(changes[0]);

    // The next look overlaps the last (other instances' clocks and commits lag): what was sent is not sent again.
    changes = [...changes, { kind: 'edited', id: 'c0', threadId: 'c0', at: Date.now() }];
    hub.changed(['*']);
    await until(() => a.events.length === 2);
    await new Promise((r) => setTimeout(r, 30));
    expect(a.events.map((e) => e.kind)).toEqual(['new', 'edited']);
  });

  it('refuses streams past the limit per address and per process, and counts closed ones out', async () => {
    const { hub, open } = await start({ source: async () => [], perAddress: 2, maxStreams: 3 });
    const first = await open('/live/articles/one', { 'x-test-address': 'x' });
    await open('/live/articles/one', { 'x-test-address': 'x' });
    expect((await open('/live/articles/one', { 'x-test-address': 'x' })).status).toBe(429);
    await open('/live/articles/one', { 'x-test-address': 'y' });
    expect((await open('/live/articles/one', { 'x-test-address': 'z' })).status).toBe(503);
    first.close();
    await until(() => hub.stats().streams === 2);
    expect((await open('/live/articles/one', { 'x-test-address': 'x' })).status).toBe(200);
  });

  it('closes a stream that has had nothing to say for the idle time', async () => {
    const { hub, open } = await start({ source: async () => [], idleMs: 40, heartbeatMs: 20 });
    const stream = await open('/live/articles/one');
    await stream.ended;
    expect(stream.raw).toContain('event: idle');
    expect(hub.stats()).toEqual({ streams: 0, stories: 0, addresses: 0 });
  });

  it('catches a listener up from the time its page was rendered', async () => {
    const seen: number[] = [];
    const { open } = await start({
      source: async (_slug, since) => {
        seen.push(since);
        return [{ kind: 'new', id: 'c9', threadId: 'c9', at: since + 1 }];
      },
    });
    const since = Date.now() - 5000;
    const stream = await open(`/live/articles/one?since=${since}`);
    await until(() => stream.events.length === 1);
    expect(seen).toEqual([since]);
  });
});

describe('catchUpFrom', () => {
  const req = (url: string, headers: Record<string, string> = {}) => ({ url, headers }) as unknown as IncomingMessage;
  it('prefers Last-Event-ID, keeps within the window, ignores junk', () => {
    expect(catchUpFrom(req('/x?since=900', { 'last-event-id': '950' }), 1000, 500)).toBe(950);
    expect(catchUpFrom(req('/x?since=10'), 1000, 500)).toBe(500);
    expect(catchUpFrom(req('/x?since=5000'), 1000, 500)).toBe(1000);
    expect(catchUpFrom(req('/x?since=abc'), 1000, 500)).toBeNull();
    expect(catchUpFrom(req('/x'), 1000, 500)).toBeNull();
  });
});
