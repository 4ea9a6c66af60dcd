// `npm run policy:eval`: the open evaluation set (tests/policy-eval) through the default policy.
// Prints recall per class of evasion, false alarms per kind of innocent comment, the overall precision,
// recall and false-positive rate, and every failure. `--markdown` prints the table for BENCHMARKS.md.
// Then the reported sets (tests/policy-eval/run.ts reportedSets: the held-out sets, not gated by npm test), each
// in its own section with its own figures and failures; `--markdown` leaves them out.
import { runEval, runReported, type EvalReport } from '../tests/policy-eval/run';

const markdown = process.argv.includes('--markdown');
const report = runEval();
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

const headings = {
  abusive: 'Abusive and evasive (recall = flagged / cases)',
  innocent: 'Innocent (false alarms = flagged / cases)',
  ambiguous: 'Innocent senses of listed words (must be held, never rejected)',
} as const;

/** One set's groups, overall figures, failures and compose/server disagreements. */
function printReport(title: string, { rows, overall: o, failures, disagreements }: EvalReport, width: number) {
  console.log(`\n\n${title}`);
  for (const kind of ['abusive', 'innocent', 'ambiguous'] as const) {
    const kindRows = rows.filter((r) => r.kind === kind);
    if (!kindRows.length) continue;
    console.log(`\n${headings[kind]}`);
    for (const row of kindRows) {
      const figure =
        kind === 'abusive'
          ? `recall ${pct(row.flagged / row.cases)}`
          : kind === 'innocent'
            ? `false alarms ${pct(row.flagged / row.cases)}`
            : `as expected ${row.passed}/${row.cases}`;
      const strict =
        kind === 'abusive' && row.passed !== row.flagged ? ` (outcome as expected ${row.passed}/${row.cases})` : '';
      console.log(`  ${row.group.padEnd(width)} ${String(row.cases).padStart(4)} cases  ${figure}${strict}`);
    }
  }
  console.log(
    `\nOverall: ${o.abusive} abusive, ${o.innocent} innocent · recall ${pct(o.recall)} · precision ${pct(o.precision)} · false-positive rate ${pct(o.falsePositiveRate)} (${o.falseAlarms} false alarms)`,
  );
  console.log(`compose-time check and server verdict disagree on ${disagreements.length} cases`);
  if (failures.length) console.log(`\nFailures (${failures.length}):`);
  for (const f of failures)
    console.log(
      `  [${f.case.group}] expected ${f.case.expect}, got ${f.verdict.outcome}${f.verdict.reasons.length ? ` (${f.verdict.reasons.map((r) => r.ruleId).join(', ')})` : ''}: ${JSON.stringify(f.case.body)}`,
    );
  for (const c of disagreements) console.log(`  disagreement: ${JSON.stringify(c.body)}`);
}

if (markdown) {
  console.log('| kind | class | cases | flagged | recall / false alarms | passed |\n|---|---|---:|---:|---:|---:|');
  for (const row of report.rows) {
    const rate =
      row.kind === 'innocent'
        ? `${pct(row.flagged / row.cases)} FP`
        : row.kind === 'abusive'
          ? `${pct(row.flagged / row.cases)} recall`
          : 'held, not rejected';
    console.log(
      `| ${row.kind} | ${row.group} | ${row.cases} | ${row.flagged} | ${rate} | ${row.passed}/${row.cases} |`,
    );
  }
} else {
  printReport('Open and blind sets (gated by npm test: recall ≥ 95%, false alarms ≤ 1%)', report, 26);
  for (const { title, report: reported } of runReported()) printReport(`${title}: reported, not gated`, reported, 60);
}
