// How long a held comment is likely to wait for a moderator, told to its writer ("usually decided within about 20
// minutes at this hour"). Pure: the samples come from lib/data/wait-times.ts. The median time from submission to a
// moderator's decision over recent held comments, taken among those submitted at the same hour of the day (UTC)
// when there are enough of them (desks are staffed unevenly through the day), else over all of them; with too
// few decisions to go on it says so rather than guess.

export type WaitSample = { submittedAt: Date; decidedAt: Date };

export type ExpectedWait =
  | { basis: 'hour' | 'overall'; medianMs: number; samples: number; days: number }
  | { basis: 'none'; samples: number; days: number };

export const waitDefaults = {
  /** How far back decisions count. */
  days: 14,
  /** Decisions at this hour of the day needed for the hour's own median. */
  minPerHour: 5,
  /** Decisions in all needed for any estimate. */
  minOverall: 3,
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function expectedWait(
  samples: readonly WaitSample[],
  now: Date,
  options: Partial<typeof waitDefaults> = {},
): ExpectedWait {
  const { days, minPerHour, minOverall } = { ...waitDefaults, ...options };
  const since = now.getTime() - days * 86_400_000;
  const recent = samples.filter(
    (s) => s.decidedAt.getTime() >= since && s.decidedAt.getTime() <= now.getTime() && s.decidedAt >= s.submittedAt,
  );
  const waits = (list: readonly WaitSample[]) => list.map((s) => s.decidedAt.getTime() - s.submittedAt.getTime());
  const atThisHour = recent.filter((s) => s.submittedAt.getUTCHours() === now.getUTCHours());
  if (atThisHour.length >= minPerHour)
    return { basis: 'hour', medianMs: median(waits(atThisHour)), samples: atThisHour.length, days };
  if (recent.length >= minOverall)
    return { basis: 'overall', medianMs: median(waits(recent)), samples: recent.length, days };
  return { basis: 'none', samples: recent.length, days };
}

/** "a minute", "about 20 minutes", "about 3 hours", "about 2 days": rounded as a person would say it. */
export function roughDuration(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes <= 1.5) return 'a minute';
  if (minutes < 10) return `about ${Math.round(minutes)} minutes`;
  if (minutes < 55) return `about ${Math.round(minutes / 5) * 5} minutes`;
  const hours = minutes / 60;
  if (hours < 1.5) return 'about an hour';
  if (hours < 36) return `about ${Math.round(hours)} hours`;
  return `about ${Math.round(hours / 24)} days`;
}

/** The sentence the writer of a held comment reads. */
export function describeExpectedWait(wait: ExpectedWait): string {
  if (wait.basis === 'none')
    return 'There have been too few recent decisions to estimate the wait: moderators review held comments in the order they arrive.';
  const when = wait.basis === 'hour' ? ' at this hour' : '';
  return `Held comments are usually decided within ${roughDuration(wait.medianMs)}${when} (the median of ${wait.samples} decisions in the last ${wait.days} days).`;
}
