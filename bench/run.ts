// `npm run bench`: every benchmark in sequence, a summary table, and the figures in data/bench-results.json.
//   npm run bench -- [--only NAME[,NAME…]] [--quick] [--build] [--skip-postgres]
// NAMEs: policy, moderation-queue, query-plans, article-page, freshness, write-path, write-path-postgres, js-size.
// Each benchmark but policy runs in its own process (lib/db binds one database per process; servers and
// databases are set up and torn down per benchmark); bench/policy.ts is imported and its main() called.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuild } from './lib/build';
import { describeMachine, machineInfo } from './lib/machine';
import { fmt, hasFlag, root, stringFlag } from './lib/util';

type Status = 'ok' | 'failed' | 'skipped';
type Entry = { status: Status; at?: string; quick?: boolean; seconds: number; result?: unknown; error?: string };
type Row = { benchmark: string; figure: string; target: string; met: string };

const quick = hasFlag('quick');
const skipPostgres = hasFlag('skip-postgres');
const only = stringFlag('only')?.split(',').map((name) => name.trim());
const names = ['policy', 'moderation-queue', 'query-plans', 'article-page', 'freshness', 'write-path', 'write-path-postgres', 'js-size'] as const;
type Name = (typeof names)[number];
const scripts: Record<Exclude<Name, 'policy'>, { file: string; args: string[]; needsBuild: boolean; postgres?: boolean }> = {
  'moderation-queue': { file: 'bench/moderation-queue.ts', args: skipPostgres ? ['--skip-postgres'] : [], needsBuild: false },
  'query-plans': { file: 'bench/explain.ts', args: [], needsBuild: false },
  'article-page': { file: 'bench/article-page.ts', args: [], needsBuild: true },
  freshness: { file: 'bench/freshness.ts', args: [], needsBuild: true },
  'write-path': { file: 'bench/write-path.ts', args: [], needsBuild: true },
  'write-path-postgres': { file: 'bench/write-path.ts', args: ['--postgres'], needsBuild: true, postgres: true },
  'js-size': { file: 'bench/js-size.ts', args: [], needsBuild: true },
};
if (only) for (const name of only) if (!(names as readonly string[]).includes(name)) throw new Error(`unknown benchmark "${name}"; choose from ${names.join(', ')}`);
const selected = names.filter((name) => (!only || only.includes(name)) && !(skipPostgres && name === 'write-path-postgres'));

function commit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim() ? ' (with uncommitted changes)' : '';
    return sha + dirty;
  } catch {
    return 'unknown';
  }
}

function runScript(file: string, args: string[]): Promise<unknown> {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'bench-')), 'result.json');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file, '--json', out, ...(quick ? ['--quick'] : []), ...args], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, BENCH_BUILD_CHECKED: '1' },
    });
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
console.log(`The Ledger benchmarks · ${startedAt.toISOString()} · commit ${commit()}${quick ? ' · QUICK (shorter runs: figures for smoke-testing only)' : ''}`);
console.log(describeMachine(machine));
console.log(`running: ${selected.join(', ')}`);

const entries: Partial<Record<Name, Entry>> = {};
if (selected.some((name) => name !== 'policy' && scripts[name].needsBuild)) {
  const state = await ensureBuild({ force: hasFlag('build') });
  console.log(state === 'current' ? 'production build in .next-bench is current' : 'production build in .next-bench rebuilt');
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
      const module = (await import(pathToFileURL(file).href)) as { main: (options?: { comments?: number; warmup?: number }) => Promise<unknown> };
      result = await module.main(quick ? { comments: 1000, warmup: 200 } : {});
      printPolicy(result);
    } else {
      result = await runScript(scripts[name].file, scripts[name].args);
    }
    entries[name] = { status: 'ok', at: new Date().toISOString(), quick, seconds: Math.round((Date.now() - started) / 1000), result };
  } catch (error) {
    console.error(`\n${name} FAILED: ${error instanceof Error ? error.message : error}`);
    entries[name] = { status: 'failed', at: new Date().toISOString(), quick, seconds: Math.round((Date.now() - started) / 1000), error: String(error) };
  }
}

function printPolicy(result: unknown) {
  const r = result as { compile?: { terms: number; medianMs: number }; runs?: { corpus?: string; policy: string; terms: number; commentsPerSecond: number; p50Us: number; p99Us: number }[] };
  if (r.compile) console.log(`compile a ${r.compile.terms.toLocaleString('en-US')}-term policy: median ${r.compile.medianMs} ms`);
  for (const run of r.runs ?? []) console.log(`evaluate ${run.corpus ?? 'generated'}, ${run.policy} (${run.terms} terms): ${run.commentsPerSecond.toLocaleString('en-US')} comments/s · p50 ${run.p50Us} µs · p99 ${run.p99Us} µs`);
}

// ---- summary ----
/* eslint-disable @typescript-eslint/no-explicit-any */
// With --only, the other benchmarks' figures from the previous run are kept (each entry says when it ran).
const file = path.join(root, 'data', 'bench-results.json');
const previous = only && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { benchmarks?: Partial<Record<Name, Entry>> }).benchmarks ?? {} : {};
const merged: Partial<Record<Name, Entry>> = { ...previous, ...entries };
const rows: Row[] = [];
const yes = (met: boolean) => (met ? 'yes' : 'NO');
for (const name of names.filter((n) => merged[n])) {
  const entry = merged[name]!;
  if (entry.status !== 'ok') {
    rows.push({ benchmark: name, figure: entry.status === 'skipped' ? `skipped: ${entry.error}` : `FAILED: ${entry.error}`, target: '', met: entry.status === 'skipped' ? '—' : 'NO' });
    continue;
  }
  const r = entry.result as any;
  switch (name) {
    case 'policy':
      for (const run of r.runs ?? []) rows.push({ benchmark: `policy: evaluate ${run.corpus ?? 'generated'}, ${run.policy}`, figure: `${run.commentsPerSecond.toLocaleString('en-US')} comments/s, p99 ${run.p99Us} µs`, target: '', met: '—' });
      if (r.compile) rows.push({ benchmark: 'policy: compile', figure: `${r.compile.terms} terms in ${r.compile.medianMs} ms (median)`, target: '', met: '—' });
      break;
    case 'moderation-queue':
      for (const q of r.results) rows.push({ benchmark: `moderation queue (${q.database}, ${q.rows.toLocaleString('en-US')} pending)`, figure: `first page ${q.firstPageMs.toFixed(2)} ms, last page ${q.lastPageMs.toFixed(2)} ms`, target: 'last page ≈ first page', met: yes(q.lastPageMs <= Math.max(5, q.firstPageMs * 5)) });
      break;
    case 'query-plans':
      for (const q of r) rows.push({ benchmark: `listThreads (${q.database}, ${q.comments.toLocaleString('en-US')} comments)`, figure: `${q.listThreadsMs.plain} ms; with a tombstone ${q.listThreadsMs.withTombstone} ms`, target: '', met: '—' });
      break;
    case 'article-page':
      rows.push({ benchmark: 'article page, signed-out (cache) vs bare node:http', figure: `${fmt(r.cached.reqPerSec, 0)} vs ${fmt(r.baseline.reqPerSec, 0)} req/s = ${(r.ratio * 100).toFixed(0)} %`, target: '≥ 50 %', met: yes(r.targets.ratioMet) });
      rows.push({ benchmark: 'article page, signed-out p50 / p99', figure: `${r.cached.p50Ms} / ${r.cached.p99Ms} ms (baseline ${r.baseline.p50Ms} / ${r.baseline.p99Ms} ms)`, target: 'p99 ≤ 50 ms', met: yes(r.targets.p99Met) });
      rows.push({ benchmark: 'article page, PAGE_CACHE=off', figure: `${fmt(r.uncached.reqPerSec, 1)} req/s, p99 ${r.uncached.p99Ms} ms`, target: '', met: '—' });
      rows.push({ benchmark: 'article page, signed-in', figure: `${fmt(r.signedIn.reqPerSec, 1)} req/s, p99 ${r.signedIn.p99Ms} ms; ${r.unloaded.signedInMedianMs} ms alone`, target: '', met: '—' });
      if (r.hotStory)
        rows.push({ benchmark: `article page, signed-out, a comment every ${r.hotStory.postEveryMs} ms`, figure: `${fmt(r.hotStory.load.reqPerSec, 0)} req/s, p99 ${r.hotStory.load.p99Ms} ms; ${r.hotStory.posted} posts → ${r.hotStory.renders} renders; ${fmt(r.hotStory.stale, 0)} stale, ${fmt(r.hotStory.coalesced, 0)} waited`, target: '', met: '—' });
      break;
    case 'freshness':
      rows.push({ benchmark: 'freshness: approval → visible', figure: `median ${r.approve.medianMs} ms, max ${r.approve.maxMs} ms`, target: '≤ 1 s', met: yes(r.approve.maxMs <= r.targetMs) });
      rows.push({ benchmark: 'freshness: new comment → visible', figure: `median ${r.post.medianMs} ms, max ${r.post.maxMs} ms`, target: '≤ 1 s', met: yes(r.post.maxMs <= r.targetMs) });
      break;
    case 'write-path':
    case 'write-path-postgres':
      rows.push({ benchmark: `write path (${r.database}, ${r.posters} posters)`, figure: `${r.acknowledgedPerSecond}/s acknowledged, p50 ${r.latency.p50Ms} ms, p99 ${r.latency.p99Ms} ms`, target: '', met: '—' });
      rows.push({ benchmark: `write path (${r.database}): stored = acknowledged`, figure: `${r.acknowledged} acknowledged, missing ${r.check.missing}, duplicated ${r.check.duplicates}, extra ${r.check.storedButNotAcknowledged}`, target: 'none missing or doubled', met: yes(r.check.missing === 0 && r.check.duplicates === 0) });
      break;
    case 'js-size':
      rows.push({ benchmark: 'JavaScript, article page signed-out', figure: `${r.signedOut.encodedKB} KB gzip (${r.signedOut.decodedKB} KB decoded)`, target: `≤ ${r.targetKB} KB`, met: yes(r.met) });
      rows.push({ benchmark: 'JavaScript, article page signed-in', figure: `${r.signedIn.encodedKB} KB gzip (${r.signedIn.decodedKB} KB decoded)`, target: '', met: '—' });
      break;
  }
}

const widths = (['benchmark', 'figure', 'target', 'met'] as const).map((key) => Math.max(key.length, ...rows.map((row) => row[key].length)));
const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
console.log(`\n══ summary${quick ? ' (QUICK run)' : ''}${only ? ` (${only.join(', ')} now; the rest from the previous run)` : ''} ══`);
console.log(line(['benchmark', 'figure', 'target', 'met']));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line([row.benchmark, row.figure, row.target, row.met]));

writeFileSync(file, JSON.stringify({ startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), quick, commit: commit(), machine, summary: rows, benchmarks: merged }, null, 2));
console.log(`\nresults: ${path.relative(root, file)}`);
if (Object.values(entries).some((entry) => entry?.status === 'failed')) process.exitCode = 1;
