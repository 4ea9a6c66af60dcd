// What `npm test` tells you at the end, computed from the runners' JSON reports. Pure, so it has unit tests
// (tests/unit/test-infra/test-report.test.ts): a summary that miscounts is worse than none.
// Every test ends up in exactly one of four outcomes. "flaky" (failed, then passed on a retry) is its own
// outcome, never counted as passed: the suites run without retries, so a flaky test means someone added
// retries back, and the failure it hid is real. Skips are listed by name with their reason; CI fails on them.

export type Outcome = 'passed' | 'failed' | 'skipped' | 'flaky';
export type TestResult = { name: string; outcome: Outcome; reason?: string };

// ── Playwright (the `json` reporter) ──────────────────────────────────────────────────────────────────

type PwAnnotation = { type: string; description?: string };
type PwTest = {
  projectName?: string;
  status: 'expected' | 'unexpected' | 'flaky' | 'skipped';
  annotations?: PwAnnotation[];
  results?: { status?: string; error?: { message?: string } }[];
};
type PwSpec = { title: string; file?: string; line?: number; tests: PwTest[] };
type PwSuite = { title: string; file?: string; specs?: PwSpec[]; suites?: PwSuite[] };
export type PlaywrightReport = { suites?: PwSuite[]; errors?: { message?: string }[] };

function firstLine(text: string | undefined): string | undefined {
  return text
    ?.split('\n')
    .find((line) => line.trim())
    ?.trim();
}

/** One result per test and project, named "label › file:line › describe › title". */
export function fromPlaywright(report: PlaywrightReport, label: string): TestResult[] {
  const results: TestResult[] = [];
  const walk = (suite: PwSuite, titles: string[]) => {
    // The top-level suite is the file; its title repeats the file name, so it is not part of the path.
    const path = suite.file && suite.title === suite.file ? titles : [...titles, suite.title];
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const where = `${spec.file ?? suite.file ?? '?'}${spec.line ? `:${spec.line}` : ''}`;
        const project = test.projectName ? ` [${test.projectName}]` : '';
        const name = [label, where, ...path.filter(Boolean), spec.title].join(' › ') + project;
        const outcome: Outcome =
          test.status === 'expected' ? 'passed' : test.status === 'unexpected' ? 'failed' : test.status;
        const skip = test.annotations?.find((a) => a.type === 'skip' || a.type === 'fixme');
        const failure = test.results?.find((r) => r.status !== 'passed' && r.status !== 'skipped')?.error?.message;
        const reason =
          outcome === 'skipped'
            ? (skip?.description ?? 'skipped without a reason')
            : outcome === 'passed'
              ? undefined
              : firstLine(failure);
        results.push(reason ? { name, outcome, reason } : { name, outcome });
      }
    }
    for (const child of suite.suites ?? []) walk(child, path);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  // Errors outside any test (a webServer that never started, a spec that does not compile) fail the run too.
  for (const error of report.errors ?? [])
    results.push({ name: `${label} › (outside any test)`, outcome: 'failed', reason: firstLine(error.message) });
  return results;
}

// ── Vitest (the `json` reporter) ──────────────────────────────────────────────────────────────────────

type VitestAssertion = {
  fullName: string;
  title?: string;
  ancestorTitles?: string[];
  status: string;
  failureMessages?: string[];
};
export type VitestReport = {
  testResults?: { name: string; status?: string; message?: string; assertionResults?: VitestAssertion[] }[];
};

export function fromVitest(report: VitestReport, root: string): TestResult[] {
  const results: TestResult[] = [];
  for (const file of report.testResults ?? []) {
    const where = file.name.startsWith(root) ? file.name.slice(root.length).replace(/^\/+/, '') : file.name;
    const assertions = file.assertionResults ?? [];
    // A file that fails before any test runs (an import error) has no assertions but a failed status.
    if (!assertions.length && file.status === 'failed')
      results.push({ name: `vitest › ${where}`, outcome: 'failed', reason: firstLine(file.message) });
    for (const a of assertions) {
      const outcome: Outcome = a.status === 'passed' ? 'passed' : a.status === 'failed' ? 'failed' : 'skipped';
      const reason =
        outcome === 'failed'
          ? firstLine(a.failureMessages?.[0])
          : outcome === 'skipped'
            ? `${a.status} in the source`
            : undefined;
      const title = a.title ? [...(a.ancestorTitles ?? []), a.title].join(' › ') : a.fullName;
      results.push({ name: `vitest › ${where} › ${title}`, ...(reason ? { outcome, reason } : { outcome }) });
    }
  }
  return results;
}

// ── The closing summary ───────────────────────────────────────────────────────────────────────────────

export type Counts = { passed: number; failed: number; skipped: number; flaky: number };

export function count(results: TestResult[]): Counts {
  const counts: Counts = { passed: 0, failed: 0, skipped: 0, flaky: 0 };
  for (const r of results) counts[r.outcome] += 1;
  return counts;
}

/**
 * The lines `npm test` ends with and its exit code. `problems` are failed steps with no test to blame
 * (a type error, a build that broke). Flaky counts as failed in the closing line, which keeps the form
 * "N passed, N failed, N skipped". Skips fail the run on CI, where every suite is expected to run.
 */
export function summarize(
  results: TestResult[],
  problems: string[],
  options: { ci: boolean },
): { lines: string[]; ok: boolean } {
  const counts = count(results);
  const lines: string[] = [];
  const list = (title: string, outcome: Outcome) => {
    const matching = results.filter((r) => r.outcome === outcome);
    if (!matching.length) return;
    lines.push('', `${title} (${matching.length}):`);
    for (const r of matching) lines.push(`  - ${r.name}${r.reason ? `: ${r.reason}` : ''}`);
  };
  list('Skipped', 'skipped');
  list('Flaky: failed, then passed on a retry (counted as failed)', 'flaky');
  list('Failed', 'failed');
  if (problems.length) lines.push('', `Problems (${problems.length}):`, ...problems.map((p) => `  - ${p}`));
  // A failed step with no failed test in it still counts, so the closing line never says "0 failed" on a failed run.
  const failedTests = counts.failed + counts.flaky;
  const failed = failedTests || problems.length;
  const skipFails = options.ci && counts.skipped > 0;
  if (skipFails)
    lines.push(
      '',
      `CI: ${counts.skipped} skipped ${counts.skipped === 1 ? 'test fails' : 'tests fail'} the run (every suite must run in CI).`,
    );
  lines.push('', `${counts.passed} passed, ${failed} failed, ${counts.skipped} skipped`);
  return { lines, ok: failed === 0 && !skipFails };
}

// ── RELIABILITY.md ────────────────────────────────────────────────────────────────────────────────────

const suites: { label: string; what: string; match: (name: string) => boolean }[] = [
  { label: 'Vitest: unit and integration', what: '`npx vitest run`', match: (n) => n.startsWith('vitest › ') },
  {
    label: 'Playwright on SQLite',
    what: '`npm run test:e2e` (production build, Chromium)',
    match: (n) => n.startsWith('sqlite › '),
  },
  {
    label: 'Playwright on PostgreSQL',
    what: 'the same specs, `DATABASE_URL=postgresql://…`',
    match: (n) => n.startsWith('postgres › '),
  },
  {
    label: 'Scale-out: two instances, PostgreSQL + Redis',
    what: '`playwright.scale.config.ts`',
    match: (n) => n.startsWith('scale › '),
  },
  {
    label: 'Reliability: load, crash, outages, floods',
    what: '`npm run test:reliability` (parts)',
    match: (n) => n.startsWith('reliability › '),
  },
  {
    label: 'of which: hostile input, every role, headers',
    what: '`tests/e2e/security`, `tests/e2e/site` on both databases',
    match: (n) => /^(sqlite|postgres) › (security|site)\//.test(n),
  },
  {
    label: 'of which: policy engine under hostile text',
    what: '`tests/unit/policy`',
    match: (n) => n.startsWith('vitest › tests/unit/policy/'),
  },
];

/** The counts a full `npm test` writes between RELIABILITY.md's figures:tests markers. */
export function reliabilityBlock(
  results: TestResult[],
  run: { commit: string; date: string; machine: string; ci: boolean },
): string {
  const row = (label: string, what: string, matching: TestResult[]) => {
    const c = count(matching);
    return `| ${label} | ${what} | ${c.passed} | ${c.failed + c.flaky} | ${c.skipped} |`;
  };
  const total = count(results);
  const skipped = results.filter((r) => r.outcome === 'skipped');
  return [
    `Last full \`npm test\`${run.ci ? ' (CI=true)' : ''}: commit \`${run.commit}\`, ${run.date}, ${run.machine}.`,
    `**${total.passed} passed, ${total.failed + total.flaky} failed, ${total.skipped} skipped.** Each suite runs in CI as part of \`npm test\`.`,
    '',
    '| suite | command | passed | failed | skipped |',
    '| --- | --- | --- | --- | --- |',
    ...suites.map((s) =>
      row(
        s.label,
        s.what,
        results.filter((r) => s.match(r.name)),
      ),
    ),
    ...(skipped.length
      ? ['', `Skipped: ${skipped.map((r) => `${r.name} (${r.reason ?? 'no reason'})`).join('; ')}.`]
      : []),
  ].join('\n');
}
