// The production build the benchmarks and the reliability suite serve lives in .next-bench (NEXT_DIST_DIR), never
// in .next, which the end-to-end tests build and serve. It is rebuilt when a source file is newer than its BUILD_ID,
// or always with --build.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './script';

export const distDir = '.next-bench';

const sourceRoots = [
  'app',
  'components',
  'lib',
  'next.config.ts',
  'package-lock.json',
  'instrumentation.ts',
  'prisma/schema.prisma',
];

function newestMtime(target: string): number {
  const full = path.join(root, target);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

export function buildIsCurrent(): boolean {
  const id = path.join(root, distDir, 'BUILD_ID');
  if (!existsSync(id)) return false;
  const built = statSync(id).mtimeMs;
  return sourceRoots.every((source) => newestMtime(source) <= built);
}

/** `next build` rewrites tsconfig.json and next-env.d.ts to mention its distDir; put them back as they were. */
function preserve(files: string[]) {
  const saved = files.map((file) => {
    const full = path.join(root, file);
    return { full, text: existsSync(full) ? readFileSync(full, 'utf8') : null };
  });
  return () => {
    for (const { full, text } of saved)
      if (text !== null && existsSync(full) && readFileSync(full, 'utf8') !== text) writeFileSync(full, text);
  };
}

export async function ensureBuild({ force = false, log = console.log } = {}): Promise<'built' | 'current'> {
  if (!force && buildIsCurrent()) return 'current';
  log(`building the app into ${distDir} (next build)…`);
  mkdirSync(path.join(root, 'data'), { recursive: true });
  const restore = preserve(['tsconfig.json', 'next-env.d.ts']);
  const started = Date.now();
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn('npx', ['next', 'build'], {
        cwd: root,
        env: {
          ...process.env,
          NEXT_DIST_DIR: distDir,
          NODE_ENV: 'production',
          NEXT_TELEMETRY_DISABLED: '1',
          CHECKPOINT_DISABLE: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('error', reject);
      child.on('exit', (code) => {
        writeFileSync(path.join(root, 'data', 'bench-build.log'), output);
        if (code === 0) resolve();
        else reject(new Error(`next build failed (exit ${code}):\n${output.slice(-4000)}`));
      });
    });
  } finally {
    restore();
  }
  log(`built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return 'built';
}
