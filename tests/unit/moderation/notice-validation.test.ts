// The notice form's rules (lib/validation/notice.ts): what the no-JavaScript form refuses, field by field.
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { noticeDecisionSchema, noticeSchema } from '../../../lib/validation/notice';

const valid = {
  commentId: 'c1',
  category: 'privacy',
  law: '',
  explanation: 'It publishes my home address and my children’s school.',
  name: 'Pat Doe',
  email: ' Pat@Example.ORG ',
  goodFaith: 'on',
};
const errors = (input: unknown) => {
  const parsed = noticeSchema.safeParse(input);
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
};

describe('noticeSchema', () => {
  test('accepts a complete notice and normalises the email', () => {
    const parsed = noticeSchema.parse(valid);
    expect(parsed.email).toBe('pat@example.org');
    expect(parsed.articleSlug).toBeUndefined();
  });

  test('refuses each missing or short field with its own message', () => {
    expect(errors({ ...valid, explanation: 'Too short.' }).explanation).toEqual([
      'Explain in at least 30 characters why the content is illegal.',
    ]);
    expect(errors({ ...valid, goodFaith: undefined }).goodFaith).toEqual([
      'Confirm that you believe, in good faith, that the information is accurate and complete.',
    ]);
    expect(errors({ ...valid, category: 'rude' }).category).toEqual(['Choose the kind of law or right concerned.']);
    expect(errors({ ...valid, email: 'nobody' }).email?.[0]).toMatch(/^Give an email address/);
    expect(errors({ ...valid, name: ' ' }).name).toEqual(['Give your name.']);
    expect(errors({ ...valid, commentId: '' }).commentId).toEqual(['Open this form from the comment or story.']);
  });

  test('"Another law" must name it', () => {
    expect(errors({ ...valid, category: 'other' }).law).toEqual(['Name the law or right concerned.']);
    expect(errors({ ...valid, category: 'other', law: 'Online Safety Act 2023' })).toEqual({});
  });
});

describe('noticeDecisionSchema', () => {
  test('a removal cites a clause; every decision gives reasons', () => {
    const decision = { noticeId: 'n1', outcome: 'removed', clause: '', reason: 'Defamatory allegation.' };
    const refused = noticeDecisionSchema.safeParse(decision);
    expect(refused.success ? {} : z.flattenError(refused.error).fieldErrors).toEqual({
      clause: ['Choose the clause the removal cites.'],
    });
    expect(noticeDecisionSchema.safeParse({ ...decision, clause: 'civility' }).success).toBe(true);
    expect(noticeDecisionSchema.safeParse({ ...decision, outcome: 'no-action' }).success).toBe(true);
    expect(noticeDecisionSchema.safeParse({ ...decision, outcome: 'no-action', reason: 'No.' }).success).toBe(false);
  });
});
