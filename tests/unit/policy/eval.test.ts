// The open evaluation set (tests/policy-eval) as a gate: recall ≥ 95% and false alarms ≤ 1%, overall and
// in every class with at least 20 cases; innocent senses of listed words held, never rejected; and the
// compose-time check saying exactly what the server verdict says about the text, on every case.
import { describe, expect, test } from 'vitest';
import { allCases, runEval } from '../../policy-eval/run';

const report = runEval();
const show = (group: string) =>
  report.failures
    .filter((f) => f.case.group === group)
    .slice(0, 10)
    .map((f) => `${f.verdict.outcome}: ${JSON.stringify(f.case.body)}`)
    .join('\n');

describe('policy evaluation set', () => {
  test('is large enough to mean something', () => {
    expect(allCases.abusive.length).toBeGreaterThanOrEqual(600);
    expect(allCases.innocent.length).toBeGreaterThanOrEqual(600);
  });

  test('overall recall ≥ 95% and false-positive rate ≤ 1%', () => {
    expect(report.overall.recall).toBeGreaterThanOrEqual(0.95);
    expect(report.overall.falsePositiveRate).toBeLessThanOrEqual(0.01);
  });

  for (const row of report.rows.filter((r) => r.cases >= 20)) {
    if (row.kind === 'abusive')
      test(`recall ≥ 95% on ${row.group} (${row.cases} cases)`, () => {
        expect(row.flagged / row.cases, show(row.group)).toBeGreaterThanOrEqual(0.95);
      });
    if (row.kind === 'innocent')
      test(`false alarms ≤ 1% on ${row.group} (${row.cases} cases)`, () => {
        expect(row.flagged / row.cases, show(row.group)).toBeLessThanOrEqual(0.01);
      });
  }

  test('innocent senses of listed words are held with evidence, never rejected', () => {
    expect(report.failures.filter((f) => f.case.group === 'innocent-sense').map((f) => f.case.body)).toEqual([]);
  });

  test('the compose-time check and the server verdict agree on every case', () => {
    expect(report.disagreements.map((c) => c.body)).toEqual([]);
  });
});
