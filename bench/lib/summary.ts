// The summary of `npm run bench`: one row per target verdict (computed by bench/targets.ts, nowhere else) and
// per context figure, the misses that fail the run, and the block written into BENCHMARKS.md. Pure, so it has
// unit tests (tests/unit/test-infra/bench-summary.test.ts).
import type { FigureRecord } from '../../scripts/lib/figures';
import { benchNames, judge, type BenchName } from '../targets';
import type { MachineInfo } from '../../tests/support/machine';
import { fmt } from './util';

export type Entry = {
  status: 'ok' | 'failed' | 'skipped';
  at?: string;
  commit?: string;
  quick?: boolean;
  seconds: number;
  result?: unknown;
  error?: string;
};
export type Row = { benchmark: string; figure: string; target: string; met: string; measured: string };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Rows for every benchmark in `merged` (this run's entries plus, with --only, earlier ones), and the missed
 * targets among the benchmarks in `measuredNow` (earlier rows are shown, not judged again).
 */
export function summaryRows(
  merged: Partial<Record<BenchName, Entry>>,
  measuredNow: Set<BenchName>,
): { rows: Row[]; misses: string[] } {
  const rows: Row[] = [];
  const misses: string[] = [];
  for (const name of benchNames.filter((n) => merged[n])) {
    const entry = merged[name]!;
    const measured =
      `${entry.commit ?? '?'} ${entry.at?.slice(0, 16).replace('T', ' ') ?? ''}${entry.quick ? ' (quick)' : ''}`.trim();
    const now = measuredNow.has(name);
    if (entry.status !== 'ok') {
      rows.push({
        benchmark: name,
        figure: entry.status === 'skipped' ? `skipped: ${entry.error}` : `FAILED: ${entry.error}`,
        target: '',
        met: entry.status === 'skipped' ? '—' : 'NO',
        measured,
      });
      continue;
    }
    try {
      for (const v of judge(name, entry.result)) {
        rows.push({ benchmark: v.subject, figure: v.figure, target: v.target, met: v.met ? 'yes' : 'NO', measured });
        if (!v.met && now) misses.push(`${v.subject}: ${v.figure} (target ${v.target})`);
      }
    } catch (error) {
      // A result without the figure its target reads is a miss, never a silent "met".
      rows.push({
        benchmark: name,
        figure: `no figure for its target: ${message(error)}`,
        target: 'see bench/targets.ts',
        met: 'NO',
        measured,
      });
      if (now) misses.push(`${name}: ${message(error)}`);
    }
    try {
      for (const row of contextFigures(name, entry.result)) rows.push({ ...row, target: '', met: '—', measured });
    } catch (error) {
      rows.push({
        benchmark: name,
        figure: `context figures unreadable: ${message(error)}`,
        target: '',
        met: '—',
        measured,
      });
    }
  }
  return { rows, misses };
}

// The fields of each result shown as context (the targeted ones are read by bench/targets.ts).
type Load = { reqPerSec: number; p99Ms: number };
type ContextFields = {
  policy: { compile?: { terms: number; medianMs: number } };
  'query-plans': { database: string; comments: number; listThreadsMs: { plain: number; withTombstone: number } }[];
  'article-page': {
    uncached: Load;
    signedIn: Load;
    unloaded: { signedInMedianMs: number };
    hotStory?: { postEveryMs: number; load: Load; posted: number; renders: number; stale: number; coalesced: number };
  };
  'js-size': { signedIn: { encodedKB: number; decodedKB: number } };
};

/** Figures with no target: shown for context, never judged. */
function contextFigures(name: BenchName, result: unknown): { benchmark: string; figure: string }[] {
  switch (name) {
    case 'policy': {
      const r = result as ContextFields['policy'];
      return r.compile
        ? [{ benchmark: 'policy: compile', figure: `${r.compile.terms} terms in ${r.compile.medianMs} ms (median)` }]
        : [];
    }
    case 'query-plans':
      return (result as ContextFields['query-plans']).map((q) => ({
        benchmark: `listThreads (${q.database}, ${q.comments.toLocaleString('en-US')} comments)`,
        figure: `${q.listThreadsMs.plain} ms; with a tombstone ${q.listThreadsMs.withTombstone} ms`,
      }));
    case 'article-page': {
      const r = result as ContextFields['article-page'];
      const hot = r.hotStory;
      return [
        {
          benchmark: 'article page, PAGE_CACHE=off',
          figure: `${fmt(r.uncached.reqPerSec, 1)} req/s, p99 ${r.uncached.p99Ms} ms`,
        },
        // The signed-in and hot-story figures have targets (bench/targets.ts); what the cache did is context.
        ...(hot
          ? [
              {
                benchmark: `article page, signed-out, a comment every ${hot.postEveryMs} ms: the page cache`,
                figure: `${hot.posted} posts → ${hot.renders} renders; ${fmt(hot.stale, 0)} stale, ${fmt(hot.coalesced, 0)} waited`,
              },
            ]
          : []),
      ];
    }
    case 'js-size': {
      const r = result as ContextFields['js-size'];
      return [
        {
          benchmark: 'JavaScript, article page signed-in',
          figure: `${r.signedIn.encodedKB} KB compressed (${r.signedIn.decodedKB} KB decoded)`,
        },
      ];
    }
    default:
      return [];
  }
}

const columns = ['benchmark', 'figure', 'target', 'met', 'measured'] as const;

/** A Markdown table; `pad` aligns the columns for the terminal. */
export function renderTable(rows: Row[], pad: boolean): string[] {
  const widths = columns.map((key) => (pad ? Math.max(key.length, ...rows.map((row) => row[key].length)) : 0));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.replace(/\|/g, '\\|').padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line([...columns]),
    `|${widths.map((w) => '-'.repeat(Math.max(3, w) + 2)).join('|')}|`,
    ...rows.map((row) => line(columns.map((key) => row[key]))),
  ];
}

/** Which commit each benchmark's figures in the summary were measured at (quick and failed runs are not figures). */
export function figureRecord(merged: Partial<Record<BenchName, Entry>>): FigureRecord {
  const record: FigureRecord = {};
  for (const name of benchNames) {
    const entry = merged[name];
    if (entry?.status !== 'ok' || !entry.commit || !entry.at || entry.quick) continue;
    const [sha] = entry.commit.split(' ');
    record[name] = { commit: sha!, date: entry.at, ...(entry.commit.includes(' ') ? { dirty: true } : {}) };
  }
  return record;
}

/** The text between BENCHMARKS.md's figures:bench markers (after the record). */
export function benchmarksBlock(run: {
  command: string;
  commit: string;
  startedAt: Date;
  finishedAt: Date;
  machine: MachineInfo;
  loadAtEnd: number[];
  rows: Row[];
}): string {
  const { machine } = run;
  return [
    `Measured by \`${run.command}\` at commit \`${run.commit}\`, ${run.startedAt.toISOString().slice(0, 16).replace('T', ' ')}–${run.finishedAt.toISOString().slice(11, 16)} UTC,`,
    `on ${machine.cpu} × ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.os}; load average ${machine.loadAverage.join(' ')} at the start, ${run.loadAtEnd.join(' ')} at the end.`,
    'Each row names the commit and time it was measured at (`--only` keeps the other rows from earlier runs). Targets and verdicts: `bench/targets.ts`.',
    '',
    ...renderTable(run.rows, false),
  ].join('\n');
}
