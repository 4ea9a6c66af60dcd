// Every rule in ruleIds: one case that trips it and one that does not, with outcome, clause and evidence.
import { describe, expect, test } from 'vitest';
import { ruleIds, type Evidence, type PolicyContext, type RuleId, type Verdict } from '@/lib/policy';
import {
  daysAgo,
  defaultPolicy,
  expectOnly,
  expectSpans,
  judge,
  minutesAgo,
  newcomerContext,
  policyWith,
  reasonFor,
  ruleContract,
  secondsAgo,
  trustedContext,
} from './helpers';
import type { CompiledPolicy } from '@/lib/policy';

type Case = {
  body: string;
  context?: PolicyContext;
  policy?: CompiledPolicy;
  /** Offending substrings the span evidence must point at, in order. */
  spans?: string[];
  /** Non-span evidence expected (matched with toMatchObject, in order). */
  evidence?: Partial<Evidence>[];
};

const sameTextBody = 'The council should publish the full traffic survey before deciding.';
const fiveRecent = [10, 20, 30, 40, 50].map((s) => ({ body: `Earlier comment ${s}`, createdAt: secondsAgo(s) }));

const positive: Record<RuleId, Case> = {
  'banned-terms': { body: 'This plan is bullshit from start to finish.', spans: ['bullshit'] },
  'hate-terms': { body: 'Typical of a raghead to say that.', spans: ['raghead'] },
  'suspect-terms': { body: 'Only an idiot would believe the minister.', spans: ['idiot'] },
  'uncertain-terms': { body: 'Her bitch had six puppies, and the phuckers sold them.', spans: ['bitch', 'phuckers'] },
  'threat-phrases': { body: 'People like that should be shot, frankly.', spans: ['should be shot'] },
  'group-hate': { body: 'Refugees are a plague on every town they reach.', spans: ['Refugees are a plague'] },
  'link-limit': {
    body: 'Sources: https://a.example.org/1 https://b.example.org/2 and www.c.example.org/3',
    spans: ['https://a.example.org/1', 'https://b.example.org/2', 'www.c.example.org/3'],
    evidence: [{ kind: 'count', count: 3, limit: 2 }],
  },
  'blocked-domain': { body: 'Cheap tickets at https://spam.example/deal today!', spans: ['https://spam.example/deal'] },
  'disguised-link': {
    body: 'The real story is here: hxxp://truth-news.example/article and cheap-meds dot com',
    spans: ['hxxp://truth-news.example/article', 'cheap-meds dot com'],
  },
  'personal-info': { body: 'Ring the landlord on 020 7946 0958 and complain.', spans: ['020 7946 0958'] },
  shouting: {
    body: 'THIS IS AN OUTRAGE AND EVERYONE ON THE COUNCIL SHOULD RESIGN TODAY',
    evidence: [{ kind: 'count', count: 100, limit: 70 }],
  },
  'duplicate-self': {
    body: sameTextBody,
    context: trustedContext({
      recentByAuthor: [
        { body: 'the council should publish the FULL traffic survey, before deciding!!', createdAt: minutesAgo(3) },
      ],
    }),
    evidence: [{ kind: 'count', count: 2, limit: 1, windowSeconds: 600 }],
  },
  'duplicate-others': {
    body: sameTextBody,
    context: trustedContext({
      recentByOthers: [
        { body: sameTextBody, authorId: 'sock-1', createdAt: minutesAgo(2) },
        { body: sameTextBody.toUpperCase(), authorId: 'sock-2', createdAt: minutesAgo(4) },
      ],
    }),
    evidence: [{ kind: 'count', count: 2, limit: 2, windowSeconds: 600 }],
  },
  'flood-user': {
    body: 'One more thought on the bypass.',
    context: trustedContext({ recentByAuthor: fiveRecent }),
    // The comment from 50 s ago leaves the one-minute window in 10 s.
    evidence: [
      { kind: 'count', count: 5, limit: 5, windowSeconds: 60 },
      { kind: 'retry', retryAfterSeconds: 10 },
    ],
  },
  'flood-ip': {
    body: 'Hello from the office network.',
    context: trustedContext({ recentFromIp: Array.from({ length: 20 }, (_, i) => ({ createdAt: secondsAgo(2 + i) })) }),
    evidence: [
      { kind: 'count', count: 20, limit: 20, windowSeconds: 60 },
      { kind: 'retry', retryAfterSeconds: 39 },
    ],
  },
  'new-commenter': {
    body: 'First time commenting, long-time reader.',
    context: newcomerContext(),
    evidence: [{ kind: 'count', count: 0, limit: 1 }],
  },
  'low-trust': {
    body: 'I still think the decision was wrong.',
    context: trustedContext({
      author: { createdAt: daysAgo(10), approvedCount: 3, publishedCount: 3, rejectedCount: 2 },
    }),
    // 3 published − 3 × 2 rejected + 10/30 days of age = −2.7, below −2.
    evidence: [{ kind: 'count', count: -2.7, limit: -2 }],
  },
  'user-premoderated': {
    body: 'A perfectly polite comment.',
    context: trustedContext({ author: { premoderated: true } }),
    evidence: [{ kind: 'setting', setting: 'user.premoderated' }],
  },
  'corrects-rejected': {
    body: 'The corrected version, on topic now.',
    context: trustedContext({ corrects: { rejectedBy: 'moderator' } }),
    evidence: [{ kind: 'setting', setting: 'comment.corrects' }],
  },
  'comments-closed': {
    body: 'A perfectly polite comment.',
    context: trustedContext({ article: { commentsOpen: false } }),
    evidence: [{ kind: 'setting', setting: 'article.commentsOpen' }],
  },
  'article-premoderated': {
    body: 'A perfectly polite comment.',
    context: trustedContext({ article: { premoderate: true } }),
    evidence: [{ kind: 'setting', setting: 'article.premoderate' }],
  },
  'auto-closed': {
    body: 'A perfectly polite comment.',
    context: trustedContext({ article: { publishedAt: daysAgo(8) } }),
    policy: policyWith({ autoCloseDays: 7 }),
    evidence: [{ kind: 'setting', setting: 'autoCloseDays' }],
  },
};

// Near misses: the same situation just on the right side of each rule.
const negative: Record<RuleId, Case> = {
  'banned-terms': { body: 'This plan is bull from start to finish; the assessment was a classic shambles.' },
  'hate-terms': { body: 'The spice market was busy; the coonhound show was cancelled.' },
  'uncertain-terms': { body: 'Pussy Riot played on Dyke Road; the raccoon and the coonhound slept.' },
  'suspect-terms': { body: 'Only an idiom would express it better.' },
  'threat-phrases': { body: 'People like that should be shown the door at the next election.' },
  'group-hate': { body: 'Refugees are a tiny share of arrivals, and the plague of rats is in the docks.' },
  'link-limit': { body: 'Sources: https://a.example.org/1 and https://b.example.org/2' },
  'blocked-domain': { body: 'Tickets at https://notspam.example/deal and https://spam.example.org/ today.' },
  'disguised-link': {
    body: 'Remember the dot com crash? The story is on https://www.bbc.co.uk/news, v2.3.1 fixed it.',
  },
  'personal-info': { body: 'The 2019-2020 budget was £1,250,000 and rose 3.5% on 14.05.2024.' },
  shouting: { body: 'NO WAY. The BBC, the NHS and NASA all confirmed it on Tuesday afternoon.' },
  'duplicate-self': {
    body: sameTextBody,
    context: trustedContext({ recentByAuthor: [{ body: sameTextBody, createdAt: minutesAgo(11) }] }),
  },
  'duplicate-others': {
    body: sameTextBody,
    // Two comments, but from one other account.
    context: trustedContext({
      recentByOthers: [
        { body: sameTextBody, authorId: 'sock-1', createdAt: minutesAgo(2) },
        { body: sameTextBody, authorId: 'sock-1', createdAt: minutesAgo(4) },
      ],
    }),
  },
  'flood-user': {
    body: 'One more thought on the bypass.',
    context: trustedContext({
      recentByAuthor: [...fiveRecent.slice(0, 4), { body: 'Old', createdAt: secondsAgo(61) }],
    }),
  },
  'flood-ip': {
    body: 'Hello from the office network.',
    context: trustedContext({ recentFromIp: Array.from({ length: 19 }, (_, i) => ({ createdAt: secondsAgo(2 + i) })) }),
  },
  'new-commenter': {
    body: 'Second comment from a new account.',
    context: newcomerContext({ author: { publishedCount: 1, approvedCount: 1 } }),
  },
  'low-trust': {
    body: 'I still think the decision was wrong.',
    context: trustedContext({
      author: { createdAt: daysAgo(40), approvedCount: 3, publishedCount: 3, rejectedCount: 2 },
    }),
  },
  'user-premoderated': {
    body: 'A perfectly polite comment.',
    context: trustedContext({ author: { premoderated: false } }),
  },
  // Correcting an automatic rejection is judged by the rules alone.
  'corrects-rejected': {
    body: 'The corrected version, polite now.',
    context: trustedContext({ corrects: { rejectedBy: 'rules' } }),
  },
  'comments-closed': {
    body: 'A perfectly polite comment.',
    context: trustedContext({ article: { commentsOpen: true } }),
  },
  'article-premoderated': {
    body: 'A perfectly polite comment.',
    context: trustedContext({ article: { premoderate: false } }),
  },
  'auto-closed': {
    body: 'A perfectly polite comment.',
    context: trustedContext({ article: { publishedAt: daysAgo(6) } }),
    policy: policyWith({ autoCloseDays: 7 }),
  },
};

const verdictOf = (c: Case): Verdict => judge(c.body, c.context ?? trustedContext(), c.policy ?? defaultPolicy);

test('the tables cover every rule the engine defines', () => {
  expect(Object.keys(positive).sort()).toEqual([...ruleIds].sort());
  expect(Object.keys(negative).sort()).toEqual([...ruleIds].sort());
});

describe.each([...ruleIds])('%s', (ruleId) => {
  test('trips on its positive case, alone, with the contract outcome, clause and evidence', () => {
    const c = positive[ruleId];
    const verdict = verdictOf(c);
    expectOnly(verdict, ruleId);
    const reason = reasonFor(verdict, ruleId);
    expect(reason.outcome).toBe(ruleContract[ruleId].outcome);
    expect(reason.clause).toBe(ruleContract[ruleId].clause);
    expectSpans(c.body, reason, ...(c.spans ?? []));
    const other = reason.evidence.filter((e) => e.kind !== 'span');
    expect(other).toHaveLength(c.evidence?.length ?? 0);
    c.evidence?.forEach((expected, i) => expect(other[i]).toMatchObject(expected));
    expect(reason.evidence.length).toBeGreaterThan(0);
  });

  test('stays quiet on its near miss', () => {
    expectOnly(verdictOf(negative[ruleId]));
  });

  test('disabledRules turns it off', () => {
    const c = positive[ruleId];
    const base = c.policy ?? defaultPolicy;
    const off = policyWith({ ...base.settings, disabledRules: [ruleId] });
    expectOnly(judge(c.body, c.context ?? trustedContext(), off));
  });
});
