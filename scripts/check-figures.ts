// Are the figures in BENCHMARKS.md and RELIABILITY.md still about this code? Each document's generated block
// records the commit its figures were measured at; a figure is stale when a path it measures (bench/targets.ts
// `measures`, scripts/lib/figures.ts `testedPaths`) changed in a later commit. Exits 1 on a stale or unknown
// figure, unless --report (print only; --report-only FILE: print only for that document). `npm test` runs it;
// `npm run bench` and a full `npm test` regenerate.
//   npx tsx scripts/check-figures.ts [--report] [--report-only RELIABILITY.md]
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measures } from '../bench/targets';
import {
  checkFreshness,
  describeFreshness,
  readRecord,
  reliabilityMeasures,
  type Freshness,
  type Git,
} from './lib/figures';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const gitText = (args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

const realGit: Git = {
  lastChange: (paths) => gitText(['log', '-1', '--format=%H', '--', ...paths]) || null,
  contains(commit, ancestor) {
    const result = spawnSync('git', ['merge-base', '--is-ancestor', ancestor, commit], { cwd: root });
    return result.status === 0 ? true : result.status === 1 ? false : null;
  },
  changesSince: (since, paths) =>
    gitText(['log', '--format=%h %as %s', `${since}..HEAD`, '--', ...paths])
      .split('\n')
      .filter(Boolean),
};

const documents = [
  { file: 'BENCHMARKS.md', block: 'bench', measures: measures as Record<string, string[]> },
  { file: 'RELIABILITY.md', block: 'tests', measures: reliabilityMeasures },
];

const report = process.argv.includes('--report');
const reportOnly = new Set(process.argv.flatMap((arg, i, all) => (all[i - 1] === '--report-only' ? [arg] : [])));
const problems: string[] = [];
const reported: string[] = [];
for (const doc of documents) {
  let results: Freshness[];
  try {
    const record = readRecord(readFileSync(path.join(root, doc.file), 'utf8'), doc.block);
    if (!record || !Object.keys(record).length) {
      problems.push(`${doc.file}: the generated block records no figures`);
      continue;
    }
    results = checkFreshness(record, doc.measures, realGit);
  } catch (error) {
    problems.push(`${doc.file}: ${error instanceof Error ? error.message : error}`);
    continue;
  }
  for (const line of describeFreshness(doc.file, results)) console.log(line);
  const stale = results.filter((r) => r.status !== 'current').map((r) => `${doc.file} › ${r.figure}: ${r.status}`);
  (reportOnly.has(doc.file) ? reported : problems).push(...stale);
}
if (reported.length) console.log(`\nreported, not failing: ${reported.join('; ')}`);
if (problems.length) {
  console.log(`\n${problems.length} figure(s) not current: ${problems.join('; ')}`);
  console.log(
    report
      ? '(--report: not failing)'
      : 'Regenerate with `npm run bench` (BENCHMARKS.md) or a full `npm test` (RELIABILITY.md) and commit the documents.',
  );
}
process.exitCode = problems.length && !report ? 1 : 0;
