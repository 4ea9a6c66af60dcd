// How many emails a stranger can make this site send to one person (issue 12.4). Sign-in links are requested
// by typing any address, and "Email me a fresh link" works from any /reply/<comment>/<garbage> URL: without a
// limit per recipient, both could flood an inbox. Counters are shared the way the write limits' are
// (lib/security/rate-limit.ts sharedLimiter): Redis when REDIS_URL is set, else the cluster's primary when
// server.ts runs several workers, else memory.
import { Redis } from 'ioredis';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { env } from '../env';
import { sharedLimiter } from '../security/rate-limit';

// 'legal-notice' counts notices of illegal content per reporter email, 'legal-notice-address' per client address
// (lib/notices/notices.ts): each notice sends its reporter a receipt, so both bound what a stranger can make us send.
export type MailKind = 'sign-in' | 'fresh-reply-link' | 'account-deletion' | 'legal-notice' | 'legal-notice-address';
export type MailAllowance = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const windows: Record<MailKind, { seconds: number; points: () => number }> = {
  'sign-in': { seconds: 15 * 60, points: () => env().SIGN_IN_EMAILS_PER_ADDRESS },
  'fresh-reply-link': { seconds: 60 * 60, points: () => env().FRESH_REPLY_LINKS_PER_AUTHOR },
  // "Delete my account" confirmations: a few per hour is plenty for someone who lost the first email.
  'account-deletion': { seconds: 60 * 60, points: () => 3 },
  'legal-notice': { seconds: 60 * 60, points: () => env().NOTICES_PER_EMAIL },
  'legal-notice-address': { seconds: 60 * 60, points: () => env().NOTICES_PER_ADDRESS },
};

type Limiters = Map<MailKind, RateLimiterAbstract>;
const slot = globalThis as typeof globalThis & { __ledgerMailLimiters?: Limiters; __ledgerMailRedis?: Redis };

/** One connection for every kind of mail limit. */
function redisClient(url: string): Redis {
  slot.__ledgerMailRedis ??= new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false }).on(
    'error',
    () => {},
  );
  return slot.__ledgerMailRedis;
}

function limiter(kind: MailKind): RateLimiterAbstract {
  slot.__ledgerMailLimiters ??= new Map();
  let found = slot.__ledgerMailLimiters.get(kind);
  if (!found) {
    const { seconds, points } = windows[kind];
    const options = { keyPrefix: `ledger:mail:${kind}`, points: points(), duration: seconds };
    const url = env().REDIS_URL;
    found = sharedLimiter(options, url ? redisClient(url) : undefined);
    slot.__ledgerMailLimiters.set(kind, found);
  }
  return found;
}

/** Counts one email of this kind to this recipient (an address, or an author id), if the limit allows it. */
export async function allowMail(kind: MailKind, recipient: string): Promise<MailAllowance> {
  try {
    await limiter(kind).consume(recipient.trim().toLowerCase());
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes)
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    throw rejection;
  }
}
