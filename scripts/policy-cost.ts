// The bounded-cost inputs (tests/policy-eval/adversarial.ts) with their timings: best of 7 runs of the
// server verdict plus the compose-time check, 2,000-term policy with 100-character terms. For BENCHMARKS.md.
import os from 'node:os';
import { adversarial, bestMs, termCount } from '../tests/policy-eval/adversarial';

console.log(
  `${termCount} terms · load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
let worst = 0;
for (const [name, body] of adversarial) {
  const ms = bestMs(body);
  worst = Math.max(worst, ms);
  console.log(`| ${name} | ${ms.toFixed(2)} ms |`);
}
console.log(`worst: ${worst.toFixed(2)} ms`);
