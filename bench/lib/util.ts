// What only the benchmarks do with their figures: time a call, format, print, write for bench/run.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { median, root, stringFlag } from '../../tests/support/script';

/** Median wall time of `runs` calls after one warm-up call, in ms rounded to 0.01. */
export async function medianMs(run: () => Promise<unknown>, runs = 5): Promise<number> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return Math.round(median(samples) * 100) / 100;
}

export const fmt = (n: number, digits = 1) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : 'n/a';

/** Writes a benchmark's figures where run.ts asked for them (`--json FILE`). */
export function writeResult(result: unknown, file = stringFlag('json')): void {
  if (!file) return;
  mkdirSync(path.dirname(path.resolve(root, file)), { recursive: true });
  writeFileSync(path.resolve(root, file), JSON.stringify(result, null, 2));
}

export function banner(title: string): void {
  console.log(`\n── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}`);
}
