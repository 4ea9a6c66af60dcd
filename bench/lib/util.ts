// Small helpers every benchmark shares: command-line flags, "was I run directly?", statistics, output.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (bench/lib/../..). Every benchmark runs its commands from here. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** True when the module with this import.meta.url is the script node/tsx was started with. */
export function isMain(metaUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  const self = fileURLToPath(metaUrl);
  const resolved = path.resolve(entry);
  return resolved === self || resolved === self.replace(/\.ts$/, '') || `${resolved}.ts` === self;
}

/** `--name value` / `--name=value` / `--flag` from argv (unknown flags are ignored: run.ts passes some to all). */
export function flag(name: string, argv = process.argv.slice(2)): string | boolean | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === `--${name}`) {
      const next = argv[i + 1];
      return next !== undefined && !next.startsWith('--') ? next : true;
    }
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}
export const hasFlag = (name: string) => flag(name) !== undefined && flag(name) !== 'false';
export function numberFlag(name: string, fallback: number): number {
  const value = flag(name);
  return typeof value === 'string' && Number.isFinite(Number(value)) ? Number(value) : fallback;
}
export function stringFlag(name: string): string | undefined {
  const value = flag(name);
  return typeof value === 'string' ? value : undefined;
}

export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}
export const median = (samples: number[]) => percentile(samples, 50);

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

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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
