// The moderation queue's live channel (lib/live/queue-hub.ts) on a real node:http server: only a staff session may
// listen (401 without a session cookie, 403 for any other account), woken by the same invalidations as the readers'
// hub (a story's pages or the queues' own key, never an unrelated path), one look per console per burst whatever the
// number of tabs, nothing sent when nothing changed, the bounds, and a moderator who loses the role stops hearing.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { QueueAnswer, QueueSource } from '@/lib/live/queue';
import {
  defaultQueueOptions,
  QueueHub,
  queueStreamPath,
  queueStreamQuery,
  touchesQueues,
  type QueueHubOptions,
} from '@/lib/live/queue-hub';

type Stream = { status: number; body: string; answers: QueueAnswer[]; ended: Promise<void>; close(): void };

const servers: http.Server[] = [];
const hubs: QueueHub[] = [];
afterEach(async () => {
  for (const hub of hubs.splice(0)) hub.close();
  for (const server of servers.splice(0))
    await new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
});

// Sessions by token: `staff-…` is a moderator, `reader-…` a reader, anything else no session.
const roles: Record<string, 'staff' | 'signed-in'> = {
  'staff-1': 'staff',
  'staff-2': 'staff',
  'reader-1': 'signed-in',
};
const who: QueueSource['who'] = async (tokens) => {
  const found = tokens.map((token) => roles[token]);
  return found.includes('staff') ? 'staff' : found.includes('signed-in') ? 'signed-in' : null;
};

async function start(options: Partial<Omit<QueueHubOptions, 'source'>> & { look: QueueSource['look'] }) {
  const source: QueueSource = { who, look: options.look };
  const hub = new QueueHub({ ...defaultQueueOptions, debounceMs: 5, ...options, source: () => source });
  hubs.push(hub);
  const server = http.createServer((req, res) => {
    if (req.url!.split('?')[0] !== queueStreamPath) return res.writeHead(404).end();
    void hub.open(req, res, String(req.headers['x-test-address'] ?? 'a'));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const open = (token: string | null, query = '', address = 'a') =>
    new Promise<Stream>((resolve) => {
      const stream: Stream = { status: 0, body: '', answers: [], ended: Promise.resolve(), close: () => {} };
      const headers: Record<string, string> = { 'x-test-address': address };
      if (token !== null) headers.cookie = `other=1; next-auth.session-token=${token}`;
      const req = http.get({ host: '127.0.0.1', port, path: `${queueStreamPath}${query}`, headers }, (res) => {
        stream.status = res.statusCode ?? 0;
        stream.ended = new Promise((done) => res.on('close', () => done()));
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          stream.body += chunk;
          for (const match of chunk.matchAll(/event: queue\ndata: (.*)\n/g))
            stream.answers.push(JSON.parse(match[1]) as QueueAnswer);
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
const settle = () => new Promise((r) => setTimeout(r, 40));

const answer = (pending: number, fresh: number | null = 0): QueueAnswer => ({
  counts: { pending, reported: 0, unmoderated: 0, appeals: 0, approved: 0, rejected: 0 },
  fresh,
});

describe('QueueHub', () => {
  it('lets only a staff session listen: 401 without one, 403 for a reader, and never asks the queues for them', async () => {
    const looks: string[] = [];
    const { open, hub } = await start({
      look: async (query) => {
        looks.push(query);
        return answer(1);
      },
    });
    const [none, unknown, reader, empty] = await Promise.all([
      open(null),
      open('forged-token'),
      open('reader-1'),
      open(''),
    ]);
    expect([none.status, unknown.status, reader.status, empty.status]).toEqual([401, 401, 403, 401]);
    expect(reader.body).not.toContain('pending');
    expect(hub.stats().streams).toBe(0);
    expect(looks).toEqual([]);

    const staff = await open('staff-1', '?queue=pending');
    expect(staff.status).toBe(200);
    await until(() => staff.answers.length === 1);
    expect(staff.answers[0]).toEqual(answer(1));
  });

  it('wakes every console on a story’s pages or the queues’ key, looks once per console per burst, and stays quiet when nothing changed', async () => {
    const looks: Array<[string, number | null]> = [];
    let pending = 3;
    const { hub, open } = await start({
      look: async (query, since) => {
        looks.push([query, since]);
        return query === 'queue=rejected' ? answer(0, null) : answer(pending, pending - 3);
      },
    });
    const since = Date.now() - 1000;
    const [a, b, other] = await Promise.all([
      open('staff-1', `?queue=pending&rule=links&since=${since}`),
      open('staff-2', `?rule=links&since=${since}&queue=pending`),
      open('staff-1', '?queue=rejected'),
    ]);
    await until(() => a.answers.length === 1 && b.answers.length === 1 && other.answers.length === 1);
    // The same console (parameters in any order) is looked up once for both tabs.
    expect(looks).toHaveLength(2);
    expect(looks).toContainEqual(['queue=pending&rule=links', since]);
    expect(looks).toContainEqual(['queue=rejected', null]);

    looks.length = 0;
    hub.changed(['/healthz-unrelated', '/authors/x']);
    await settle();
    expect(looks).toEqual([]);

    pending = 4;
    hub.changed(['/', '/articles/one', '/authors/x']);
    hub.changed(['/moderate']);
    await until(() => a.answers.length === 2 && b.answers.length === 2);
    expect(a.answers[1]).toEqual(answer(4, 1));
    expect(looks.filter(([query]) => query === 'queue=pending&rule=links')).toHaveLength(1);
    // The rejected console's answer did not change: nothing is sent to it.
    await settle();
    expect(other.answers).toHaveLength(1);

    looks.length = 0;
    hub.changed(['/moderate']);
    await until(() => looks.length === 2);
    await settle();
    expect(a.answers).toHaveLength(2);
  });

  it('refuses streams past the limit per address and per process, and counts closed ones out', async () => {
    const { hub, open } = await start({ look: async () => answer(0), perAddress: 2, maxStreams: 3 });
    const first = await open('staff-1', '', 'x');
    await open('staff-1', '', 'x');
    expect((await open('staff-1', '', 'x')).status).toBe(429);
    await open('staff-1', '', 'y');
    expect((await open('staff-1', '', 'z')).status).toBe(503);
    // A refused session does not hold a slot.
    expect((await open('reader-1', '', 'w')).status).toBe(503);
    first.close();
    await until(() => hub.stats().streams === 2);
    expect((await open('reader-1', '', 'x')).status).toBe(403);
    expect(hub.stats().streams).toBe(2);
    expect((await open('staff-1', '', 'x')).status).toBe(200);
  });

  it('closes a stream quiet for the idle time, and ends it at the next heartbeat once its session is no longer staff', async () => {
    const idle = await start({ look: async () => answer(0), idleMs: 40, heartbeatMs: 20 });
    const quiet = await idle.open('staff-1');
    await quiet.ended;
    expect(quiet.body).toContain('event: idle');
    expect(idle.hub.stats()).toEqual({ streams: 0, consoles: 0 });

    const { hub, open } = await start({ look: async () => answer(0), heartbeatMs: 20 });
    const stream = await open('staff-2');
    await until(() => stream.answers.length === 1);
    roles['staff-2'] = 'signed-in';
    try {
      await stream.ended;
    } finally {
      roles['staff-2'] = 'staff';
    }
    expect(stream.body).toContain('event: denied');
    expect(hub.stats().streams).toBe(0);
  });
});

describe('queueStreamQuery and touchesQueues', () => {
  it('sorts the console’s parameters, takes `since` out, refuses junk', () => {
    expect(queueStreamQuery('/live/moderation?since=900&queue=reported&article=a1', 1000)).toEqual({
      query: 'article=a1&queue=reported',
      since: 900,
    });
    expect(queueStreamQuery('/live/moderation?since=5000', 1000)).toEqual({ query: '', since: 1000 });
    expect(queueStreamQuery('/live/moderation', 1000)).toEqual({ query: '', since: null });
    expect(queueStreamQuery('/live/moderation?since=abc', 1000)).toBeNull();
    expect(queueStreamQuery(`/live/moderation?q=${'x'.repeat(1200)}`, 1000)).toBeNull();
  });

  it('wakes on a story, the queues’ key or everything, not on other pages', () => {
    expect(touchesQueues(['/articles/a'])).toBe(true);
    expect(touchesQueues(['/moderate'])).toBe(true);
    expect(touchesQueues(['*'])).toBe(true);
    expect(touchesQueues(['/', '/authors/b'])).toBe(false);
  });
});
