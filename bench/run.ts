// `npm run bench`: every benchmark in sequence, a summary table, and the figures in data/bench-results.json.
//   npm run bench -- [--only NAME[,NAME…]] [--quick] [--build] [--skip-postgres] [--allow-miss]
// Every target and its verdict come from bench/targets.ts. A full (not --quick) run writes the summary into
// BENCHMARKS.md between the figures:bench markers, with the commit, date, machine and load average; it exits
// non-zero when a benchmark fails or a target measured in this run is missed (--allow-miss: report only).
// NAMEs: policy, moderation-queue, query-plans, article-page, freshness, write-path, write-path-postgres, js-size.
// Each benchmark but policy runs in its own process (lib/db binds one database per process; servers and
// databases are set up and torn down per benchmark); bench/policy.ts is imported and its main() called.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeMachine, machineInfo } from '../tests/support/machine';
import { ensureBuild } from '../tests/support/production-build';
import { hasFlag, root, stringFlag } from '../tests/support/script';
import { benchmarksBlock, figureRecord, renderTable, summaryRows, type Entry } from './lib/summary';
import { benchNames as names, type BenchName as Name } from './targets';
import { writeBlock } from '../scripts/lib/figures';

const quick = hasFlag('quick');
const skipPostgres = hasFlag('skip-postgres');
const only = stringFlag('only')
  ?.split(',')
  .map((name) => name.trim());
const allowMiss = hasFlag('allow-miss');
const scripts: Record<
  Exclude<Name, 'policy'>,
  { file: string; args: string[]; needsBuild: boolean; postgres?: boolean; node?: string[] }
> = {
  'moderation-queue': {
    file: 'bench/moderation-queue.ts',
    args: skipPostgres ? ['--skip-postgres'] : [],
    needsBuild: false,
  },
  // It runs lib/data functions, which import 'server-only': resolved as on the server, not as in a browser bundle.
  'query-plans': { file: 'bench/explain.ts', args: [], needsBuild: false, node: ['--conditions=react-server'] },
  'article-page': { file: 'bench/article-page.ts', args: [], needsBuild: true },
  freshness: { file: 'bench/freshness.ts', args: [], needsBuild: true },
  'write-path': { file: 'bench/write-path.ts', args: [], needsBuild: true },
  'write-path-postgres': { file: 'bench/write-path.ts', args: ['--postgres'], needsBuild: true, postgres: true },
  'js-size': { file: 'bench/js-size.ts', args: [], needsBuild: true },
};
if (only)
  for (const name of only)
    if (!(names as readonly string[]).includes(name))
      throw new Error(`unknown benchmark "${name}"; choose from ${names.join(', ')}`);
const selected = names.filter(
  (name) => (!only || only.includes(name)) && !(skipPostgres && name === 'write-path-postgres'),
);

function commit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: root,
      encoding: 'utf8',
    }).trim()
      ? ' (with uncommitted changes)'
      : '';
    return sha + dirty;
  } catch {
    return 'unknown';
  }
}

function runScript(file: string, args: string[], node: string[] = []): Promise<unknown> {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'bench-')), 'result.json');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...node, '--import', 'tsx', file, '--json', out, ...(quick ? ['--quick'] : []), ...args],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, BENCH_BUILD_CHECKED: '1' },
      },
    );
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code !== 0) return reject(new Error(`${file} exited with ${signal ?? `code ${code}`}`));
      if (!existsSync(out)) return reject(new Error(`${file} wrote no results`));
      resolve(JSON.parse(readFileSync(out, 'utf8')));
    });
  });
}

const machine = machineInfo();
const startedAt = new Date();
const startCommit = commit();
console.log(
  `The Ledger benchmarks · ${startedAt.toISOString()} · commit ${startCommit}${quick ? ' · QUICK (shorter runs: figures for smoke-testing only)' : ''}`,
);
console.log(describeMachine(machine));
console.log(`running: ${selected.join(', ')}`);

const entries: Partial<Record<Name, Entry>> = {};
if (selected.some((name) => name !== 'policy' && scripts[name].needsBuild)) {
  const state = await ensureBuild({ force: hasFlag('build') });
  console.log(
    state === 'current' ? 'production build in .next-bench is current' : 'production build in .next-bench rebuilt',
  );
}

for (const name of selected) {
  const started = Date.now();
  try {
    let result: unknown;
    if (name === 'policy') {
      const file = path.join(root, 'bench', 'policy.ts');
      if (!existsSync(file)) {
        console.log('\n── policy: bench/policy.ts is missing; skipped');
        entries[name] = { status: 'skipped', seconds: 0, error: 'bench/policy.ts is missing' };
        continue;
      }
      console.log('\n── policy engine (bench/policy.ts) ─────────────────────────────────────');
      // By path, so a checkout without bench/policy.ts still type-checks and runs the rest.
      const policyBench = (await import(pathToFileURL(file).href)) as {
        main: (options?: { comments?: number; warmup?: number }) => Promise<unknown>;
      };
      result = await policyBench.main(quick ? { comments: 1000, warmup: 200 } : {});
      printPolicy(result);
    } else {
      result = await runScript(scripts[name].file, scripts[name].args, scripts[name].node);
    }
    entries[name] = {
      status: 'ok',
      at: new Date().toISOString(),
      commit: startCommit,
      quick,
      seconds: Math.round((Date.now() - started) / 1000),
      result,
    };
  } catch (error) {
    console.error(`\n${name} FAILED: ${error instanceof Error ? error.message : error}`);
    entries[name] = {
      status: 'failed',
      at: new Date().toISOString(),
      commit: startCommit,
      quick,
      seconds: Math.round((Date.now() - started) / 1000),
      error: String(error),
    };
  }
}

function printPolicy(result: unknown) {
  const r = result as {
    compile?: { terms: number; medianMs: number };
    runs?: {
      corpus?: string;
      policy: string;
      terms: number;
      commentsPerSecond: number;
      p50Us: number;
      p99Us: number;
    }[];
  };
  if (r.compile)
    console.log(`compile a ${r.compile.terms.toLocaleString('en-US')}-term policy: median ${r.compile.medianMs} ms`);
  for (const run of r.runs ?? [])
    console.log(
      `evaluate ${run.corpus ?? 'generated'}, ${run.policy} (${run.terms} terms): ${run.commentsPerSecond.toLocaleString('en-US')} comments/s · p50 ${run.p50Us} µs · p99 ${run.p99Us} µs`,
    );
}

// ---- summary ----
// With --only, the other benchmarks' figures from the previous run are kept (each row says when and where it ran).
const file = path.join(root, 'data', 'bench-results.json');
const previous =
  only && existsSync(file)
    ? ((JSON.parse(readFileSync(file, 'utf8')) as { benchmarks?: Partial<Record<Name, Entry>> }).benchmarks ?? {})
    : {};
const merged: Partial<Record<Name, Entry>> = { ...previous, ...entries };
const { rows, misses } = summaryRows(merged, new Set(Object.keys(entries) as Name[]));
console.log(
  `\n══ summary${quick ? ' (QUICK run)' : ''}${only ? ` (${only.join(', ')} now; the rest from the previous run)` : ''} ══`,
);
console.log(renderTable(rows, true).join('\n'));

writeFileSync(
  file,
  JSON.stringify(
    {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      quick,
      commit: startCommit,
      machine,
      summary: rows,
      benchmarks: merged,
    },
    null,
    2,
  ),
);
console.log(`\nresults: ${path.relative(root, file)}`);

// BENCHMARKS.md gets only figures worth quoting: a full run, or --only on top of full ones.
if (quick) console.log('BENCHMARKS.md not updated: a --quick run gives smoke-test figures, not figures to quote.');
else {
  const doc = path.join(root, 'BENCHMARKS.md');
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const block = benchmarksBlock({
    command,
    commit: startCommit,
    startedAt,
    finishedAt: new Date(),
    machine,
    loadAtEnd: machineInfo().loadAverage,
    rows,
  });
  writeFileSync(doc, writeBlock(readFileSync(doc, 'utf8'), 'bench', figureRecord(merged), block));
  console.log('BENCHMARKS.md: summary written between the figures:bench markers; commit it.');
}

if (misses.length)
  console.log(
    `\n${misses.length} target(s) missed${allowMiss ? ' (--allow-miss: not failing)' : ''}:\n${misses.map((m) => `  - ${m}`).join('\n')}`,
  );
if (Object.values(entries).some((entry) => entry?.status === 'failed') || (misses.length && !allowMiss))
  process.exitCode = 1;
