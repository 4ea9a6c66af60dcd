// Request-level rate limits for writes (every POST: server actions, sign-in, route handlers), enforced by
// server.ts before Next renders anything: 429 with Retry-After. Counters live where every process that serves
// this site sees them (sharedLimiter): Redis when REDIS_URL is set (every instance), else the cluster's primary
// when server.ts runs several workers (rate-limiter-flexible's RateLimiterCluster, over IPC), else memory. The
// policy engine's flood rule still explains a refused comment in words; this layer stops scripts that post
// faster than any reader types.
import cluster from 'node:cluster';
import type { Redis } from 'ioredis';
import {
  RateLimiterCluster,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

export type WriteLimits = { perIpPerMinute: number; perSessionPerMinute: number };

export type WriteLimiter = {
  /** null when allowed, else the seconds to wait. */
  check(ip: string, session: string | null): Promise<number | null>;
};

export type LimitOptions = { keyPrefix: string; points: number; duration: number };

/** A limiter whose counts every worker and instance share. In a cluster worker without Redis the counts live in
 *  the primary (lib/server/cluster.ts creates RateLimiterClusterMaster): a per-worker count would let a client
 *  through N times the limit by landing on each of N workers. */
export function sharedLimiter(
  options: LimitOptions,
  redis: Redis | undefined,
  inClusterWorker: boolean = cluster.isWorker,
): RateLimiterAbstract {
  if (redis)
    return new RateLimiterRedis({
      ...options,
      storeClient: redis,
      // Redis away: limits still hold per process rather than not at all.
      insuranceLimiter: new RateLimiterMemory(options),
    });
  if (inClusterWorker) return new RateLimiterCluster({ ...options, timeoutMs: 5000 });
  return new RateLimiterMemory(options);
}

export function createWriteLimiter(limits: WriteLimits, redis?: Redis): WriteLimiter {
  const byIp = sharedLimiter({ keyPrefix: 'ledger:rl:ip', points: limits.perIpPerMinute, duration: 60 }, redis);
  const bySession = sharedLimiter(
    { keyPrefix: 'ledger:rl:session', points: limits.perSessionPerMinute, duration: 60 },
    redis,
  );
  const consume = async (limiter: RateLimiterAbstract, key: string): Promise<number | null> => {
    try {
      await limiter.consume(key);
      return null;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    }
  };
  return {
    async check(ip, session) {
      const ipWait = await consume(byIp, ip);
      if (ipWait !== null) return ipWait;
      return session ? consume(bySession, session) : null;
    },
  };
}
