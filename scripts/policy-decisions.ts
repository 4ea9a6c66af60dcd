// Every decision of the policy engine on a fixed body of text, one JSON line each (outcome, rules, clauses,
// messages, evidence spans), so that a change meant only to make the engine faster can be shown to decide
// exactly as before: run it on the old engine and on the new one and compare the files.
//   npx tsx scripts/policy-decisions.ts > before.jsonl
//   POLICY_ENGINE=/path/to/other/lib/policy/index.ts npx tsx scripts/policy-decisions.ts > after.jsonl
//   cmp before.jsonl after.jsonl
// The text: every case of the evaluation sets (gated and held out) with its own recent comments, variants of
// them (capitals, two cases run together, a case inside realistic text, busy contexts), the bench corpora (generated and
// realistic, with the benchmark's contexts, default policy and 2,000 terms) and the bounded-cost inputs
// against their 2,000-term policy with 100-character terms. Each body is judged by evaluate and checkDraft.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type * as PolicyModule from '../lib/policy';
import { makeRealisticComments } from '../bench/policy-corpus';
import { benchContext, generatedTerms, makeComments, prng } from '../bench/policy-generated';
import { adversarial, policy as adversarialPolicy } from '../tests/policy-eval/adversarial';
import { allCases, contextFor, reportedSets } from '../tests/policy-eval/run';
import type { EvalCase } from '../tests/policy-eval/types';

const enginePath = process.env.POLICY_ENGINE;
const engine = (await import(
  enginePath ? pathToFileURL(enginePath).href : '../lib/policy/index.ts'
)) as typeof PolicyModule;
const { checkDraft, compilePolicy, defaultPolicySettings, evaluate } = engine;
type PolicyContext = PolicyModule.PolicyContext;

const out: string[] = [];
const record = (id: string, verdict: unknown, draft: unknown) => out.push(JSON.stringify({ id, verdict, draft }));

const defaultPolicy = compilePolicy(defaultPolicySettings);
const judge = (id: string, body: string, context: PolicyContext, policy = defaultPolicy) =>
  record(id, evaluate({ body }, context, policy), checkDraft(body, policy));

// The evaluation sets, as `npm run policy:eval` judges them.
const sets: [string, readonly EvalCase[]][] = [
  ['abusive', allCases.abusive],
  ['innocent', allCases.innocent],
  ['ambiguous', allCases.ambiguous],
  ...reportedSets.flatMap((set, k): [string, readonly EvalCase[]][] => [
    [`reported${k}-abusive`, set.abusive],
    [`reported${k}-innocent`, set.innocent],
  ]),
];
const everyCase = sets.flatMap(([, cases]) => cases);
for (const [name, cases] of sets) cases.forEach((c, i) => judge(`${name}:${i}`, c.body, contextFor(c)));

// Variants of the cases: in capitals, two in a row, and inside ~1 KB of realistic text.
const random = prng(1414);
const filler = makeRealisticComments(everyCase.length, random);
everyCase.forEach((c, i) => {
  const context = contextFor({ ...c, recentByAuthor: [], recentByOthers: [] });
  judge(`upper:${i}`, c.body.toUpperCase(), context);
  judge(`pair:${i}`, `${c.body}\n${everyCase[(i + 1) % everyCase.length]!.body}`, context);
  const text = filler[i]!;
  const cut = text.indexOf(' ', Math.floor(text.length / 2));
  judge(`inside:${i}`, `${text.slice(0, cut)} ${c.body} ${text.slice(cut + 1)}`, context);
});

// Busy contexts: flooding from the account and the address, and the same text from other accounts.
everyCase.slice(0, 400).forEach((c, i) => {
  const base = contextFor({ ...c, recentByAuthor: [], recentByOthers: [] });
  const secondsAgo = (n: number) => new Date(base.now.getTime() - n * 1000);
  judge(`busy:${i}`, c.body, {
    ...base,
    recentByAuthor: Array.from({ length: 3 + (i % 5) }, (_, k) => ({
      body: `Earlier ${k}`,
      createdAt: secondsAgo(5 + k * 9),
    })),
    recentFromIp: Array.from({ length: 15 + (i % 10) }, (_, k) => ({ createdAt: secondsAgo(2 + k * 3) })),
    recentByOthers: Array.from({ length: 1 + (i % 3) }, (_, k) => ({
      body: k === 0 ? `${c.body} Thanks!` : c.body,
      authorId: k === 2 ? base.author.id : `other-${k}`,
      createdAt: secondsAgo(30 + k),
    })),
  });
});

// The bench corpora, built exactly as bench/policy.ts builds them.
const benchRandom = prng(20260310);
const now = new Date('2026-03-10T12:00:00Z');
const contextFrom = (pool: readonly string[]) => benchContext(benchRandom, now, pool);
const defaultsCount = defaultPolicySettings.bannedTerms.length + defaultPolicySettings.suspectTerms.length;
const extra = generatedTerms(2000 - defaultsCount, benchRandom);
const half = Math.floor(extra.length / 2);
const bigPolicy = compilePolicy({
  ...defaultPolicySettings,
  bannedTerms: [...defaultPolicySettings.bannedTerms, ...extra.slice(0, half)],
  suspectTerms: [...defaultPolicySettings.suspectTerms, ...extra.slice(half)],
});
const count = 5000;
const generated = makeComments(count, benchRandom, extra.slice(0, 50));
const generatedContexts = Array.from({ length: 64 }, () => contextFrom(generated));
const realistic = makeRealisticComments(count, benchRandom);
const realisticContexts = Array.from({ length: 64 }, () => contextFrom(realistic));
for (const [name, policy] of [
  ['default', defaultPolicy],
  ['2000', bigPolicy],
] as const) {
  generated.forEach((body, i) => judge(`generated-${name}:${i}`, body, generatedContexts[i % 64]!, policy));
  realistic.forEach((body, i) => judge(`realistic-${name}:${i}`, body, realisticContexts[i % 64]!, policy));
}

// The bounded-cost inputs against their own policy (rebuilt with the engine under test).
const adversarialCompiled = compilePolicy(adversarialPolicy.settings);
const quiet = contextFor({ group: '', body: '', expect: 'publish' });
for (const [name, body] of adversarial) judge(`adversarial:${name}`, body, quiet, adversarialCompiled);

process.stdout.write(`${out.join('\n')}\n`);
process.stderr.write(
  `${out.length} decisions, sha256 ${createHash('sha256').update(out.join('\n')).digest('hex').slice(0, 16)}\n`,
);
