// The closing summary of `npm test` (scripts/lib/test-report.ts): flaky and skipped tests are named and fail
// the run (skips on CI only), and the last line keeps the form "N passed, N failed, N skipped".
import { describe, expect, test } from 'vitest';
import {
  fromPlaywright,
  fromVitest,
  reliabilityBlock,
  summarize,
  type PlaywrightReport,
  type TestResult,
} from '@/scripts/lib/test-report';

const playwrightReport: PlaywrightReport = {
  suites: [
    {
      title: 'reader/page-cache.spec.ts',
      file: 'reader/page-cache.spec.ts',
      specs: [
        {
          title: 'top level',
          file: 'reader/page-cache.spec.ts',
          line: 3,
          tests: [{ projectName: '', status: 'expected' }],
        },
      ],
      suites: [
        {
          title: 'page cache',
          file: 'reader/page-cache.spec.ts',
          specs: [
            {
              title: 'a new comment shows within 1 s',
              file: 'reader/page-cache.spec.ts',
              line: 12,
              tests: [
                {
                  status: 'flaky',
                  results: [{ status: 'failed', error: { message: 'Timed out 1000ms\nmore' } }, { status: 'passed' }],
                },
              ],
            },
            {
              title: 'served stale',
              file: 'reader/page-cache.spec.ts',
              line: 30,
              tests: [{ status: 'skipped', annotations: [{ type: 'skip', description: 'no PostgreSQL' }] }],
            },
            {
              title: 'broken',
              file: 'reader/page-cache.spec.ts',
              line: 40,
              tests: [
                { status: 'unexpected', results: [{ status: 'failed', error: { message: 'expected 0, got 1' } }] },
              ],
            },
          ],
        },
      ],
    },
  ],
  errors: [{ message: 'Error: webServer did not start' }],
};

describe('Playwright report', () => {
  const results = fromPlaywright(playwrightReport, 'sqlite');

  test('each test gets one outcome, named by file, line, describe and title', () => {
    expect(results).toEqual([
      { name: 'sqlite › reader/page-cache.spec.ts:3 › top level', outcome: 'passed' },
      {
        name: 'sqlite › reader/page-cache.spec.ts:12 › page cache › a new comment shows within 1 s',
        outcome: 'flaky',
        reason: 'Timed out 1000ms',
      },
      {
        name: 'sqlite › reader/page-cache.spec.ts:30 › page cache › served stale',
        outcome: 'skipped',
        reason: 'no PostgreSQL',
      },
      {
        name: 'sqlite › reader/page-cache.spec.ts:40 › page cache › broken',
        outcome: 'failed',
        reason: 'expected 0, got 1',
      },
      { name: 'sqlite › (outside any test)', outcome: 'failed', reason: 'Error: webServer did not start' },
    ]);
  });
});

describe('Vitest report', () => {
  test('skipped and todo tests are skips; a file that failed to load is a failure', () => {
    const results = fromVitest(
      {
        testResults: [
          {
            name: '/repo/tests/unit/a.test.ts',
            assertionResults: [
              { fullName: 'a works', title: 'works', ancestorTitles: ['a'], status: 'passed' },
              { fullName: 'a later', status: 'skipped' },
              { fullName: 'a todo', status: 'todo' },
              { fullName: 'a fails', status: 'failed', failureMessages: ['AssertionError: nope\n at x'] },
            ],
          },
          {
            name: '/repo/tests/unit/b.test.ts',
            status: 'failed',
            message: 'Cannot find module x',
            assertionResults: [],
          },
        ],
      },
      '/repo',
    );
    expect(results).toEqual([
      { name: 'vitest › tests/unit/a.test.ts › a › works', outcome: 'passed' },
      { name: 'vitest › tests/unit/a.test.ts › a later', outcome: 'skipped', reason: 'skipped in the source' },
      { name: 'vitest › tests/unit/a.test.ts › a todo', outcome: 'skipped', reason: 'todo in the source' },
      { name: 'vitest › tests/unit/a.test.ts › a fails', outcome: 'failed', reason: 'AssertionError: nope' },
      { name: 'vitest › tests/unit/b.test.ts', outcome: 'failed', reason: 'Cannot find module x' },
    ]);
  });
});

describe('summary', () => {
  const passed: TestResult = { name: 'p', outcome: 'passed' };
  const flaky: TestResult = { name: 'sqlite › page cache › within 1 s', outcome: 'flaky', reason: 'Timed out' };
  const skipped: TestResult = { name: 'end to end on PostgreSQL', outcome: 'skipped', reason: 'SKIP_POSTGRES=1' };

  test('all passed: the closing line and success', () => {
    const { lines, ok } = summarize([passed, passed], [], { ci: true });
    expect(lines.at(-1)).toBe('2 passed, 0 failed, 0 skipped');
    expect(ok).toBe(true);
  });

  test('a flaky test is named, counted as failed, and fails the run even outside CI', () => {
    const { lines, ok } = summarize([passed, flaky], [], { ci: false });
    expect(lines).toContain('  - sqlite › page cache › within 1 s: Timed out');
    expect(lines.at(-1)).toBe('1 passed, 1 failed, 0 skipped');
    expect(ok).toBe(false);
  });

  test('a skip is named with its reason above the closing line; it fails on CI and not locally', () => {
    const local = summarize([passed, skipped], [], { ci: false });
    expect(local.lines).toContain('  - end to end on PostgreSQL: SKIP_POSTGRES=1');
    expect(local.lines.indexOf('  - end to end on PostgreSQL: SKIP_POSTGRES=1')).toBeLessThan(local.lines.length - 1);
    expect(local.lines.at(-1)).toBe('1 passed, 0 failed, 1 skipped');
    expect(local.ok).toBe(true);
    expect(summarize([passed, skipped], [], { ci: true }).ok).toBe(false);
  });

  test('a failed step with no failed test (the type check) still fails and is counted', () => {
    const { lines, ok } = summarize([passed], ['type check: npx tsc --noEmit failed (exit 2)'], { ci: false });
    expect(lines).toContain('  - type check: npx tsc --noEmit failed (exit 2)');
    expect(lines.at(-1)).toBe('1 passed, 1 failed, 0 skipped');
    expect(ok).toBe(false);
  });

  test('the closing line always has the form "N passed, N failed, N skipped"', () => {
    for (const results of [[], [passed], [flaky, skipped], [skipped]])
      expect(summarize(results, [], { ci: false }).lines.at(-1)).toMatch(/^\d+ passed, \d+ failed, \d+ skipped$/);
  });
});

describe('RELIABILITY.md counts', () => {
  test('per suite, with the security and policy subsets, the commit and the skips by name', () => {
    const results: TestResult[] = [
      { name: 'vitest › tests/unit/policy/rules.test.ts › a', outcome: 'passed' },
      { name: 'vitest › tests/unit/cache/page-cache.test.ts › b', outcome: 'passed' },
      { name: 'sqlite › security/access.spec.ts:10 › c', outcome: 'passed' },
      { name: 'postgres › site/headers.spec.ts:20 › d', outcome: 'flaky', reason: 'x' },
      { name: 'postgres › reader/comments.spec.ts:5 › e', outcome: 'passed' },
      { name: 'reliability › database down and back', outcome: 'skipped', reason: 'nothing answers at 127.0.0.1:5432' },
    ];
    const block = reliabilityBlock(results, {
      commit: 'abc1234',
      date: '2026-11-27 10:00 UTC',
      machine: 'AMD EPYC × 2',
      ci: true,
    });
    expect(block).toContain('commit `abc1234`, 2026-11-27 10:00 UTC, AMD EPYC × 2');
    expect(block).toContain('**4 passed, 1 failed, 1 skipped.**');
    expect(block).toContain('| Vitest: unit and integration | `npx vitest run` | 2 | 0 | 0 |');
    expect(block).toContain('| Playwright on PostgreSQL | the same specs, `DATABASE_URL=postgresql://…` | 1 | 1 | 0 |');
    expect(block).toContain(
      '| of which: hostile input, every role, headers | `tests/e2e/security`, `tests/e2e/site` on both databases | 1 | 1 | 0 |',
    );
    expect(block).toContain('| of which: policy engine under hostile text | `tests/unit/policy` | 1 | 0 | 0 |');
    expect(block).toContain('Skipped: reliability › database down and back (nothing answers at 127.0.0.1:5432).');
  });
});
