// What a script run with tsx needs (the benchmarks, the reliability suite): the project root, "was I run directly?",
// command-line flags, and a pause.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (tests/support/../..). Scripts run their commands from here. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** True when the module with this import.meta.url is the script node/tsx was started with. */
export function isMain(metaUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  const self = fileURLToPath(metaUrl);
  const resolved = path.resolve(entry);
  return resolved === self || resolved === self.replace(/\.ts$/, '') || `${resolved}.ts` === self;
}

/** `--name value` / `--name=value` / `--flag` from argv (unknown flags are ignored: bench/run.ts passes some to all). */
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

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}
export const median = (samples: number[]) => percentile(samples, 50);
