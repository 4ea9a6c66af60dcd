// How a change the app makes reaches the page cache: app code calls lib/cache/invalidate.ts, which finds the bus
// registered here (same process, globalThis); the paths are dropped here and, with REDIS_URL, published to the
// other instances, whose relay drops them too (lib/cache/relay.ts).
import { registerPageCacheBus } from '../cache/bus';
import type { PageCache } from '../cache/page-cache';
import { connectRelay, type Relay } from '../cache/relay';

/** Registers the bus for `cache` and returns the relay to close on shutdown (none without Redis). */
export function wireInvalidation(
  cache: PageCache,
  redisUrl: string | undefined,
  connect: typeof connectRelay = connectRelay,
): Relay | undefined {
  const drop = (paths: string[]) => {
    if (paths.includes('*')) cache.clear();
    else cache.invalidate(paths);
  };
  const relay = redisUrl ? connect(redisUrl, drop) : undefined;
  registerPageCacheBus({
    invalidate(paths) {
      drop(paths);
      relay?.publish(paths);
    },
  });
  return relay;
}
