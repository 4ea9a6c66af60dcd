// Cross-instance invalidation: every app instance publishes the paths it invalidates on a Redis channel
// and drops the paths the others publish. Without REDIS_URL there is one instance and nothing to relay.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

const channel = 'ledger:page-cache:invalidate';

export type Relay = { publish(paths: string[]): void; close(): Promise<void> };

export function connectRelay(
  url: string,
  onRemote: (paths: string[]) => void,
  log: (message: string) => void = console.error,
): Relay {
  const instance = randomUUID();
  const options = { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false };
  const publisher = new Redis(url, options);
  const subscriber = new Redis(url, options);
  for (const client of [publisher, subscriber]) client.on('error', (error) => log(`redis: ${error.message}`));
  void subscriber.subscribe(channel);
  subscriber.on('message', (_channel, message) => {
    try {
      const parsed = JSON.parse(message) as { from: string; paths: string[] };
      if (parsed.from !== instance && Array.isArray(parsed.paths))
        onRemote(parsed.paths.filter((p) => typeof p === 'string'));
    } catch {
      log('redis: ignored a malformed invalidation message');
    }
  });
  return {
    publish(paths) {
      publisher
        .publish(channel, JSON.stringify({ from: instance, paths }))
        .catch((error: Error) => log(`redis publish: ${error.message}`));
    },
    async close() {
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
