// `npm test`: every test, the way CI runs it.
//   1. the derived PostgreSQL schema is current   2. type check   3. lint (ESLint, no warnings)
//   4. format (Prettier)   5. unit and integration tests (Vitest)   6. production build
//   7. Playwright in Chromium on SQLite   8. the same on PostgreSQL
//   9. two instances sharing PostgreSQL and Redis (tests/scale)   10. reliability (tests/reliability)
// `npm test -- --unit-only` stops after 5; other arguments go to Playwright (e.g. a spec file).
// Ends with skipped, flaky and failed tests by name, then one line "N passed, N failed, N skipped".
// Whatever does not run (SKIP_POSTGRES=1, SKIP_RELIABILITY=1, --unit-only, a PostgreSQL that does not
// answer) is listed as skipped with the reason, and with CI=true any skip fails the run.
// First it checks that the figures in BENCHMARKS.md and RELIABILITY.md were measured at a commit that has every
// change to what they measure (scripts/check-figures.ts); a full run (no spec arguments, not --unit-only)
// writes its counts into RELIABILITY.md between the figures:tests markers, to commit with the code it tested.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describeMachine } from '../tests/support/machine';
import { writeBlock } from './lib/figures';
import { reachable, run } from './lib/processes';
import {
  fromPlaywright,
  fromVitest,
  reliabilityBlock,
  summarize,
  type PlaywrightReport,
  type TestResult,
  type VitestReport,
} from './lib/test-report';

const args = process.argv.slice(2);
const unitOnly = args.includes('--unit-only');
const playwrightArgs = args.filter((arg) => arg !== '--unit-only');
const postgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1' };
const ci = Boolean(process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0');
mkdirSync('data', { recursive: true });

const results: TestResult[] = [];
const problems: string[] = [];
const skip = (name: string, reason: string) => {
  console.log(`\n━━ ${name}: SKIPPED (${reason})`);
  results.push({ name, outcome: 'skipped', reason });
};

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
    const json = readJson<PlaywrightReport>(report);
    if (json) results.push(...fromPlaywright(json, label));
  }
}

// Where the tree stands when the run starts: the counts written at the end are about this commit.
const startCommit = (() => {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    return execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim()
      ? `${sha} (with uncommitted changes)`
      : sha;
  } catch {
    return 'unknown';
  }
})();
const startedAt = new Date();
const machine = describeMachine();

await step('derived PostgreSQL schema is current', () => run('node', ['scripts/derive-pg-schema.mjs', '--check'], env));
// Stale benchmark figures fail the run. Stale test counts fail it in CI, which tests what was committed; a
// local run only reports them, since a full local run is how they are regenerated (commit them after it).
await step('recorded figures are current (BENCHMARKS.md, RELIABILITY.md)', () =>
  run('npx', ['tsx', 'scripts/check-figures.ts', ...(ci ? [] : ['--report-only', 'RELIABILITY.md'])], env),
);
await step('type check', () => run('npx', ['tsc', '--noEmit'], env));
await step('lint (ESLint, no warnings)', () => run('npx', ['eslint', '.', '--max-warnings', '0'], env));
await step('format (Prettier)', () => run('npx', ['prettier', '--check', '.'], env));
await step('unit and integration tests', async () => {
  const report = 'data/vitest.json';
  rmSync(report, { force: true });
  try {
    await run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env);
  } finally {
    const json = readJson<VitestReport>(report);
    if (json) results.push(...fromVitest(json, process.cwd()));
  }
});

if (unitOnly) skip('production build and every end-to-end, scale and reliability suite', '--unit-only');
else {
  await step('production build', () => run('npx', ['next', 'build'], { ...env, NODE_ENV: 'production' }));
  await step('end to end on SQLite', () => playwright('sqlite', 'file:./data/e2e.db'));
  if (process.env.SKIP_POSTGRES === '1') skip('end to end on PostgreSQL, and scale-out', 'SKIP_POSTGRES=1');
  else if (!(await reachable(postgresUrl))) {
    problems.push(
      `end to end on PostgreSQL: nothing listens at ${new URL(postgresUrl).host}. Start PostgreSQL (e.g. pg_ctlcluster --skip-systemctl-redirect 15 main start), set TEST_POSTGRES_URL, or SKIP_POSTGRES=1 to skip.`,
    );
  } else {
    await step('end to end on PostgreSQL', () => playwright('postgres', postgresUrl));
    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    if (playwrightArgs.length)
      skip('scale-out: two instances on PostgreSQL + Redis', `running selected specs (${playwrightArgs.join(' ')})`);
    else if (!(await reachable(redisUrl.replace(/^redis:/, 'tcp:'))))
      problems.push(
        `scale-out: nothing listens at ${new URL(redisUrl).host}. Start Redis (redis-server --daemonize yes) or set REDIS_URL.`,
      );
    else
      await step('scale-out: two instances on PostgreSQL + Redis', () =>
        playwright('scale', postgresUrl, 'playwright.scale.config.ts'),
      );
  }
}

const reliabilityName = 'reliability: load, crash, outages, floods (tests/reliability)';
if (unitOnly) {
  // Already listed under --unit-only.
} else if (playwrightArgs.length) skip(reliabilityName, `running selected specs (${playwrightArgs.join(' ')})`);
else if (process.env.SKIP_RELIABILITY === '1') skip(reliabilityName, 'SKIP_RELIABILITY=1');
else
  await step(reliabilityName, async () => {
    rmSync('data/reliability.json', { force: true });
    try {
      await run(
        'npx',
        ['tsx', 'tests/reliability/run.ts', ...(process.env.SKIP_POSTGRES === '1' ? ['--skip-postgres'] : [])],
        env,
      );
    } finally {
      type Part = { name: string; ok: boolean; skipped?: string };
      const parts = readJson<{ parts: Part[] }>('data/reliability.json')?.parts ?? [];
      for (const p of parts)
        results.push(
          p.skipped
            ? { name: `reliability › ${p.name}`, outcome: 'skipped', reason: p.skipped }
            : p.ok
              ? { name: `reliability › ${p.name}`, outcome: 'passed' }
              : { name: `reliability › ${p.name}`, outcome: 'failed', reason: 'see its output above' },
        );
    }
  });

// A full run records its counts in RELIABILITY.md (between the markers only), with the commit it tested.
if (!unitOnly && !playwrightArgs.length) {
  const sha = startCommit.split(' ')[0]!;
  const date = `${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const block = reliabilityBlock(results, { commit: startCommit, date, machine, ci });
  try {
    const record = {
      'npm test': { commit: sha, date: startedAt.toISOString(), ...(startCommit.includes(' ') ? { dirty: true } : {}) },
    };
    writeFileSync('RELIABILITY.md', writeBlock(readFileSync('RELIABILITY.md', 'utf8'), 'tests', record, block));
    console.log('\nRELIABILITY.md: counts written between the figures:tests markers; commit them.');
  } catch (error) {
    console.log(`\nRELIABILITY.md not updated: ${error instanceof Error ? error.message : error}`);
  }
}

// Last, so the closing line is the counts.
const summary = summarize(results, problems, { ci });
console.log(summary.lines.join('\n'));
process.exitCode = summary.ok ? 0 : 1;
