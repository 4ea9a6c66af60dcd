// Request-level rate limits for writes (every POST: server actions, sign-in, route handlers), enforced by
// server.ts before Next renders anything: 429 with Retry-After. Counters live in Redis when REDIS_URL is
// set (shared by every instance), else in memory. The policy engine's flood rule still explains a refused
// comment in words; this layer stops scripts that post faster than any reader types.
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export type WriteLimits = { perIpPerMinute: number; perSessionPerMinute: number };

export type WriteLimiter = {
  /** null when allowed, else the seconds to wait. */
  check(ip: string, session: string | null): Promise<number | null>;
};

export function createWriteLimiter(limits: WriteLimits, redis?: Redis): WriteLimiter {
  const make = (keyPrefix: string, points: number): RateLimiterAbstract =>
    redis
      ? new RateLimiterRedis({
          storeClient: redis,
          keyPrefix,
          points,
          duration: 60,
          insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: 60 }),
        })
      : new RateLimiterMemory({ keyPrefix, points, duration: 60 });
  const byIp = make('ledger:rl:ip', limits.perIpPerMinute);
  const bySession = make('ledger:rl:session', limits.perSessionPerMinute);
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
