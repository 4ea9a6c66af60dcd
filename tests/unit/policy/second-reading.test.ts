// Disguises found by the blind evaluation set (tests/policy-eval/blind.ts), read as the letters a reader
// sees, with evidence spans that cover exactly what was written. Content warning: offensive words.
import { describe, expect, test } from 'vitest';
import { sameFingerprint } from '@/lib/policy/rules/context-rules';
import { expectOnly, expectSpans, judge, minutesAgo, reasonFor, trustedContext } from './helpers';

describe('what the reader sees, not what was typed', () => {
  test.each([
    ['character references', 'Well &#102;uck off then', '&#102;uck'],
    ['hexadecimal references', 'What a load of &#x73;&#x68;&#x69;&#x74;', '&#x73;&#x68;&#x69;&#x74;'],
    ['percent-escaped letters', 'c%75nt of a minister', 'c%75nt'],
    ['a letter drawn with symbols', 'The referee was a c|_|nt tonight', 'c|_|nt'],
    ['an escaping backslash', 'f\\*ck off', 'f\\*ck'],
    ['one letter in brackets', 'Go [f]uck yourself.', '[f]uck'],
    ['upside-down text', 'ʇunɔ ɐ ʇɐɥʍ', 'ʇunɔ'],
  ])('%s', (_, body, evidence) => {
    const verdict = judge(body);
    expectOnly(verdict, 'banned-terms');
    expectSpans(body, reasonFor(verdict, 'banned-terms'), evidence);
  });

  test.each([
    ['symbols between the letters', 'F~u~c~k the police', 'F~u~c~k'],
    ['emphasis markers inside a word', '**f**uck off', 'f**uck'],
    ['a dot for a letter', 'F.ck off with your whataboutery', 'F.ck'],
    ['an underscore for a letter', 'Get f_cked, mate', 'f_cked'],
    ['leet symbols as any letter', 'Who gives a f$$k', 'f$$k'],
    ['digits glued on', 'fuck123 to the lot of them', 'fuck123'],
    ['every letter doubled', 'Ffuucckk ooffff', 'Ffuucckk'],
    ['a masked root in a compound', 'What a sh$tshow this inquiry is', 'sh$tshow'],
    ['two wildcards among a large vocabulary', 'You are a s**t.', 's**t'],
    ['the lunate sigma, which looks like c', 'Go fuϲk yourself', 'fuϲk'],
  ])('%s', (_, body, evidence) => {
    const verdict = judge(body);
    expect(verdict.outcome).not.toBe('publish');
    expect(verdict.reasons.flatMap((r) => r.evidence.filter((e) => e.kind === 'span').map((e) => e.text))).toContain(
      evidence,
    );
  });

  test('a capital I after a lower-case letter may be an l', () => {
    const body = 'The councillor is a kiIl you, plain and simple.';
    expectSpans(body, reasonFor(judge(body), 'threat-phrases'), 'kiIl you');
    expectOnly(judge('Rory McIlroy won the Open'));
  });

  test('a spelled-out term wins over a phrase word that overlaps it', () => {
    const body = 'What a r e t a r d';
    expectSpans(body, reasonFor(judge(body), 'uncertain-terms'), 'r e t a r d');
  });

  test('ordinary text with the same characters publishes', () => {
    for (const body of [
      'R&amp;D spending rose; see note [1] and array[i] in the appendix',
      'Fees rose 4.5% to £1,299.99 (e.g. in the U.S.), see https://www.bbc.co.uk/news',
      'The either/or question, and a \\ b in the spreadsheet',
      'The pronunciation is /ˈdeɪtə/ and ə is a schwa',
    ])
      expectOnly(judge(body));
  });

  test('a Dutch word is read in Dutch, and the same word in English is held', () => {
    expectOnly(judge('Ik vind dat je het zelf kunt beslissen.'));
    expectOnly(judge('Typical kunt from the planning committee again'), 'uncertain-terms');
  });

  test('digits in other forms are digits: a circled phone number is personal information', () => {
    const body = 'Call me on ⓪⑦⑦⓪⓪⑨⓪⓪①②③ tonight';
    expectSpans(body, reasonFor(judge(body), 'personal-info'), '⓪⑦⑦⓪⓪⑨⓪⓪①②③');
  });
});

describe('duplicates that change only their amounts', () => {
  const mine = (body: string) => trustedContext({ recentByAuthor: [{ body, createdAt: minutesAgo(1) }] });
  const template = (amount: string, span: string) =>
    `I earn ${amount} an hour working from home on my laptop in ${span}. Honestly life changing. Message me to find out how.`;

  test('a long text whose amounts change is the same text', () => {
    expectOnly(judge(template('£90', 'two weeks'), mine(template('£85', '2 weeks'))), 'duplicate-self');
    expect(sameFingerprint(template('£90', 'two weeks'), template('£85', '2 weeks'))).toBeGreaterThan(0);
  });

  test('a short text with other figures is new, and so is a long one that names another long number', () => {
    expectOnly(
      judge(
        'The figures show a 4.5% rise in waiting times since 2019.',
        mine('The figures show a 3.2% rise since 2021.'),
      ),
    );
    expectOnly(
      judge(
        'The figures show a 4.5% rise in waiting times since 2019.',
        mine('The figures show a 3.2% rise in waiting times since 2021.'),
      ),
    );
    const order = (n: string) =>
      `My order ${n} still has not arrived and customer service will not answer my emails at all.`;
    expectOnly(judge(order('12345678'), mine(order('87654321'))));
  });
});
