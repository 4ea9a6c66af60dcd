// `npm run policy:eval`: the open evaluation set (tests/policy-eval) through the default policy.
// Prints recall per class of evasion, false alarms per kind of innocent comment, the overall precision,
// recall and false-positive rate, and every failure. `--markdown` prints the table for BENCHMARKS.md.
// Then the held-out set (tests/policy-eval/held-out.ts, never used to tune the engine and not gated by npm test)
// as its own section with its own figures and failures; `--markdown` leaves it out.
import { runEval, runHeldOut } from '../tests/policy-eval/run';

const markdown = process.argv.includes('--markdown');
const report = runEval();
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

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
  for (const kind of ['abusive', 'innocent', 'ambiguous'] as const) {
    console.log(
      `\n${kind === 'abusive' ? 'Abusive and evasive (recall = flagged / cases)' : kind === 'innocent' ? 'Innocent (false alarms = flagged / cases)' : 'Innocent senses of listed words (must be held, never rejected)'}`,
    );
    for (const row of report.rows.filter((r) => r.kind === kind)) {
      const figure =
        kind === 'abusive'
          ? `recall ${pct(row.flagged / row.cases)}`
          : kind === 'innocent'
            ? `false alarms ${pct(row.flagged / row.cases)}`
            : `as expected ${row.passed}/${row.cases}`;
      const strict =
        kind === 'abusive' && row.passed !== row.flagged ? ` (outcome as expected ${row.passed}/${row.cases})` : '';
      console.log(`  ${row.group.padEnd(26)} ${String(row.cases).padStart(4)} cases  ${figure}${strict}`);
    }
  }
}
const o = report.overall;
console.log(
  `\nOverall: ${o.abusive} abusive, ${o.innocent} innocent · recall ${pct(o.recall)} · precision ${pct(o.precision)} · false-positive rate ${pct(o.falsePositiveRate)} (${o.falseAlarms} false alarms)`,
);
console.log(`compose-time check and server verdict disagree on ${report.disagreements.length} cases`);
if (report.failures.length) {
  console.log(`\nFailures (${report.failures.length}):`);
  for (const f of report.failures)
    console.log(
      `  [${f.case.group}] expected ${f.case.expect}, got ${f.verdict.outcome}${f.verdict.reasons.length ? ` (${f.verdict.reasons.map((r) => r.ruleId).join(', ')})` : ''}: ${JSON.stringify(f.case.body)}`,
    );
}
for (const c of report.disagreements) console.log(`  disagreement: ${JSON.stringify(c.body)}`);

if (!markdown) {
  const held = runHeldOut();
  console.log('\n\nHeld out (not used to tune the engine; reported, not gated by npm test)');
  for (const kind of ['abusive', 'innocent'] as const) {
    console.log(
      kind === 'abusive' ? '  Abusive (recall = flagged / cases)' : '  Innocent (false alarms = flagged / cases)',
    );
    for (const row of held.rows.filter((r) => r.kind === kind)) {
      const figure =
        kind === 'abusive' ? `recall ${pct(row.flagged / row.cases)}` : `false alarms ${pct(row.flagged / row.cases)}`;
      console.log(`    ${row.group.padEnd(48)} ${String(row.cases).padStart(4)} cases  ${figure}`);
    }
  }
  const h = held.overall;
  console.log(
    `\nHeld out overall: ${h.abusive} abusive, ${h.innocent} innocent · recall ${pct(h.recall)} · precision ${pct(h.precision)} · false-positive rate ${pct(h.falsePositiveRate)} (${h.falseAlarms} false alarms)`,
  );
  console.log(`held out: compose-time check and server verdict disagree on ${held.disagreements.length} cases`);
  if (held.failures.length) {
    console.log(`\nHeld-out failures (${held.failures.length}):`);
    for (const f of held.failures)
      console.log(
        `  [${f.case.group}] expected ${f.case.expect}, got ${f.verdict.outcome}${f.verdict.reasons.length ? ` (${f.verdict.reasons.map((r) => r.ruleId).join(', ')})` : ''}: ${JSON.stringify(f.case.body)}`,
      );
  }
  for (const c of held.disagreements) console.log(`  held-out disagreement: ${JSON.stringify(c.body)}`);
}
