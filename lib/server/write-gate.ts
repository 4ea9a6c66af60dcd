// What every POST passes before Next sees it: the write rate limits (lib/security/rate-limit.ts, shared through
// Redis when REDIS_URL is set), then the refusals Next would otherwise answer with a 500 (an oversized body, a
// cross-origin Server Action). Each answer is one of server.ts's own (lib/server/responses.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Redis } from 'ioredis';
import { createWriteLimiter } from '../security/rate-limit';
import { clientAddress, crossOriginAction } from './forwarded';
import * as answer from './responses';
import { sessionKey } from './session-cookie';

/** Next's Server Actions body limit (serverActions.bodySizeLimit, default 1 MB); no form of this app comes near it. */
export const maxPostBytes = 1024 * 1024;

export type WriteGateOptions = {
  writesPerIpPerMinute: number;
  writesPerSessionPerMinute: number;
  trustProxy: boolean;
  redisUrl: string | undefined;
};

export type WriteGate = {
  /** Answers a POST that may not go on (429, 413, 403) and says whether it did. */
  refused(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  close(): Promise<unknown>;
};

export function createWriteGate(options: WriteGateOptions, log: (message: string) => void = console.error): WriteGate {
  const redis = options.redisUrl
    ? new Redis(options.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
    : undefined;
  redis?.on('error', (error) => log(`redis: ${error.message}`));
  const limiter = createWriteLimiter(
    { perIpPerMinute: options.writesPerIpPerMinute, perSessionPerMinute: options.writesPerSessionPerMinute },
    redis,
  );
  return {
    async refused(req, res) {
      const wait = await limiter.check(clientAddress(req, options.trustProxy), sessionKey(req.headers.cookie));
      if (wait !== null) {
        answer.tooManyRequests(res, wait);
        return true;
      }
      // Next answers a Server Action body over its 1 MB limit with a 500: refuse it here with the right status.
      if (Number(req.headers['content-length'] ?? 0) > maxPostBytes) {
        answer.payloadTooLarge(req, res);
        return true;
      }
      // And a cross-origin one with a 500 too (it refuses it, rightly): 403 here.
      if (crossOriginAction(req.method, req.headers)) {
        answer.crossOriginRefused(req, res);
        return true;
      }
      return false;
    },
    close: async () => redis?.quit(),
  };
}
