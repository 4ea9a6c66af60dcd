import { describe, expect, it } from 'vitest';
import {
  describeExpectedWait,
  expectedWait,
  roughDuration,
  type WaitSample,
} from '../../../lib/moderation/expected-wait';

const minute = 60_000;
/** A held comment submitted at `hour`:00 UTC `daysAgo` days before `now` and decided `waitMinutes` later. */
const sample = (now: Date, daysAgo: number, hour: number, waitMinutes: number): WaitSample => {
  const submittedAt = new Date(now.getTime() - daysAgo * 86_400_000);
  submittedAt.setUTCHours(hour, 0, 0, 0);
  return { submittedAt, decidedAt: new Date(submittedAt.getTime() + waitMinutes * minute) };
};

describe('expectedWait', () => {
  const now = new Date('2026-11-27T14:30:00Z');

  it('uses the median of the decisions on comments submitted at this hour of the day when there are enough', () => {
    const atTwo = [10, 20, 20, 30, 600].map((wait, day) => sample(now, day + 1, 14, wait));
    const atNight = [300, 400, 500, 600, 700].map((wait, day) => sample(now, day + 1, 3, wait));
    const wait = expectedWait([...atTwo, ...atNight], now);
    expect(wait).toEqual({ basis: 'hour', medianMs: 20 * minute, samples: 5, days: 14 });
    expect(describeExpectedWait(wait)).toBe(
      'Held comments are usually decided within about 20 minutes at this hour (the median of 5 decisions in the last 14 days).',
    );
  });

  it('falls back to every recent decision when this hour has too few', () => {
    const samples = [sample(now, 1, 14, 10), sample(now, 2, 3, 60), sample(now, 3, 9, 180), sample(now, 4, 9, 240)];
    const wait = expectedWait(samples, now);
    expect(wait).toEqual({ basis: 'overall', medianMs: 120 * minute, samples: 4, days: 14 });
    expect(describeExpectedWait(wait)).toBe(
      'Held comments are usually decided within about 2 hours (the median of 4 decisions in the last 14 days).',
    );
  });

  it('ignores decisions older than the window, and says so plainly when too few are left', () => {
    const old = [10, 20, 30, 40, 50].map((wait) => sample(now, 20, 14, wait));
    const wait = expectedWait([...old, sample(now, 1, 14, 5)], now);
    expect(wait).toEqual({ basis: 'none', samples: 1, days: 14 });
    expect(describeExpectedWait(wait)).toMatch(/^There have been too few recent decisions to estimate the wait/);
    expect(expectedWait([], now)).toEqual({ basis: 'none', samples: 0, days: 14 });
  });

  it('honours a smaller window and thresholds', () => {
    const samples = [sample(now, 1, 14, 30), sample(now, 2, 14, 50), sample(now, 5, 14, 1000)];
    expect(expectedWait(samples, now, { days: 3, minPerHour: 2 })).toEqual({
      basis: 'hour',
      medianMs: 40 * minute,
      samples: 2,
      days: 3,
    });
  });
});

describe('roughDuration', () => {
  it('rounds as a person would say it', () => {
    expect(roughDuration(40_000)).toBe('a minute');
    expect(roughDuration(7 * minute)).toBe('about 7 minutes');
    expect(roughDuration(22 * minute)).toBe('about 20 minutes');
    expect(roughDuration(70 * minute)).toBe('about an hour');
    expect(roughDuration(5 * 60 * minute)).toBe('about 5 hours');
    expect(roughDuration(3 * 24 * 60 * minute)).toBe('about 3 days');
  });
});
