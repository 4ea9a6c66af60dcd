// The pure parts of server.ts's cluster (lib/server/cluster.ts, lib/cache/ipc-relay.ts, worker-number.ts): how an
// invalidation travels from one worker through the primary to the others, the restart back-off, and which worker
// runs the once-per-server jobs. tests/unit/server/cluster-server.test.ts runs the real thing.
import { EventEmitter } from 'node:events';
import { describe, expect, test } from 'vitest';
import {
  connectIpcRelay,
  invalidationChannel,
  invalidationPaths,
  relayAmongWorkers,
  type Peer,
  type WorkerChannel,
} from '@/lib/cache/ipc-relay';
import { restartDelay, stableAfterMs } from '@/lib/server/cluster';
import { runsServerJobs, workerNumber } from '@/lib/server/worker-number';

/** A worker's `process` and the primary's view of it, joined by an in-memory pipe. */
function fakeWorker(primary: EventEmitter) {
  const inWorker = new EventEmitter() as EventEmitter & WorkerChannel;
  const peer: Peer & { received: unknown[] } = {
    received: [],
    send(message) {
      peer.received.push(message);
      inWorker.emit('message', message);
      return true;
    },
    isConnected: () => true,
  };
  inWorker.send = (message) => primary.emit('message', peer, message);
  inWorker.connected = true;
  return { inWorker, peer };
}

describe('invalidations between workers (no Redis)', () => {
  test('what one worker invalidates reaches every other worker once, and not itself', () => {
    const primary = new EventEmitter();
    const workers = [fakeWorker(primary), fakeWorker(primary), fakeWorker(primary)];
    relayAmongWorkers(primary, () => workers.map((w) => w.peer));
    const dropped = workers.map(() => [] as string[][]);
    const relays = workers.map((w, i) => connectIpcRelay((paths) => dropped[i]!.push(paths), w.inWorker));
    relays[0]!.publish(['/', '/articles/a']);
    expect(dropped).toEqual([[], [['/', '/articles/a']], [['/', '/articles/a']]]);
    relays[2]!.publish(['*']);
    expect(dropped).toEqual([[['*']], [['/', '/articles/a'], ['*']], [['/', '/articles/a']]]);
  });

  test('other messages on the channel (the rate limiter’s) are left alone; a closed relay hears nothing', async () => {
    const primary = new EventEmitter();
    const [a, b] = [fakeWorker(primary), fakeWorker(primary)];
    relayAmongWorkers(primary, () => [a.peer, b.peer, undefined]);
    const dropped: string[][] = [];
    const relay = connectIpcRelay((paths) => dropped.push(paths), b.inWorker);
    a.inWorker.send!({ channel: 'rate_limiter_flexible', type: 'init' } as never);
    a.inWorker.send!({ channel: invalidationChannel, paths: [1, 2] } as never);
    expect(b.peer.received).toEqual([]);
    await relay.close();
    connectIpcRelay(() => {}, a.inWorker).publish(['/x']);
    expect(b.peer.received).toHaveLength(1);
    expect(dropped).toEqual([]);
  });

  test('a worker whose primary has gone does not try to send', () => {
    const sent: unknown[] = [];
    const channel = Object.assign(new EventEmitter(), {
      connected: false,
      send: (message: unknown) => sent.push(message) > 0,
    }) as unknown as WorkerChannel;
    connectIpcRelay(() => {}, channel).publish(['/']);
    expect(sent).toEqual([]);
  });

  test('messages are checked at the boundary', () => {
    expect(invalidationPaths({ channel: invalidationChannel, paths: ['/a'] })).toEqual(['/a']);
    expect(invalidationPaths({ channel: invalidationChannel, paths: '/a' })).toBeNull();
    expect(invalidationPaths({ channel: 'other', paths: ['/a'] })).toBeNull();
    expect(invalidationPaths(null)).toBeNull();
  });
});

describe('replacing a worker that died', () => {
  test('one that had been running a while is replaced at once', () => {
    expect(restartDelay(stableAfterMs, 0)).toBe(0);
    expect(restartDelay(3_600_000, 16_000)).toBe(0);
  });
  test('one that died young waits longer each time, up to 30 s: a crash loop does not spin', () => {
    const delays: number[] = [];
    let last = 0;
    for (let i = 0; i < 10; i++) delays.push((last = restartDelay(200, last)));
    expect(delays.slice(0, 5)).toEqual([500, 1000, 2000, 4000, 8000]);
    expect(delays.at(-1)).toBe(30_000);
    expect(delays.every((delay, i) => i === 0 || delay >= delays[i - 1]!)).toBe(true);
  });
});

describe('which worker runs the once-per-server jobs', () => {
  test('worker 1, or a process that is not a cluster worker', () => {
    expect(workerNumber({ LEDGER_WORKER: '2' })).toBe(2);
    expect(workerNumber({})).toBeNull();
    expect(workerNumber({ LEDGER_WORKER: 'x' })).toBeNull();
    expect(runsServerJobs({})).toBe(true);
    expect(runsServerJobs({ LEDGER_WORKER: '1' })).toBe(true);
    expect(runsServerJobs({ LEDGER_WORKER: '2' })).toBe(false);
  });
});
