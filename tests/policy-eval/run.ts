// Runs the open evaluation set through the engine exactly as the server judges a comment (evaluate, an
// established reader on an open story, the recent comments the case supplies) and scores it. The CLI is
// scripts/policy-eval.ts (`npm run policy:eval`); tests/unit/policy/eval.test.ts enforces the thresholds on
// allCases. The held-out sets (reportedSets, runReported) are only reported, never gated.
import {
  checkDraft,
  compilePolicy,
  defaultPolicySettings,
  evaluate,
  type CompiledPolicy,
  type PolicyContext,
  type Verdict,
} from '../../lib/policy';
import { abusiveCases } from './abusive';
import { blindAbusiveCases, blindInnocentCases } from './blind';
import { heldOutAbusive, heldOutInnocent } from './held-out';
import { heldOut2Abusive, heldOut2Innocent } from './held-out-2';
import { heldOut3Abusive, heldOut3Innocent } from './held-out-3';
import { ambiguousCases, innocentCases } from './innocent';
import { innocentAfterOthers, repostCases } from './reposts';
import type { EvalCase } from './types';

export const allCases = {
  abusive: [...abusiveCases, ...repostCases, ...blindAbusiveCases],
  innocent: [...innocentCases, ...innocentAfterOthers, ...blindInnocentCases],
  ambiguous: ambiguousCases,
};

const now = new Date('2026-03-10T12:00:00Z');
const minutesAgo = (n: number) => new Date(now.getTime() - n * 60_000);

/** A year-old account in good standing, so only the text (and the recent comments given) can trip a rule. */
export function contextFor(c: EvalCase): PolicyContext {
  return {
    now,
    author: {
      id: 'eval-reader',
      createdAt: minutesAgo(365 * 24 * 60),
      approvedCount: 50,
      rejectedCount: 0,
      publishedCount: 50,
      premoderated: false,
      isStaff: false,
    },
    article: { commentsOpen: true, premoderate: false, publishedAt: minutesAgo(24 * 60), autoCloseDays: null },
    recentByAuthor: (c.recentByAuthor ?? []).map((body, i) => ({ body, createdAt: minutesAgo(2 + i) })),
    recentByOthers: (c.recentByOthers ?? []).map((body, i) => ({
      body,
      authorId: `other-${i}`,
      createdAt: minutesAgo(1 + i),
    })),
    recentFromIp: [],
  };
}

export type CaseResult = { case: EvalCase; verdict: Verdict; passed: boolean; flagged: boolean };
export type GroupRow = {
  group: string;
  kind: 'abusive' | 'innocent' | 'ambiguous';
  cases: number;
  flagged: number;
  passed: number;
};
export type EvalReport = {
  rows: GroupRow[];
  overall: {
    abusive: number;
    caught: number;
    innocent: number;
    falseAlarms: number;
    recall: number;
    precision: number;
    falsePositiveRate: number;
  };
  failures: CaseResult[];
  /** Cases where the compose-time check (checkDraft) and the server verdict disagree on the text reasons. */
  disagreements: EvalCase[];
};

function passes(c: EvalCase, verdict: Verdict): boolean {
  switch (c.expect) {
    case 'publish':
      return verdict.outcome === 'publish';
    case 'flag':
      return verdict.outcome !== 'publish';
    default:
      return verdict.outcome === c.expect;
  }
}

const textRules = new Set([
  'banned-terms',
  'hate-terms',
  'suspect-terms',
  'threat-phrases',
  'group-hate',
  'uncertain-terms',
  'link-limit',
  'blocked-domain',
  'disguised-link',
  'personal-info',
  'shouting',
]);

export function runEval(policy: CompiledPolicy = compilePolicy(defaultPolicySettings)): EvalReport {
  return scoreSets(allCases, policy);
}

/** Sets reported by `npm run policy:eval` in their own sections, never gated by the unit tests. */
export const reportedSets = [
  {
    title:
      'Held out 2 (written in session 7 without reading the engine or the other sets; the engine was tuned on its failure classes in session 8, issue 14)',
    abusive: heldOut2Abusive,
    innocent: heldOut2Innocent,
  },
  {
    title: 'Held out 3 (written 2026-11-28 without reading the engine or the other sets; never tuned on)',
    abusive: heldOut3Abusive,
    innocent: heldOut3Innocent,
  },
  {
    title: 'Held out 1 (written in session 6 after tuning; the engine was tuned on its failures in session 7)',
    abusive: heldOutAbusive,
    innocent: heldOutInnocent,
  },
];

export function runReported(policy: CompiledPolicy = compilePolicy(defaultPolicySettings)) {
  return reportedSets.map((set) => ({
    title: set.title,
    report: scoreSets({ abusive: set.abusive, innocent: set.innocent, ambiguous: [] }, policy),
  }));
}

function scoreSets(
  sets: { abusive: readonly EvalCase[]; innocent: readonly EvalCase[]; ambiguous: readonly EvalCase[] },
  policy: CompiledPolicy,
): EvalReport {
  const rows = new Map<string, GroupRow>();
  const failures: CaseResult[] = [];
  const disagreements: EvalCase[] = [];
  let caught = 0;
  let falseAlarms = 0;
  const score = (kind: GroupRow['kind'], list: readonly EvalCase[]) => {
    for (const c of list) {
      const verdict = evaluate({ body: c.body }, contextFor(c), policy);
      const flagged = verdict.outcome !== 'publish';
      const passed = passes(c, verdict);
      const row = rows.get(`${kind}:${c.group}`) ?? { group: c.group, kind, cases: 0, flagged: 0, passed: 0 };
      row.cases++;
      if (flagged) row.flagged++;
      if (passed) row.passed++;
      rows.set(`${kind}:${c.group}`, row);
      if (kind === 'abusive' && flagged) caught++;
      if (kind === 'innocent' && flagged) falseAlarms++;
      if (!passed) failures.push({ case: c, verdict, passed, flagged });
      // The compose box must say what the server will say about the text.
      const server = verdict.reasons.filter((r) => textRules.has(r.ruleId));
      const draft = checkDraft(c.body, policy);
      if (JSON.stringify(server) !== JSON.stringify(draft)) disagreements.push(c);
    }
  };
  score('abusive', sets.abusive);
  score('innocent', sets.innocent);
  score('ambiguous', sets.ambiguous);
  const abusive = sets.abusive.length;
  const innocent = sets.innocent.length;
  return {
    rows: [...rows.values()],
    overall: {
      abusive,
      caught,
      innocent,
      falseAlarms,
      recall: caught / abusive,
      precision: caught / Math.max(1, caught + falseAlarms),
      falsePositiveRate: falseAlarms / innocent,
    },
    failures,
    disagreements,
  };
}
