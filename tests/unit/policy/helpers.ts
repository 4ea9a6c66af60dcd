// Builders for policy-engine tests: contexts, policies and evidence assertions.
import { expect } from 'vitest';
import {
  compilePolicy,
  defaultPolicySettings,
  evaluate,
  policySettingsSchema,
  type CompiledPolicy,
  type ClauseId,
  type PolicyContext,
  type PolicySettings,
  type Reason,
  type RuleId,
  type Verdict,
} from '@/lib/policy';

export const NOW = new Date('2026-03-10T12:00:00.000Z');
const second = 1000;
const minute = 60 * second;
const day = 24 * 60 * minute;

export const secondsAgo = (n: number, now = NOW) => new Date(now.getTime() - n * second);
export const minutesAgo = (n: number, now = NOW) => new Date(now.getTime() - n * minute);
export const daysAgo = (n: number, now = NOW) => new Date(now.getTime() - n * day);

export type ContextOverrides = Partial<Omit<PolicyContext, 'author' | 'article'>> & {
  author?: Partial<PolicyContext['author']>;
  article?: Partial<PolicyContext['article']>;
};

/**
 * A reader in good standing on an open, unmoderated story published yesterday: a year-old account with
 * 50 published comments, no rejections, no recent activity. Any reason in a verdict comes from the body
 * or from what the overrides change.
 */
export function trustedContext(overrides: ContextOverrides = {}): PolicyContext {
  const now = overrides.now ?? NOW;
  return {
    now,
    recentByAuthor: [],
    recentByOthers: [],
    recentFromIp: [],
    ...overrides,
    author: {
      id: 'reader-1',
      createdAt: daysAgo(365, now),
      approvedCount: 50,
      rejectedCount: 0,
      publishedCount: 50,
      premoderated: false,
      isStaff: false,
      ...overrides.author,
    },
    article: {
      commentsOpen: true,
      premoderate: false,
      publishedAt: daysAgo(1, now),
      autoCloseDays: null,
      ...overrides.article,
    },
  };
}

/** A brand-new account that has never commented. */
export function newcomerContext(overrides: ContextOverrides = {}): PolicyContext {
  return trustedContext({
    ...overrides,
    author: {
      createdAt: minutesAgo(5, overrides.now ?? NOW),
      approvedCount: 0,
      rejectedCount: 0,
      publishedCount: 0,
      ...overrides.author,
    },
  });
}

export const defaultPolicy: CompiledPolicy = compilePolicy(defaultPolicySettings);

/** The default settings with some changed, validated by the schema the admin form uses. */
export function policyWith(overrides: Partial<PolicySettings>): CompiledPolicy {
  return compilePolicy(policySettingsSchema.parse({ ...defaultPolicySettings, ...overrides }));
}

export function judge(
  body: string,
  context: PolicyContext = trustedContext(),
  policy: CompiledPolicy = defaultPolicy,
): Verdict {
  return evaluate({ body }, context, policy);
}

export function ruleIdsOf(verdict: Verdict | Reason[]): RuleId[] {
  return (Array.isArray(verdict) ? verdict : verdict.reasons).map((reason) => reason.ruleId);
}

/** The one reason for `ruleId`; fails the test when there is none or more than one. */
export function reasonFor(verdict: Verdict | Reason[], ruleId: RuleId): Reason {
  const reasons = (Array.isArray(verdict) ? verdict : verdict.reasons).filter((reason) => reason.ruleId === ruleId);
  expect(reasons, `expected exactly one ${ruleId} reason`).toHaveLength(1);
  return reasons[0]!;
}

/** Outcome, clause and rule of the reason, as the published policy promises them. */
export const ruleContract: Record<RuleId, { outcome: 'hold' | 'reject'; clause: ClauseId }> = {
  'banned-terms': { outcome: 'reject', clause: 'language' },
  'hate-terms': { outcome: 'reject', clause: 'hate-and-threats' },
  'suspect-terms': { outcome: 'hold', clause: 'civility' },
  'uncertain-terms': { outcome: 'hold', clause: 'language' },
  'threat-phrases': { outcome: 'hold', clause: 'hate-and-threats' },
  'group-hate': { outcome: 'hold', clause: 'hate-and-threats' },
  'link-limit': { outcome: 'hold', clause: 'links' },
  'blocked-domain': { outcome: 'reject', clause: 'links' },
  'disguised-link': { outcome: 'hold', clause: 'links' },
  'personal-info': { outcome: 'hold', clause: 'privacy' },
  shouting: { outcome: 'hold', clause: 'language' },
  'duplicate-self': { outcome: 'reject', clause: 'spam' },
  'duplicate-others': { outcome: 'hold', clause: 'spam' },
  'flood-user': { outcome: 'reject', clause: 'spam' },
  'flood-ip': { outcome: 'reject', clause: 'spam' },
  'new-commenter': { outcome: 'hold', clause: 'moderation' },
  'low-trust': { outcome: 'hold', clause: 'moderation' },
  'user-premoderated': { outcome: 'hold', clause: 'moderation' },
  'corrects-rejected': { outcome: 'hold', clause: 'moderation' },
  'comments-closed': { outcome: 'reject', clause: 'moderation' },
  'article-premoderated': { outcome: 'hold', clause: 'moderation' },
  'auto-closed': { outcome: 'reject', clause: 'moderation' },
};

/** Asserts the verdict has exactly these rules, the contract's outcome and clause for each, and the overall outcome. */
export function expectOnly(verdict: Verdict, ...rules: RuleId[]): void {
  expect([...ruleIdsOf(verdict)].sort()).toEqual([...rules].sort());
  for (const reason of verdict.reasons) {
    expect(reason.outcome, reason.ruleId).toBe(ruleContract[reason.ruleId].outcome);
    expect(reason.clause, reason.ruleId).toBe(ruleContract[reason.ruleId].clause);
    expect(reason.message.length, reason.ruleId).toBeGreaterThan(0);
  }
  const expected = rules.some((rule) => ruleContract[rule].outcome === 'reject')
    ? 'reject'
    : rules.length
      ? 'hold'
      : 'publish';
  expect(verdict.outcome).toBe(expected);
}

/**
 * The reason's text spans, each checked against the original body: offsets in range, `text` equal to
 * `body.slice(start, end)`. Returns the quoted texts in order.
 */
export function spanTexts(body: string, reason: Reason): string[] {
  const spans = reason.evidence.filter((e) => e.kind === 'span');
  for (const span of spans) {
    expect(span.start).toBeGreaterThanOrEqual(0);
    expect(span.end).toBeGreaterThan(span.start);
    expect(span.end).toBeLessThanOrEqual(body.length);
    expect(body.slice(span.start, span.end)).toBe(span.text);
  }
  return spans.map((span) => span.text);
}

/** Asserts the reason points at exactly these substrings of the body, in order, at their first occurrences. */
export function expectSpans(body: string, reason: Reason, ...texts: string[]): void {
  expect(spanTexts(body, reason)).toEqual(texts);
  const spans = reason.evidence.filter((e) => e.kind === 'span');
  let from = 0;
  texts.forEach((text, i) => {
    const start = body.indexOf(text, from);
    expect(start, `“${text}” in the body`).toBeGreaterThanOrEqual(0);
    expect(spans[i]).toMatchObject({ start, end: start + text.length });
    from = start + text.length;
  });
}
