// Figures carry the commit they were measured at and are stale once a measured path changes after it
// (scripts/lib/figures.ts), against a fake history and against a real git repository made for the test.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { benchNames, measures } from '@/bench/targets';
import {
  checkFreshness,
  describeFreshness,
  readRecord,
  reliabilityMeasures,
  writeBlock,
  type Git,
} from '@/scripts/lib/figures';

const doc = [
  '# Title',
  'Hand-written text above.',
  '<!-- figures:bench:start (generated) -->',
  'old table',
  '<!-- figures:bench:end -->',
  'Hand-written text below.',
  '',
].join('\n');

describe('the generated block', () => {
  test('is replaced between the markers only, with the record first, and reads back', () => {
    const record = { policy: { commit: 'abc1234', date: '2026-11-27T10:00Z' } };
    const written = writeBlock(doc, 'bench', record, '| new | table |');
    expect(written).toBe(
      [
        '# Title',
        'Hand-written text above.',
        '<!-- figures:bench:start (generated) -->',
        `<!-- record: ${JSON.stringify(record)} -->`,
        '| new | table |',
        '<!-- figures:bench:end -->',
        'Hand-written text below.',
        '',
      ].join('\n'),
    );
    expect(readRecord(written, 'bench')).toEqual(record);
    // Writing again replaces, never nests or appends.
    expect(writeBlock(written, 'bench', record, '| new | table |')).toBe(written);
  });

  test('a document without the markers, or with them twice, is an error rather than a silent no-op', () => {
    expect(() => writeBlock('# nothing here', 'bench', {}, 'x')).toThrow(/no "figures:bench" markers/);
    expect(() => readRecord(`${doc}${doc}`, 'bench')).toThrow(/twice/);
    expect(readRecord(doc, 'bench')).toBeNull();
  });
});

describe('freshness against a fake history', () => {
  // History: c1 ← c2 (touches lib/cache) ← c3 (touches docs only). Figures measured at c1 or c2.
  const order = ['c1', 'c2', 'c3'];
  const touched: Record<string, string[]> = { c1: ['server.ts'], c2: ['lib/cache/page-cache.ts'], c3: ['README.md'] };
  const git: Git = {
    lastChange: (paths) =>
      [...order]
        .reverse()
        .find((c) => touched[c]!.some((file) => paths.some((p) => file === p || file.startsWith(`${p}/`)))) ?? null,
    contains: (commit, ancestor) =>
      order.includes(commit) && order.includes(ancestor) ? order.indexOf(ancestor) <= order.indexOf(commit) : null,
    changesSince: (since, paths) =>
      order
        .slice(order.indexOf(since) + 1)
        .filter((c) => touched[c]!.some((file) => paths.some((p) => file.startsWith(p)))),
  };
  const paths = { page: ['server.ts', 'lib/cache'], other: ['lib/policy'] };

  test('current when the recorded commit contains the last change to every measured path', () => {
    expect(checkFreshness({ page: { commit: 'c2', date: 'd' } }, paths, git)).toEqual([
      { figure: 'page', status: 'current', commit: 'c2' },
    ]);
    expect(checkFreshness({ page: { commit: 'c3', date: 'd' } }, paths, git)[0]!.status).toBe('current');
    expect(checkFreshness({ other: { commit: 'c1', date: 'd' } }, paths, git)[0]!.status).toBe('current');
  });

  test('stale when a measured path changed after the recorded commit, naming the commits', () => {
    const [result] = checkFreshness({ page: { commit: 'c1', date: 'd' } }, paths, git);
    expect(result).toEqual({ figure: 'page', status: 'stale', commit: 'c1', changes: ['c2'] });
    expect(describeFreshness('BENCHMARKS.md', [result!])[0]).toMatch(
      /^BENCHMARKS\.md › page: STALE: measured at c1; 1 later commit/,
    );
  });

  test('unknown (not current) when the figure declares no paths or its commit is not in the history', () => {
    expect(checkFreshness({ mystery: { commit: 'c3', date: 'd' } }, paths, git)[0]).toMatchObject({
      status: 'unknown',
      reason: expect.stringMatching(/no measured paths/),
    });
    expect(checkFreshness({ page: { commit: 'rebased', date: 'd' } }, paths, git)[0]).toMatchObject({
      status: 'unknown',
      reason: expect.stringMatching(/not in this repository/),
    });
  });
});

describe('measured paths', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));

  test('every benchmark declares what it measures, and every declared path exists (a rename must update the table)', () => {
    expect(Object.keys(measures).sort()).toEqual([...benchNames].sort());
    const missing = [...Object.values(measures), ...Object.values(reliabilityMeasures)]
      .flat()
      .filter((p) => !existsSync(path.join(root, p)));
    expect(missing).toEqual([]);
  });
});

describe('freshness against a real git history', () => {
  test('a commit to a measured path makes the figure stale; a commit elsewhere does not', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'figures-git-'));
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], {
        cwd: dir,
        encoding: 'utf8',
      }).trim();
    const commit = (file: string, text: string) => {
      writeFileSync(path.join(dir, file), text);
      git('add', file);
      git('commit', '-q', '-m', `change ${file}`);
      return git('rev-parse', '--short', 'HEAD');
    };
    git('init', '-q');
    const measured = commit('server.ts', 'v1');
    commit('README.md', 'docs');
    const real: Git = {
      lastChange: (paths) => git('log', '-1', '--format=%H', '--', ...paths) || null,
      contains: (c, ancestor) => {
        try {
          git('merge-base', '--is-ancestor', ancestor, c);
          return true;
        } catch {
          return false;
        }
      },
      changesSince: (since, paths) =>
        git('log', '--format=%h %s', `${since}..HEAD`, '--', ...paths)
          .split('\n')
          .filter(Boolean),
    };
    const record = { page: { commit: measured, date: 'd' } };
    expect(checkFreshness(record, { page: ['server.ts'] }, real)[0]!.status).toBe('current');
    commit('server.ts', 'v2');
    expect(checkFreshness(record, { page: ['server.ts'] }, real)[0]).toMatchObject({
      status: 'stale',
      changes: [expect.stringMatching(/change server\.ts$/)],
    });
  });
});
