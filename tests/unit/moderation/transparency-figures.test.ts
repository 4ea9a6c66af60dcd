// The transparency arithmetic on hand-made records: each clause once per comment and kind, holds kept
// apart from rejections, a held comment's outcome taken from the first moderator decision after it.
import { describe, expect, test } from 'vitest';
import {
  summarizeDecisions,
  weekStart,
  type ClauseRecord,
  type DecisionRecord,
} from '@/lib/moderation/transparency-figures';

const now = new Date('2026-11-27T12:00:00Z'); // a Friday
const at = (iso: string) => new Date(iso);
const rule = (commentId: string, action: string, createdAt: string): DecisionRecord => ({
  commentId,
  actorType: 'rule',
  action,
  createdAt: at(createdAt),
});
const mod = (commentId: string, action: string, createdAt: string): DecisionRecord => ({
  commentId,
  actorType: 'moderator',
  action,
  createdAt: at(createdAt),
});
const cites = (commentId: string, actorType: string, action: string, ...clauses: string[]): ClauseRecord[] =>
  clauses.map((clause) => ({ commentId, actorType, action, clause }));

describe('summarizeDecisions', () => {
  const decisions = [
    rule('threat', 'auto-hold', '2026-11-23T09:00:00Z'),
    mod('threat', 'reject', '2026-11-23T10:00:00Z'),
    rule('first', 'auto-hold', '2026-11-24T09:00:00Z'),
    mod('first', 'approve', '2026-11-24T09:30:00Z'),
    // Edited after publication and held again under the same clause: still one §1 comment.
    { commentId: 'first', actorType: 'reader', action: 'edit-held', createdAt: at('2026-11-24T11:00:00Z') },
    rule('slur', 'auto-reject', '2026-11-10T09:00:00Z'),
  ];
  const clauses = [
    ...cites('threat', 'rule', 'auto-hold', 'hate-and-threats', 'moderation'),
    ...cites('threat', 'moderator', 'reject', 'hate-and-threats'),
    ...cites('first', 'rule', 'auto-hold', 'moderation', 'civility'),
    ...cites('first', 'reader', 'edit-held', 'civility'),
    ...cites('slur', 'rule', 'auto-reject', 'hate-and-threats', 'language'),
  ];
  const figures = summarizeDecisions({
    decisions,
    clauses,
    decided: [
      { createdAt: at('2026-11-23T09:00:00Z'), decidedAt: at('2026-11-23T10:00:00Z') },
      { createdAt: at('2026-11-24T09:00:00Z'), decidedAt: at('2026-11-24T09:30:00Z') },
    ],
    clauseOrder: ['civility', 'hate-and-threats', 'language', 'moderation'],
    now,
  });

  test('each clause counts once per comment in each kind of decision', () => {
    expect(figures.byClause).toEqual([
      { clause: 'civility', automaticHolds: 1, automaticRejections: 0, moderatorRejections: 0 },
      { clause: 'hate-and-threats', automaticHolds: 1, automaticRejections: 1, moderatorRejections: 1 },
      { clause: 'language', automaticHolds: 0, automaticRejections: 1, moderatorRejections: 0 },
      { clause: 'moderation', automaticHolds: 2, automaticRejections: 0, moderatorRejections: 0 },
    ]);
  });

  test('holds, rejections and moderator decisions are kept apart; a held comment approved is not a rejection', () => {
    expect(figures.automaticHolds).toBe(2);
    expect(figures.automaticRejections).toBe(1);
    expect(figures.moderator).toEqual({ approvals: 1, rejections: 1, redactions: 0, appealDecisions: 0 });
    expect(figures.heldOutcomes).toEqual({ approved: 1, redacted: 0, released: 0, rejected: 1, undecided: 0 });
  });

  test('a hold released by the system when its reason ended is published, not undecided, and no person decided it', () => {
    const released = summarizeDecisions({
      decisions: [
        rule('second', 'auto-hold', '2026-11-24T09:10:00Z'),
        { commentId: 'second', actorType: 'system', action: 'release', createdAt: at('2026-11-24T09:30:00Z') },
        rule('waiting', 'auto-hold', '2026-11-24T09:20:00Z'),
      ],
      clauses: [
        ...cites('second', 'rule', 'auto-hold', 'moderation'),
        ...cites('waiting', 'rule', 'auto-hold', 'privacy'),
      ],
      decided: [],
      clauseOrder: ['moderation', 'privacy'],
      now,
    });
    expect(released.heldOutcomes).toEqual({ approved: 0, redacted: 0, released: 1, rejected: 0, undecided: 1 });
    expect(released.moderator).toEqual({ approvals: 0, rejections: 0, redactions: 0, appealDecisions: 0 });
    expect(released.weeks.at(-1)?.moderatorDecisions).toBe(0);
  });

  test('a held comment a moderator published with part removed is a decision of its own, not undecided', () => {
    const redacted = summarizeDecisions({
      decisions: [
        rule('phone', 'auto-hold', '2026-11-24T09:10:00Z'),
        mod('phone', 'redact-approve', '2026-11-24T09:40:00Z'),
      ],
      clauses: [
        ...cites('phone', 'rule', 'auto-hold', 'privacy'),
        ...cites('phone', 'moderator', 'redact-approve', 'privacy'),
      ],
      decided: [{ createdAt: at('2026-11-24T09:10:00Z'), decidedAt: at('2026-11-24T09:40:00Z') }],
      clauseOrder: ['privacy'],
      now,
    });
    expect(redacted.heldOutcomes).toEqual({ approved: 0, redacted: 1, released: 0, rejected: 0, undecided: 0 });
    expect(redacted.moderator).toEqual({ approvals: 0, rejections: 0, redactions: 1, appealDecisions: 0 });
    expect(redacted.weeks.at(-1)?.moderatorDecisions).toBe(1);
  });

  test('weeks start on Monday (UTC), oldest first, with the median wait of each', () => {
    expect(weekStart(now).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(figures.weeks).toHaveLength(12);
    expect(figures.weeks.at(-1)).toEqual({
      week: '2026-11-23',
      automaticHolds: 2,
      automaticRejections: 0,
      moderatorDecisions: 2,
      medianDecisionMs: 45 * 60_000,
    });
    expect(figures.weeks.at(-3)).toMatchObject({ week: '2026-11-09', automaticRejections: 1, medianDecisionMs: null });
    expect(figures.medianDecisionMs).toBe(45 * 60_000);
  });
});
