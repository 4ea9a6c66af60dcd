// How a change the app makes reaches the page cache: app code calls lib/cache/invalidate.ts, which finds the bus
// registered here (same process, globalThis); the paths are dropped here and published through the relay, whose
// other ends drop them too: every instance through Redis when REDIS_URL is set (lib/cache/relay.ts), else every
// worker of this server's cluster through its primary (lib/cache/ipc-relay.ts), else nobody (a single process).
import cluster from 'node:cluster';
import { registerPageCacheBus } from '../cache/bus';
import { connectIpcRelay } from '../cache/ipc-relay';
import type { PageCache } from '../cache/page-cache';
import { connectRelay, type Relay } from '../cache/relay';

/** Opens a relay that calls `onRemote` with the paths the other ends invalidated. */
export type RelayLink = (onRemote: (paths: string[]) => void) => Relay;

/** Redis when REDIS_URL is set (it reaches other machines too), the cluster's IPC in a worker, else none. */
export function relayLink(
  redisUrl: string | undefined,
  inClusterWorker: boolean = cluster.isWorker,
): RelayLink | undefined {
  if (redisUrl) return (onRemote) => connectRelay(redisUrl, onRemote);
  if (inClusterWorker) return (onRemote) => connectIpcRelay(onRemote);
  return undefined;
}

/** Registers the bus for `cache` and returns the relay to close on shutdown (none when nothing is shared). */
/** `onDropped` hears every drop, local or relayed (the live channel: lib/live/hub.ts). */
export function wireInvalidation(
  cache: PageCache,
  link: RelayLink | undefined,
  onDropped?: (paths: string[]) => void,
): Relay | undefined {
  const drop = (paths: string[]) => {
    if (paths.includes('*')) cache.clear();
    else cache.invalidate(paths);
    onDropped?.(paths);
  };
  const relay = link?.(drop);
  registerPageCacheBus({
    invalidate(paths) {
      drop(paths);
      relay?.publish(paths);
    },
  });
  return relay;
}
