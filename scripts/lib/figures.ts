// Figures in the documents are written by the commands that measure them, between markers, with the commit
// they were measured at, and are checked against the history: a figure is stale when a path it measures
// changed in a commit the recorded one does not contain. Pure (git is passed in), so it has unit tests
// (tests/unit/test-infra/figures.test.ts). Used by bench/run.ts (BENCHMARKS.md), scripts/test.ts
// (RELIABILITY.md) and scripts/check-figures.ts.

/** A figure's provenance: the commit it was measured at (short or full SHA) and when. */
export type Provenance = { commit: string; date: string; dirty?: boolean };
export type FigureRecord = Record<string, Provenance>;

const start = (name: string) => `<!-- figures:${name}:start`;
const end = (name: string) => `<!-- figures:${name}:end -->`;
const recordPrefix = '<!-- record: ';

function bounds(doc: string, name: string): { from: number; to: number } {
  const from = doc.indexOf(start(name));
  const to = doc.indexOf(end(name));
  if (from < 0 || to < 0 || to < from) throw new Error(`no "figures:${name}" markers in the document`);
  if (doc.indexOf(start(name), from + 1) >= 0) throw new Error(`the "figures:${name}" markers appear twice`);
  return { from, to };
}

/**
 * Replaces what is between the markers (the markers and everything outside them stay as they are), and puts
 * the record first so check-figures can read it back.
 */
export function writeBlock(doc: string, name: string, record: FigureRecord, body: string): string {
  const { from, to } = bounds(doc, name);
  const startLineEnd = doc.indexOf('\n', from);
  const head = doc.slice(0, startLineEnd + 1);
  return `${head}${recordPrefix}${JSON.stringify(record)} -->\n${body.trim()}\n${doc.slice(to)}`;
}

/** The record written into the block, or null when the block has none. */
export function readRecord(doc: string, name: string): FigureRecord | null {
  const { from, to } = bounds(doc, name);
  const block = doc.slice(from, to);
  const at = block.indexOf(recordPrefix);
  if (at < 0) return null;
  const json = block.slice(at + recordPrefix.length, block.indexOf(' -->', at));
  const parsed = JSON.parse(json) as unknown;
  if (!parsed || typeof parsed !== 'object') throw new Error(`figures:${name}: the record is not an object`);
  for (const [figure, value] of Object.entries(parsed)) {
    const p = value as Partial<Provenance>;
    if (typeof p?.commit !== 'string' || typeof p.date !== 'string')
      throw new Error(`figures:${name}: "${figure}" has no commit and date`);
  }
  return parsed as FigureRecord;
}

/** The git operations the check needs (scripts/check-figures.ts runs real git; the tests pass fakes). */
export type Git = {
  /** The newest commit on HEAD's history that touched one of these paths, or null. */
  lastChange(paths: string[]): string | null;
  /** Whether `commit` contains `ancestor` (ancestor or equal); null when either is not in this repository. */
  contains(commit: string, ancestor: string): boolean | null;
  /** Commits after `since` on HEAD's history that touched the paths, one line each (for the message). */
  changesSince(since: string, paths: string[]): string[];
};

export type Freshness =
  | { figure: string; status: 'current'; commit: string }
  | { figure: string; status: 'stale'; commit: string; changes: string[] }
  | { figure: string; status: 'unknown'; commit: string; reason: string };

/** One verdict per recorded figure. A figure with no declared paths is "unknown": every figure must say what it measures. */
export function checkFreshness(record: FigureRecord, measures: Record<string, string[]>, git: Git): Freshness[] {
  return Object.entries(record).map(([figure, { commit }]): Freshness => {
    const paths = measures[figure];
    if (!paths?.length) return { figure, status: 'unknown', commit, reason: 'no measured paths are declared for it' };
    const last = git.lastChange(paths);
    if (!last) return { figure, status: 'current', commit };
    const contains = git.contains(commit, last);
    if (contains === null)
      return { figure, status: 'unknown', commit, reason: `commit ${commit} is not in this repository's history` };
    return contains
      ? { figure, status: 'current', commit }
      : { figure, status: 'stale', commit, changes: git.changesSince(commit, paths) };
  });
}

export function describeFreshness(document: string, results: Freshness[]): string[] {
  return results.map((r) => {
    if (r.status === 'current') return `${document} › ${r.figure}: current (measured at ${r.commit})`;
    if (r.status === 'unknown') return `${document} › ${r.figure}: cannot tell (${r.reason})`;
    const shown = r.changes
      .slice(0, 5)
      .map((c) => `\n      ${c}`)
      .join('');
    const more = r.changes.length > 5 ? `\n      … and ${r.changes.length - 5} more` : '';
    return `${document} › ${r.figure}: STALE: measured at ${r.commit}; ${r.changes.length} later commit(s) changed what it measures:${shown}${more}`;
  });
}

/**
 * What `npm test` measures: a change to any of these after the recorded run makes RELIABILITY.md's counts
 * stale. Everything that ships or tests it; documents and benchmarks are not on the list.
 */
export const testedPaths = [
  'app',
  'components',
  'lib',
  'server.ts',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.ts',
  'prisma',
  'tests',
  'scripts/test.ts',
  'scripts/lib',
  'playwright.config.ts',
  'playwright.scale.config.ts',
  'vitest.config.ts',
  'eslint.config.mjs',
  'tsconfig.json',
  'tsconfig.build.json',
  'package-lock.json',
];

/** The figures RELIABILITY.md's block records and what each measures. */
export const reliabilityMeasures: Record<string, string[]> = { 'npm test': testedPaths };
