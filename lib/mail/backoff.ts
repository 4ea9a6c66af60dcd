// Retry schedule for the outbox: exponential backoff, capped, then give up and keep the row as FAILED.
export const maxAttempts = 10;
const maxDelaySeconds = 3600;

/** Seconds to wait after the `attempt`-th failed attempt (1-based): base, 2·base, 4·base, … capped at an hour. */
export function retryDelaySeconds(attempt: number, baseSeconds: number): number {
  return Math.min(baseSeconds * 2 ** Math.max(0, attempt - 1), maxDelaySeconds);
}

export function nextAttempt(
  attempt: number,
  baseSeconds: number,
  now: Date,
): { status: 'QUEUED'; nextAttemptAt: Date } | { status: 'FAILED' } {
  if (attempt >= maxAttempts) return { status: 'FAILED' };
  return { status: 'QUEUED', nextAttemptAt: new Date(now.getTime() + retryDelaySeconds(attempt, baseSeconds) * 1000) };
}
