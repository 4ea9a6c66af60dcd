import { describe, expect, test } from 'vitest';
import { maxAttempts, nextAttempt, retryDelaySeconds } from '@/lib/mail/backoff';

describe('outbox retry schedule', () => {
  test('doubles from the base delay', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelaySeconds(attempt, 15))).toEqual([15, 30, 60, 120, 240]);
  });

  test('is capped at an hour', () => {
    expect(retryDelaySeconds(20, 15)).toBe(3600);
    expect(retryDelaySeconds(9, 60)).toBe(3600);
  });

  test('schedules the next attempt from now, and gives up after the last attempt', () => {
    const now = new Date('2026-11-25T00:00:00Z');
    expect(nextAttempt(1, 15, now)).toEqual({ status: 'QUEUED', nextAttemptAt: new Date('2026-11-25T00:00:15Z') });
    expect(nextAttempt(3, 15, now)).toEqual({ status: 'QUEUED', nextAttemptAt: new Date('2026-11-25T00:01:00Z') });
    expect(nextAttempt(maxAttempts - 1, 15, now).status).toBe('QUEUED');
    expect(nextAttempt(maxAttempts, 15, now)).toEqual({ status: 'FAILED' });
  });
});
