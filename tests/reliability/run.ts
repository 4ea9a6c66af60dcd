// `npm run test:reliability` (also the last step of `npm test`): load, crash, mail outage, database
// outage, floods and log secrecy against the real production server. Each part runs in its own process
// (lib/db binds one database per process) and prints "RESULT {json}"; this collects them into
// data/reliability.json, prints a summary and fails if any part failed. RELIABILITY.md records a run.
//   npx tsx tests/reliability/run.ts [--seconds 60] [--quick] [--skip-postgres]
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { reachable } from '../../scripts/lib/processes';
import { describeMachine, machineInfo } from '../support/machine';
import { ensureBuild } from '../support/production-build';
import { hasFlag, numberFlag, root } from '../support/script';

const quick = hasFlag('quick');
const seconds = String(numberFlag('seconds', quick ? 15 : 60));
const postgresUrl = process.env.RELIABILITY_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/reliability';

// skipped: why a part did not run (it is then neither ok nor failed).
type Part = { name: string; ok: boolean; result: unknown; seconds: number; skipped?: string };

function part(name: string, script: string, args: string[] = []): Promise<Part> {
  console.log(`\n── ${name}`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: root,
      env: process.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let result: unknown = null;
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line.startsWith('RESULT ')) result = JSON.parse(line.slice(7));
        else console.log(`   ${line}`);
      }
    });
    child.on('exit', (code) => {
      const ok = code === 0 && result !== null;
      console.log(
        `── ${name}: ${ok ? 'ok' : 'FAILED'} (${Math.round((Date.now() - started) / 1000)} s)${result ? `\n   ${JSON.stringify(result)}` : ''}`,
      );
      resolve({ name, ok, result, seconds: Math.round((Date.now() - started) / 1000) });
    });
  });
}

console.log(`reliability suite · ${describeMachine()}`);
await ensureBuild();
const postgresSkipped = hasFlag('skip-postgres')
  ? '--skip-postgres'
  : (await reachable(postgresUrl))
    ? null
    : `nothing answers at ${new URL(postgresUrl).host} (RELIABILITY_POSTGRES_URL)`;
// A part that does not run is recorded as skipped with the reason, so `npm test` lists it (and CI fails on it).
const skipped = (name: string, reason: string): Part => {
  console.log(`\n── ${name}: SKIPPED (${reason})`);
  return { name, ok: false, result: null, seconds: 0, skipped: reason };
};
const postgresPart = (name: string, script: string, args: string[] = []) =>
  postgresSkipped ? Promise.resolve(skipped(name, postgresSkipped)) : part(name, script, args);
const parts: Part[] = [
  await part(`load: 200 posters × ${seconds} s on SQLite, SIGKILL half-way`, 'tests/reliability/load.ts', [
    '--db',
    'sqlite',
    '--seconds',
    seconds,
    '--kill',
  ]),
  await postgresPart(`load: 200 posters × ${seconds} s on PostgreSQL, SIGKILL half-way`, 'tests/reliability/load.ts', [
    '--db',
    'postgres',
    '--seconds',
    seconds,
    '--kill',
  ]),
  await part('faults: SMTP down, floods, log secrecy (SQLite)', 'tests/reliability/faults.ts'),
  await postgresPart('database down and back (PostgreSQL behind a cut proxy)', 'tests/reliability/database-down.ts'),
];
mkdirSync('data', { recursive: true });
writeFileSync(
  'data/reliability.json',
  `${JSON.stringify({ at: new Date().toISOString(), machine: machineInfo(), seconds: Number(seconds), parts }, null, 2)}\n`,
);
const failed = parts.filter((p) => !p.ok && !p.skipped);
const skips = parts.filter((p) => p.skipped);
const ran = parts.length - skips.length;
console.log(
  `\nreliability: ${ran - failed.length} of ${ran} parts passed, ${skips.length} skipped${failed.length ? `; failed: ${failed.map((p) => p.name).join(', ')}` : ''} (results in data/reliability.json)`,
);
for (const p of skips) console.log(`  skipped: ${p.name}: ${p.skipped}`);
process.exit(failed.length ? 1 : 0);
