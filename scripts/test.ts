// `npm test`: every test, the way CI runs it.
//   1. the derived PostgreSQL schema is current   2. type check   3. unit and integration tests (Vitest)
//   4. production build   5. Playwright in Chromium on SQLite   6. the same on PostgreSQL
//   7. two instances sharing PostgreSQL and Redis (tests/scale)   8. reliability (tests/reliability; SKIP_RELIABILITY=1 skips)
// `npm test -- --unit-only` stops after 3; other arguments go to Playwright (e.g. a spec file).
// Ends with one line "N passed, N failed".
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { reachable, run } from './lib/processes';

const args = process.argv.slice(2);
const unitOnly = args.includes('--unit-only');
const playwrightArgs = args.filter((arg) => arg !== '--unit-only');
const postgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1' };
mkdirSync('data', { recursive: true });

let passed = 0;
let failed = 0;
const problems: string[] = [];

async function step(name: string, action: () => Promise<void>) {
  const started = Date.now();
  console.log(`\n━━ ${name}`);
  try {
    await action();
    console.log(`━━ ${name}: ok (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  } catch (error) {
    problems.push(`${name}: ${error instanceof Error ? error.message : error}`);
    console.log(`━━ ${name}: FAILED`);
  }
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}


async function playwright(label: string, databaseUrl: string, config?: string) {
  const report = `data/playwright-${label}.json`;
  rmSync(report, { force: true });
  const e2eEnv = { ...env, DATABASE_URL: databaseUrl, PLAYWRIGHT_JSON_OUTPUT_NAME: report };
  await run('npx', ['tsx', 'tests/support/reset-db.ts'], e2eEnv);
  try {
    await run('npx', ['playwright', 'test', ...(config ? ['-c', config] : playwrightArgs)], e2eEnv);
  } finally {
    const stats = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(report)?.stats;
    if (stats) {
      passed += stats.expected + stats.flaky;
      failed += stats.unexpected;
    }
  }
}

await step('derived PostgreSQL schema is current', () => run('node', ['scripts/derive-pg-schema.mjs', '--check'], env));
await step('type check', () => run('npx', ['tsc', '--noEmit'], env));
await step('unit and integration tests', async () => {
  const report = 'data/vitest.json';
  rmSync(report, { force: true });
  try {
    await run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env);
  } finally {
    const result = readJson<{ numPassedTests: number; numFailedTests: number }>(report);
    if (result) {
      passed += result.numPassedTests;
      failed += result.numFailedTests;
    }
  }
});

if (!unitOnly) {
  await step('production build', () => run('npx', ['next', 'build'], { ...env, NODE_ENV: 'production' }));
  await step('end to end on SQLite', () => playwright('sqlite', 'file:./data/e2e.db'));
  if (process.env.SKIP_POSTGRES === '1') console.log('\n━━ end to end on PostgreSQL: skipped (SKIP_POSTGRES=1)');
  else if (!(await reachable(postgresUrl))) {
    problems.push(
      `end to end on PostgreSQL: nothing listens at ${new URL(postgresUrl).host}. Start PostgreSQL (e.g. pg_ctlcluster --skip-systemctl-redirect 15 main start), set TEST_POSTGRES_URL, or SKIP_POSTGRES=1 to skip.`,
    );
  } else {
    await step('end to end on PostgreSQL', () => playwright('postgres', postgresUrl));
    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    if (playwrightArgs.length) console.log('\n━━ scale-out: skipped (running selected specs)');
    else if (!(await reachable(redisUrl.replace(/^redis:/, 'tcp:')))) problems.push(`scale-out: nothing listens at ${new URL(redisUrl).host}. Start Redis (redis-server --daemonize yes) or set REDIS_URL.`);
    else await step('scale-out: two instances on PostgreSQL + Redis', () => playwright('scale', postgresUrl, 'playwright.scale.config.ts'));
  }
}

if (!unitOnly && !playwrightArgs.length && process.env.SKIP_RELIABILITY !== '1')
  await step('reliability: load, crash, outages, floods (tests/reliability)', async () => {
    rmSync('data/reliability.json', { force: true });
    try {
      await run('npx', ['tsx', 'tests/reliability/run.ts'], env);
    } finally {
      const parts = readJson<{ parts: { ok: boolean }[] }>('data/reliability.json')?.parts ?? [];
      passed += parts.filter((p) => p.ok).length;
      failed += parts.filter((p) => !p.ok).length;
    }
  });

if (problems.length) console.log(`\nProblems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
if (problems.length && failed === 0) failed = problems.length; // a failed step with no test counts still fails the run
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = problems.length ? 1 : 0;
