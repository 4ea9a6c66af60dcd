// Cross-worker invalidation without Redis (issue 20): every cluster worker keeps its own page cache, so a change
// one worker makes must reach the others. A worker sends the paths it invalidates to the primary over the cluster's
// IPC channel (process.send); the primary sends them on to every other worker (relayAmongWorkers), whose relay
// drops them. One hop of a local pipe: the other workers drop the pages well within the 1 s freshness bound,
// in practice before the writer has answered its own request. With REDIS_URL, lib/cache/relay.ts is used instead.
import { z } from 'zod';
import type { Relay } from './relay';

export const invalidationChannel = 'ledger:page-cache:invalidate';

const invalidationMessage = z.object({
  channel: z.literal(invalidationChannel),
  paths: z.array(z.string()),
});

type InvalidationMessage = z.infer<typeof invalidationMessage>;

/** Paths, when `message` is an invalidation (other messages share the channel: rate-limiter-flexible's). */
export function invalidationPaths(message: unknown): string[] | null {
  const parsed = invalidationMessage.safeParse(message);
  return parsed.success ? parsed.data.paths : null;
}

/** The worker's end of the IPC channel: `process` in a cluster worker. */
export type WorkerChannel = {
  send?(message: InvalidationMessage): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
  connected?: boolean;
};

export function connectIpcRelay(
  onRemote: (paths: string[]) => void,
  channel: WorkerChannel = process as unknown as WorkerChannel,
): Relay {
  const listener = (message: unknown) => {
    const paths = invalidationPaths(message);
    if (paths) onRemote(paths);
  };
  channel.on('message', listener);
  return {
    publish(paths) {
      // A worker whose primary has gone is shutting down: nobody is left to tell.
      if (channel.connected !== false) channel.send?.({ channel: invalidationChannel, paths });
    },
    async close() {
      channel.off('message', listener);
    },
  };
}

/** A worker as the primary sees it (cluster.Worker). */
export type Peer = { send(message: unknown): boolean; isConnected(): boolean };

/** The primary's part: what one worker invalidates is sent to every other worker (not back to the sender). */
export function relayAmongWorkers(
  primary: { on(event: 'message', listener: (from: Peer, message: unknown) => void): unknown },
  workers: () => Iterable<Peer | undefined>,
): void {
  primary.on('message', (from, message) => {
    const paths = invalidationPaths(message);
    if (!paths) return;
    for (const worker of workers())
      if (worker && worker !== from && worker.isConnected()) worker.send({ channel: invalidationChannel, paths });
  });
}
