// Rules that depend on the account, the article and recent activity.
import { describe, expect, test } from 'vitest';
import { ruleIds, trustScore } from '@/lib/policy';
import {
  daysAgo,
  expectOnly,
  judge,
  minutesAgo,
  newcomerContext,
  NOW,
  policyWith,
  reasonFor,
  secondsAgo,
  trustedContext,
} from './helpers';

const body = 'The council should publish the full traffic survey before deciding.';

describe('duplicate-self (§4, duplicateWindowMinutes 10)', () => {
  test('the same text within the window is rejected, whatever its case, spacing or punctuation', () => {
    const context = trustedContext({
      recentByAuthor: [
        { body: '  THE council should publish the full traffic-survey before deciding ', createdAt: minutesAgo(9) },
      ],
    });
    const verdict = judge(body, context);
    expectOnly(verdict, 'duplicate-self');
    expect(reasonFor(verdict, 'duplicate-self').message).toContain('10 minutes');
  });

  test('short texts count too', () => {
    expectOnly(
      judge('Agreed!', trustedContext({ recentByAuthor: [{ body: 'agreed', createdAt: minutesAgo(1) }] })),
      'duplicate-self',
    );
  });

  test('outside the window, or a different text, publishes', () => {
    expectOnly(judge(body, trustedContext({ recentByAuthor: [{ body, createdAt: minutesAgo(10.5) }] })));
    expectOnly(
      judge(
        body,
        trustedContext({ recentByAuthor: [{ body: `${body} Also the bus lanes.`, createdAt: minutesAgo(1) }] }),
      ),
    );
  });

  test('the window follows the setting', () => {
    const context = trustedContext({ recentByAuthor: [{ body, createdAt: minutesAgo(30) }] });
    expectOnly(judge(body, context, policyWith({ duplicateWindowMinutes: 60 })), 'duplicate-self');
    expect(
      reasonFor(judge(body, context, policyWith({ duplicateWindowMinutes: 60 })), 'duplicate-self').evidence,
    ).toEqual([{ kind: 'count', count: 2, limit: 1, windowSeconds: 3600 }]);
  });

  test('a body with no letters or digits is never a duplicate', () => {
    expectOnly(judge('!!!', trustedContext({ recentByAuthor: [{ body: '???', createdAt: minutesAgo(1) }] })));
  });
});

describe('duplicate-others (§4, duplicateAccounts 2)', () => {
  const others = (...ids: string[]) => ids.map((authorId, i) => ({ body, authorId, createdAt: minutesAgo(1 + i) }));

  test('the same text from two other accounts is held', () => {
    const verdict = judge(body, trustedContext({ recentByOthers: others('a', 'b') }));
    expectOnly(verdict, 'duplicate-others');
    expect(reasonFor(verdict, 'duplicate-others').message).toContain('2 other accounts');
  });

  test('one other account, the author’s own id, old comments and short texts do not count', () => {
    expectOnly(judge(body, trustedContext({ recentByOthers: others('a') })));
    expectOnly(judge(body, trustedContext({ recentByOthers: others('a', 'reader-1') })));
    expectOnly(
      judge(
        body,
        trustedContext({ recentByOthers: others('a', 'b').map((c) => ({ ...c, createdAt: minutesAgo(11) })) }),
      ),
    );
    const short = 'Totally agree here'; // fewer than 20 letters and digits
    expectOnly(
      judge(
        short,
        trustedContext({
          recentByOthers: ['a', 'b', 'c'].map((authorId) => ({ body: short, authorId, createdAt: minutesAgo(1) })),
        }),
      ),
    );
  });

  test('duplicateAccounts raises the bar', () => {
    const context = trustedContext({ recentByOthers: others('a', 'b') });
    expectOnly(judge(body, context, policyWith({ duplicateAccounts: 3 })));
    expectOnly(
      judge(body, trustedContext({ recentByOthers: others('a', 'b', 'c') }), policyWith({ duplicateAccounts: 3 })),
      'duplicate-others',
    );
  });
});

describe('flood-user and flood-ip (§4)', () => {
  test('the per-account limit counts the last minute and says when to retry', () => {
    const recent = [5, 15, 25, 35, 45].map((s) => ({ body: `c${s}`, createdAt: secondsAgo(s) }));
    const verdict = judge('Another comment.', trustedContext({ recentByAuthor: recent }));
    expectOnly(verdict, 'flood-user');
    const reason = reasonFor(verdict, 'flood-user');
    expect(reason.evidence).toEqual([
      { kind: 'count', count: 5, limit: 5, windowSeconds: 60 },
      { kind: 'retry', retryAfterSeconds: 15 },
    ]);
    expect(reason.message).toContain('15 seconds');
  });

  test('retry is when enough comments have left the window, and at least one second', () => {
    // Seven in the last minute with a limit of 5: three must age out; the third oldest is 40 s old.
    const recent = [1, 10, 20, 30, 40, 50, 59.5].map((s) => ({ body: 'x', createdAt: secondsAgo(s) }));
    const reason = reasonFor(judge('Again.', trustedContext({ recentByAuthor: recent })), 'flood-user');
    expect(reason.evidence[1]).toEqual({ kind: 'retry', retryAfterSeconds: 20 });
    const edge = [0.2, 0.4, 0.6, 0.8, 59.9].map((s) => ({ body: 'x', createdAt: secondsAgo(s) }));
    const soon = reasonFor(judge('Again.', trustedContext({ recentByAuthor: edge })), 'flood-user').evidence[1];
    expect(soon).toEqual({ kind: 'retry', retryAfterSeconds: 1 });
  });

  test('the limit follows floodPerUserPerMinute', () => {
    const recent = [5, 15].map((s) => ({ body: `c${s}`, createdAt: secondsAgo(s) }));
    expectOnly(
      judge('More.', trustedContext({ recentByAuthor: recent }), policyWith({ floodPerUserPerMinute: 2 })),
      'flood-user',
    );
    expectOnly(judge('More.', trustedContext({ recentByAuthor: recent }), policyWith({ floodPerUserPerMinute: 3 })));
  });

  test('the per-address limit counts every account on the address', () => {
    const recentFromIp = Array.from({ length: 3 }, (_, i) => ({ createdAt: secondsAgo(10 + i * 10) }));
    const verdict = judge('Hello.', trustedContext({ recentFromIp }), policyWith({ floodPerIpPerMinute: 3 }));
    expectOnly(verdict, 'flood-ip');
    const retry = reasonFor(verdict, 'flood-ip').evidence.find((e) => e.kind === 'retry');
    expect(retry).toEqual({ kind: 'retry', retryAfterSeconds: 30 });
    expect(retry?.kind === 'retry' ? retry.retryAfterSeconds : 0).toBeGreaterThan(0);
    expectOnly(
      judge('Hello.', trustedContext({ recentFromIp: recentFromIp.slice(1) }), policyWith({ floodPerIpPerMinute: 3 })),
    );
  });

  test('staff are exempt from both flood limits', () => {
    const context = trustedContext({
      author: { isStaff: true },
      recentByAuthor: Array.from({ length: 10 }, (_, i) => ({ body: `correction ${i}`, createdAt: secondsAgo(i + 1) })),
      recentFromIp: Array.from({ length: 50 }, (_, i) => ({ createdAt: secondsAgo(i + 1) })),
    });
    expectOnly(judge('Correction: the vote is on Thursday.', context));
  });
});

describe('new-commenter (§9, newCommenterHoldCount 1)', () => {
  test('a first comment is held; after one published comment, not', () => {
    const reason = reasonFor(judge('Hello all.', newcomerContext()), 'new-commenter');
    expect(reason.evidence).toEqual([{ kind: 'count', count: 0, limit: 1 }]);
    expect(reason.message).toBe(
      'Your account is new: your comments are reviewed by a moderator until one of them is approved.',
    );
    expectOnly(judge('Hello all.', newcomerContext({ author: { publishedCount: 1, approvedCount: 1 } })));
  });

  test('the first N are held; N = 0 turns it off', () => {
    const policy = policyWith({ newCommenterHoldCount: 3 });
    const held = judge('Hello.', newcomerContext({ author: { publishedCount: 2, approvedCount: 2 } }), policy);
    expectOnly(held, 'new-commenter');
    expect(reasonFor(held, 'new-commenter').message).toContain('until 3 of them have been approved');
    expectOnly(judge('Hello.', newcomerContext({ author: { publishedCount: 3, approvedCount: 3 } }), policy));
    expectOnly(judge('Hello.', newcomerContext(), policyWith({ newCommenterHoldCount: 0 })));
  });

  test('a later comment of a new account is not told it is the first (issue 13)', () => {
    // Posted while the first one still waits: the reason must be true of this comment too.
    const second = reasonFor(
      judge(
        'And another thought.',
        newcomerContext({ recentByAuthor: [{ body: 'Hello all.', createdAt: minutesAgo(2) }] }),
      ),
      'new-commenter',
    );
    expect(second.message).not.toMatch(/first comment/);
    expect(second.message).toMatch(/until one of them is approved/);
  });

  test('staff are never held as newcomers', () => {
    expectOnly(judge('Hello.', newcomerContext({ author: { isStaff: true } })));
  });
});

describe('low-trust (§9, trustThreshold −2)', () => {
  test('trustScore: +1 per published comment, −3 per rejection, + up to 3 for age', () => {
    expect(trustScore({ approvedCount: 0, rejectedCount: 0, accountAgeDays: 0 })).toBe(0);
    expect(trustScore({ approvedCount: 4, rejectedCount: 1, accountAgeDays: 45 })).toBe(2.5);
    expect(trustScore({ approvedCount: 0, rejectedCount: 0, accountAgeDays: 3000 })).toBe(3);
    expect(trustScore({ approvedCount: 0, rejectedCount: 1, accountAgeDays: -10 })).toBe(-3);
  });

  test('below the threshold is held; at it, not', () => {
    const oneRejection = trustedContext({
      author: { createdAt: daysAgo(0), approvedCount: 0, publishedCount: 5, rejectedCount: 1 },
    });
    const verdict = judge('My view stands.', oneRejection);
    expectOnly(verdict, 'low-trust');
    expect(reasonFor(verdict, 'low-trust').evidence).toEqual([{ kind: 'count', count: -3, limit: -2 }]);
    const atThreshold = trustedContext({
      author: { createdAt: daysAgo(0), approvedCount: 1, publishedCount: 5, rejectedCount: 1 },
    });
    expectOnly(judge('My view stands.', atThreshold));
    expectOnly(judge('My view stands.', oneRejection, policyWith({ trustThreshold: -3 })));
    expectOnly(judge('My view stands.', trustedContext(), policyWith({ trustThreshold: 60 })), 'low-trust');
  });

  test('staff are exempt', () => {
    expectOnly(judge('Hi.', trustedContext({ author: { isStaff: true, approvedCount: 0, rejectedCount: 10 } })));
  });
});

describe('user-premoderated and article-premoderated (§9)', () => {
  test('a pre-moderated account is held; staff never are', () => {
    expectOnly(judge('Hi.', trustedContext({ author: { premoderated: true } })), 'user-premoderated');
    expectOnly(judge('Hi.', trustedContext({ author: { premoderated: true, isStaff: true } })));
  });

  test('a pre-moderated story holds every comment, staff included', () => {
    expectOnly(judge('Hi.', trustedContext({ article: { premoderate: true } })), 'article-premoderated');
    expectOnly(
      judge('Hi.', trustedContext({ article: { premoderate: true }, author: { isStaff: true } })),
      'article-premoderated',
    );
  });

  test('holds add up, and a rejection still wins', () => {
    const context = newcomerContext({ author: { premoderated: true }, article: { premoderate: true } });
    expectOnly(judge('Hi.', context), 'user-premoderated', 'article-premoderated', 'new-commenter');
    const verdict = judge('You idiot, this is shit.', context);
    expect(verdict.outcome).toBe('reject');
    expect(verdict.reasons[0]!.outcome).toBe('reject');
  });
});

describe('comments-closed and auto-closed (§9)', () => {
  test('closed comments are rejected before anything else is considered', () => {
    const verdict = judge('Hi.', trustedContext({ article: { commentsOpen: false } }));
    expectOnly(verdict, 'comments-closed');
    expect(reasonFor(verdict, 'comments-closed').message).toMatch(/closed/);
  });

  test('staff cannot post on a closed story either', () => {
    expectOnly(
      judge('Hi.', trustedContext({ article: { commentsOpen: false }, author: { isStaff: true } })),
      'comments-closed',
    );
  });

  test('auto-close after N days from the settings, with the closing date in the message', () => {
    const policy = policyWith({ autoCloseDays: 7 });
    const publishedAt = new Date('2026-03-01T09:00:00.000Z');
    const closed = judge(
      'Hi.',
      trustedContext({ now: new Date('2026-03-08T09:00:00.000Z'), article: { publishedAt } }),
      policy,
    );
    expectOnly(closed, 'auto-closed');
    expect(reasonFor(closed, 'auto-closed').message).toBe(
      'Comments on this story closed on 2026-03-08, 7 days after publication.',
    );
    expectOnly(
      judge('Hi.', trustedContext({ now: new Date('2026-03-08T08:59:59.000Z'), article: { publishedAt } }), policy),
    );
  });

  test('the article’s own setting overrides the policy; null on both never closes', () => {
    const old = { publishedAt: daysAgo(400) };
    expectOnly(judge('Hi.', trustedContext({ article: old }), policyWith({ autoCloseDays: null })));
    // The shipped site default (issue 18): everything closes 3 days after publication.
    expectOnly(judge('Hi.', trustedContext({ article: { publishedAt: daysAgo(2) } })));
    expectOnly(judge('Hi.', trustedContext({ article: { publishedAt: daysAgo(3) } })), 'auto-closed');
    expectOnly(judge('Hi.', trustedContext({ article: { ...old, autoCloseDays: 30 } })), 'auto-closed');
    expectOnly(
      judge(
        'Hi.',
        trustedContext({ article: { publishedAt: daysAgo(8), autoCloseDays: 30 } }),
        policyWith({ autoCloseDays: 7 }),
      ),
    );
    expectOnly(
      judge(
        'Hi.',
        trustedContext({ article: { publishedAt: daysAgo(8), autoCloseDays: 5 } }),
        policyWith({ autoCloseDays: 30 }),
      ),
      'auto-closed',
    );
  });

  test('a story closed by hand is reported once, as closed', () => {
    expectOnly(
      judge('Hi.', trustedContext({ article: { commentsOpen: false, publishedAt: daysAgo(400), autoCloseDays: 1 } })),
      'comments-closed',
    );
  });
});

describe('disabledRules', () => {
  test('turns off only the rules listed', () => {
    const context = newcomerContext({ article: { premoderate: true } });
    const policy = policyWith({ disabledRules: ['new-commenter', 'suspect-terms'] });
    expectOnly(judge('You idiot, this is shit.', context, policy), 'banned-terms', 'article-premoderated');
  });

  test('with every rule disabled, everything publishes', () => {
    const policy = policyWith({ disabledRules: [...ruleIds] });
    const context = newcomerContext({
      now: NOW,
      author: { premoderated: true, rejectedCount: 5 },
      article: { commentsOpen: false, premoderate: true },
      recentByAuthor: Array.from({ length: 9 }, () => ({ body: 'SHIT', createdAt: secondsAgo(1) })),
    });
    expectOnly(judge('SHIT', context, policy));
  });
});
