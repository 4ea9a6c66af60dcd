// Messages readers read say "1 minute", not "1 minutes", whatever an admin sets (issue 13.13).
import { describe, expect, test } from 'vitest';
import { count } from '@/lib/policy/plural';
import { judge, minutesAgo, policyWith, reasonFor, trustedContext } from './helpers';

describe('plurals in the engine’s messages', () => {
  test('count', () => {
    expect(count(1, 'minute')).toBe('1 minute');
    expect(count(0, 'minute')).toBe('0 minutes');
    expect(count(2, 'other account')).toBe('2 other accounts');
  });

  test('a one-minute duplicate window is "the last 1 minute", a ten-minute one "10 minutes"', () => {
    const body = 'The council should publish the full traffic survey before deciding anything.';
    const context = trustedContext({ recentByAuthor: [{ body, createdAt: minutesAgo(0.5) }] });
    expect(
      reasonFor(judge(body, context, policyWith({ duplicateWindowMinutes: 1 })), 'duplicate-self').message,
    ).toContain('within the last 1 minute (');
    expect(
      reasonFor(judge(body, context, policyWith({ duplicateWindowMinutes: 10 })), 'duplicate-self').message,
    ).toContain('within the last 10 minutes (');
  });
});
