// Policy engine throughput: evaluate() on ~1 KB generated comments (seeded, so every run judges the same
// text), with the default policy and with a policy of 2,000 banned/suspect terms, after one warm-up pass over
// the corpus; plus the compile time of that policy. `npx tsx bench/policy.ts [--comments N] [--json]`
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  compilePolicy,
  defaultPolicySettings,
  evaluate,
  type CompiledPolicy,
  type PolicyContext,
  type PolicySettings,
} from '../lib/policy';
import { makeRealisticComments } from './policy-corpus';
import { benchContext as context, generatedTerms, makeComments, prng } from './policy-generated';

export type PolicyBenchRun = {
  corpus: string;
  policy: string;
  terms: number;
  comments: number;
  commentsPerSecond: number;
  p50Us: number;
  p99Us: number;
  outcomes: Record<string, number>;
};
export type PolicyBenchResult = {
  machine: { cpu: string; cores: number; node: string; platform: string };
  commentBytes: { mean: number; realistic: number; realisticNonAscii: number };
  compile: { terms: number; medianMs: number; maxMs: number };
  runs: PolicyBenchRun[];
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

function measure(
  corpus: string,
  label: string,
  terms: number,
  policy: CompiledPolicy,
  comments: readonly string[],
  contexts: readonly PolicyContext[],
  warmup: number,
): PolicyBenchRun {
  for (let i = 0; i < warmup; i++)
    evaluate({ body: comments[i % comments.length]! }, contexts[i % contexts.length]!, policy);
  const samples = new Float64Array(comments.length);
  const outcomes: Record<string, number> = { publish: 0, hold: 0, reject: 0 };
  const started = process.hrtime.bigint();
  for (let i = 0; i < comments.length; i++) {
    const t = process.hrtime.bigint();
    const verdict = evaluate({ body: comments[i]! }, contexts[i % contexts.length]!, policy);
    samples[i] = Number(process.hrtime.bigint() - t) / 1000;
    outcomes[verdict.outcome]!++;
  }
  const totalSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    corpus,
    policy: label,
    terms,
    comments: comments.length,
    commentsPerSecond: Math.round(comments.length / totalSeconds),
    p50Us: Math.round(percentile(sorted, 50)),
    p99Us: Math.round(percentile(sorted, 99)),
    outcomes,
  };
}

export async function main(
  options: { comments?: number; warmup?: number; seed?: number } = {},
): Promise<PolicyBenchResult> {
  const count = options.comments ?? 5000;
  // One pass over the corpus first: a server judges comments all day, so the figure is a warmed engine's (the
  // first thousand calls also compile the engine's code and fill the fingerprint memo with the recent comments).
  const warmup = options.warmup ?? count;
  const random = prng(options.seed ?? 20260310);
  const now = new Date('2026-03-10T12:00:00Z');

  // 2,000 terms in all across the banned and suspect lists: the defaults plus generated words.
  const defaultsCount = defaultPolicySettings.bannedTerms.length + defaultPolicySettings.suspectTerms.length;
  const extra = generatedTerms(2000 - defaultsCount, random);
  const half = Math.floor(extra.length / 2);
  const bigSettings: PolicySettings = {
    ...defaultPolicySettings,
    bannedTerms: [...defaultPolicySettings.bannedTerms, ...extra.slice(0, half)],
    suspectTerms: [...defaultPolicySettings.suspectTerms, ...extra.slice(half)],
  };
  const bigTerms = bigSettings.bannedTerms.length + bigSettings.suspectTerms.length;

  const compileTimes: number[] = [];
  let bigPolicy = compilePolicy(bigSettings);
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    bigPolicy = compilePolicy(bigSettings);
    compileTimes.push(performance.now() - t);
  }
  compileTimes.sort((a, b) => a - b);

  const comments = makeComments(count, random, extra.slice(0, 50));
  const contexts = Array.from({ length: 64 }, () => context(random, now, comments));
  const defaultPolicy = compilePolicy(defaultPolicySettings);

  // Realistic comments: their own contexts, drawn from the same corpus (recent comments look alike too).
  const realistic = makeRealisticComments(count, random);
  const realisticContexts = Array.from({ length: 64 }, () => context(random, now, realistic));

  const runs = [
    measure('generated', 'default', defaultsCount, defaultPolicy, comments, contexts, warmup),
    measure('generated', '2,000 terms', bigTerms, bigPolicy, comments, contexts, warmup),
    measure('realistic', 'default', defaultsCount, defaultPolicy, realistic, realisticContexts, warmup),
    measure('realistic', '2,000 terms', bigTerms, bigPolicy, realistic, realisticContexts, warmup),
  ];
  const cpu = os.cpus()[0];
  return {
    machine: {
      cpu: cpu?.model.trim() ?? 'unknown',
      cores: os.cpus().length,
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
    },
    commentBytes: {
      mean: Math.round(comments.reduce((sum, c) => sum + Buffer.byteLength(c), 0) / comments.length),
      realistic: Math.round(realistic.reduce((sum, c) => sum + Buffer.byteLength(c), 0) / realistic.length),
      realisticNonAscii: Math.round((realistic.filter((c) => /[^\x00-\x7f]/.test(c)).length / realistic.length) * 100),
    },
    compile: {
      terms: bigTerms,
      medianMs: Number(compileTimes[3]!.toFixed(2)),
      maxMs: Number(compileTimes.at(-1)!.toFixed(2)),
    },
    runs,
  };
}

function print(result: PolicyBenchResult) {
  const { machine, compile, runs, commentBytes } = result;
  console.log(
    `policy engine benchmark · ${machine.cpu} × ${machine.cores} · node ${machine.node} · ${machine.platform}`,
  );
  console.log(
    `comments: ${runs[0]!.comments.toLocaleString('en-US')} generated, mean ${commentBytes.mean} bytes; as many realistic, mean ${commentBytes.realistic} bytes, ${commentBytes.realisticNonAscii}% with non-ASCII`,
  );
  console.log(
    `load average: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `compile ${compile.terms.toLocaleString('en-US')}-term policy: median ${compile.medianMs} ms (max ${compile.maxMs} ms of 7)`,
  );
  for (const r of runs) {
    const mix = Object.entries(r.outcomes)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(
      `evaluate ${r.corpus}, ${r.policy} (${r.terms} terms): ${r.commentsPerSecond.toLocaleString('en-US')} comments/s · p50 ${r.p50Us} µs · p99 ${r.p99Us} µs · ${mix}`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { comments: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const result = await main({ comments: values.comments ? Number(values.comments) : undefined });
  if (values.json) console.log(JSON.stringify(result));
  else print(result);
}
