// The one statement of reasons (issue 13, point 2): automatic reasons while only the checks have looked;
// the moderator's clause, note and the appeal once a moderator has decided.
import { describe, expect, test } from 'vitest';
import { statementOf, statementText } from '@/lib/policy/statement';

const heldReasons = [
  {
    ruleId: 'suspect-terms',
    outcome: 'hold',
    clause: 'civility',
    message: 'Your comment contains “idiot”.',
    evidence: [],
  },
  { ruleId: 'new-commenter', outcome: 'hold', clause: 'moderation', message: 'Your account is new: …', evidence: [] },
];
const row = {
  id: 'c1',
  reasons: JSON.stringify(heldReasons),
  decidedById: null,
  rejectClause: null,
  rejectNote: null,
  appeal: null,
};

describe('statement of reasons', () => {
  test('while held: the automatic reasons, no appeal', () => {
    const statement = statementOf({ ...row, status: 'PENDING' })!;
    expect(statement.by).toBe('automatic');
    expect(statement.lines.map((l) => `${l.lead} ${l.label}`)).toEqual([
      'Held for review under §1 Be civil',
      'Held for review under §9 Moderation and appeals',
    ]);
    expect(statement.appeal).toBeNull();
  });

  test('a new reader’s held comment rejected by a moderator under §1 with a note: §1, the note and the appeal link, not §9', () => {
    const statement = statementOf({
      ...row,
      status: 'REJECTED',
      decidedById: 'mod-1',
      rejectClause: 'civility',
      rejectNote: 'Please address the argument.',
    })!;
    expect(statement.by).toBe('moderator');
    const text = statementText(statement).join('\n');
    expect(text).toContain('A moderator rejected it under §1 Be civil');
    expect(text).toContain('Moderator’s note: Please address the argument.');
    expect(text).not.toContain('§9');
    expect(text).not.toContain('idiot');
    expect(statement.appeal).toEqual({
      state: 'available',
      text: 'You may ask, once, for a second moderator to review this decision.',
      href: '/profile#comment-c1',
    });
  });

  test('an automatic rejection gives its reasons and can be corrected or appealed', () => {
    const reasons = [
      {
        ruleId: 'banned-terms',
        outcome: 'reject',
        clause: 'language',
        message: 'Your comment contains a word our policy does not allow.',
        evidence: [],
      },
    ];
    const statement = statementOf({ ...row, status: 'REJECTED', reasons: JSON.stringify(reasons) })!;
    expect(statementText(statement)[0]).toBe(
      'Rejected under §8 Mind your language: Your comment contains a word our policy does not allow.',
    );
    expect(statement.canResubmit).toBe(true);
    expect(statement.appeal?.state).toBe('available');
  });

  test('under appeal: no second appeal and no correction; after it is upheld, the outcome and its note', () => {
    const rejected = {
      ...row,
      status: 'REJECTED' as const,
      decidedById: 'mod-1',
      rejectClause: 'spam',
      rejectNote: null,
    };
    const open = statementOf({ ...rejected, appeal: { status: 'OPEN', decisionNote: null } })!;
    expect(open.appeal?.state).toBe('open');
    expect(open.canResubmit).toBe(false);
    const upheld = statementOf({ ...rejected, appeal: { status: 'UPHELD', decisionNote: 'It is an advert.' } })!;
    expect(upheld.appeal?.text).toContain('the decision stands (“It is an advert.”)');
  });

  test('published with part removed by a moderator: the clause, what was removed, the note; as text for the email', () => {
    const statement = statementOf({
      ...row,
      status: 'PUBLISHED',
      decidedById: 'mod-1',
      body: 'Call me on [removed by a moderator] tonight.',
      originalBody: 'Call me on 0161 496 0000 tonight.',
      redactClause: 'privacy',
      redactNote: 'No phone numbers.',
    })!;
    expect(statement.by).toBe('moderator');
    expect(statement.headline).toContain('Part of your comment was removed by a moderator');
    expect(statement.lines.map((l) => `${l.lead} ${l.label}`)).toEqual([
      'Part of your comment was removed under §5 Respect privacy',
    ]);
    expect(statement.removed).toEqual(['0161 496 0000']);
    expect(statementText(statement)).toEqual([
      expect.stringMatching(/^Part of your comment was removed under §5 Respect privacy: /),
      'Removed: “0161 496 0000”',
      'Moderator’s note: No phone numbers.',
      'You may ask, once, for a second moderator to review this decision.',
    ]);
    expect(statement.appeal).toMatchObject({ state: 'available', href: '/profile#comment-c1' });
  });

  test('published and deleted comments need no statement', () => {
    expect(statementOf({ ...row, status: 'PUBLISHED' })).toBeNull();
    expect(statementOf({ ...row, status: 'DELETED' })).toBeNull();
  });
});
