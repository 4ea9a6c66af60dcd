// The engine's shortcuts must not change a verdict: duplicate texts compared side by side, phrase scans that
// stop early, plain words read in one loop, and policies whose settings objects differ in shape.
import { describe, expect, test } from 'vitest';
import { compilePolicy, defaultPolicySettings, evaluate } from '@/lib/policy';
import { defaultThreatPhrases } from '@/lib/policy/default-terms';
import { tokenize } from '@/lib/policy/text/normalize';
import { findHosts } from '@/lib/policy/text/urls';
import { expectOnly, expectSpans, judge, minutesAgo, policyWith, reasonFor, trustedContext } from './helpers';

describe('duplicates compared side by side', () => {
  const mine = (body: string) => trustedContext({ recentByAuthor: [{ body, createdAt: minutesAgo(1) }] });
  const others = (body: string) =>
    trustedContext({ recentByOthers: ['a', 'b'].map((authorId) => ({ body, authorId, createdAt: minutesAgo(1) })) });

  test('accented and other non-ASCII letters compare as the fingerprint does', () => {
    expectOnly(judge('Café au lait, s’il vous plaît.', mine('CAFÉ AU LAIT — SIL VOUS PLAÎT')), 'duplicate-self');
    // Issue 14: the fingerprint reads the text as the engine does, so ß and ss are the same letters.
    expectOnly(judge('Straße', mine('STRASSE')), 'duplicate-self');
    expectOnly(judge('\u212Aeep calm', mine('keep calm')), 'duplicate-self'); // the Kelvin sign lower-cases to k
    expectOnly(judge('ΟΔΟΣ', mine('οδος')), 'duplicate-self');
  });

  test('texts that agree up to a non-ASCII character and differ after it are not duplicates', () => {
    // Issue 14: an accent does not make a repost new (é reads as e).
    expectOnly(judge('The same start, then é and more', mine('the same start then e and more')), 'duplicate-self');
    expectOnly(judge('The same start, then é and more', mine('the same start then é and less')));
  });

  test('a text that only extends or shortens the other is not a duplicate', () => {
    expectOnly(judge('Agreed', mine('Agreed, mostly')));
    expectOnly(judge('Agreed, mostly', mine('Agreed')));
  });

  test('texts of punctuation only, ASCII or not, are never duplicates', () => {
    expectOnly(judge('!!!', mine('...')));
    expectOnly(judge('— « » —', mine('“…”')));
  });

  test('other accounts: the 30-character floor applies to the shared fingerprint', () => {
    const long = 'Ｔhe council must publish the survey'; // a fullwidth T
    expectOnly(judge(long, others('ｔhe council must publish the survey!')), 'duplicate-others');
    // Issue 14: a fullwidth letter is a look-alike, so this is the same text too.
    expectOnly(judge(long, others('the council must publish the survey')), 'duplicate-others');
    expectOnly(
      judge('ÀÉÎÕÜ 1234567890 abcdefghijklmno', others('àéîõü 1234567890 abcdefghijklmno')),
      'duplicate-others',
    );
    expectOnly(judge('ÀÉÎÕÜ 1234567890 abcdefghijklmn', others('àéîõü 1234567890 abcdefghijklmn'))); // 29 letters and digits
    // Replies many readers write in the same words are not spam.
    expectOnly(judge('Thank you for reporting this.', others('Thank you for reporting this.')));
  });
});

describe('phrase scans that stop early', () => {
  const policy = policyWith({
    threatPhrases: [...defaultThreatPhrases, 'wait outside your house', 'we know where you work'],
  });

  test('a phrase whose first words are not a listed phrase is still found', () => {
    const body = 'I will wait outside your house tonight.';
    const verdict = judge(body, trustedContext(), policy);
    expectOnly(verdict, 'threat-phrases');
    expectSpans(body, reasonFor(verdict, 'threat-phrases'), 'wait outside your house');
  });

  test('phrases that share their first words are each found', () => {
    const body = 'We know where you live. We know where you work.';
    const verdict = judge(body, trustedContext(), policy);
    expectOnly(verdict, 'threat-phrases');
    expectSpans(body, reasonFor(verdict, 'threat-phrases'), 'We know where you live', 'We know where you work');
  });

  test('the first words of a phrase alone do not match', () => {
    expectOnly(judge('I will wait outside the station.', trustedContext(), policy));
    expectOnly(judge('We know where the budget went.', trustedContext(), policy));
  });
});

describe('plain words read in one loop', () => {
  test('a word that ends in a digit, a symbol or an invisible character is still read whole', () => {
    for (const [body, span] of [
      ['You idi0t you', 'idi0t'],
      ['You idiot! Really.', 'idiot'],
      ['You idi\u200Bot. Really.', 'idi\u200Bot'],
      ['You IDIOТ. Really.', 'IDIOТ'], // a Cyrillic Т at the end
    ] as const) {
      const verdict = judge(body);
      expect(
        verdict.reasons.map((r) => r.ruleId),
        body,
      ).toContain('suspect-terms');
      expect(reasonFor(verdict, 'suspect-terms').evidence[0], body).toMatchObject({ text: span });
    }
  });

  test('a word at the very end of the body, capitalised or not', () => {
    expectSpans('You are an IDIOT', reasonFor(judge('You are an IDIOT'), 'suspect-terms'), 'IDIOT');
    expectSpans('idiot', reasonFor(judge('idiot'), 'suspect-terms'), 'idiot');
  });
});

test('settings objects of different shapes judge alike, again and again', () => {
  const literal = compilePolicy(defaultPolicySettings);
  const spread = compilePolicy({ ...defaultPolicySettings, maxLinks: 2 });
  const reordered = compilePolicy(
    Object.fromEntries(Object.entries(defaultPolicySettings).reverse()) as typeof defaultPolicySettings,
  );
  const bodies = [
    'THIS IS A VERY LOUD COMMENT ABOUT THE COUNCIL BUDGET PLAN',
    'You idiot.',
    'Call 020 7946 0958',
    'See https://spam.example/x',
  ];
  for (let round = 0; round < 200; round++)
    for (const body of bodies) {
      const expected = evaluate({ body }, trustedContext(), literal);
      expect(evaluate({ body }, trustedContext(), spread)).toEqual(expected);
      expect(evaluate({ body }, trustedContext(), reordered)).toEqual(expected);
    }
});

describe('hosts found from the tokenizer marks', () => {
  const texts = [
    'Rents rose 4.5% last year, e.g. in the U.S. and the U.K.; see ons.gov.uk/economy or www.example.org.',
    'Dr. Müller spoke at 7.30pm — source: https://www.ons.gov.uk/economy/inflation (p. 14).',
    'Visit spam．example or spam。example or spam｡example today',
    'cheap pills at bit-scam%2Eexample and 50%off.example, v2.3.1 and report.pdf',
    'idiot.com f.ck sh1t.ru “quoted.net” (brackets.io) ends with a dot.',
  ];

  test('the marks list every dot, look-alike dot and percent sign of a text read as written', () => {
    for (const text of texts) {
      const tokens = tokenize(text);
      expect(tokens.prepared).toBe(false);
      const wanted = [...text.matchAll(/[.。．｡%]/g)].map((m) => m.index);
      expect(tokens.marks!.filter((at) => '.。．｡%'.includes(text[at]!))).toEqual(wanted);
    }
  });

  test('findHosts finds the same hosts from the marks as from its own scans', () => {
    for (const text of texts) {
      const found = findHosts(text);
      expect(found.length).toBeGreaterThan(0);
      expect(findHosts(text, tokenize(text).marks)).toEqual(found);
    }
  });

  test('a body read through markup is marked as prepared, and a host inside a tag is still found', () => {
    // The tag is read away before tokenising, so the marks miss its dots: findHosts scans the body itself.
    const text = 'see <a href="http://spam.example/x">here</a> today';
    expect(tokenize(text).prepared).toBe(true);
    expectSpans(text, reasonFor(judge(text), 'blocked-domain'), 'http://spam.example/x');
  });
});

describe('numbers read in one loop', () => {
  test('a run of digits before a separator is the token the character-by-character reading builds', () => {
    const body = 'In 2019, 4.5% of 1000 said 7’ — and 30pm or 5five5';
    const pick = (text: string) => {
      const token = tokenize(body).find((t) => body.slice(t.start, t.end) === text)!;
      return [token.text, token.core, token.spelled, token.hasLetter, token.mixed, token.disguised];
    };
    expect(pick('2019')).toEqual(['2019', '2019', '', false, false, false]);
    // One digit is spelled as the letter it stands for in leetspeak ("4" is a).
    expect(pick('4')).toEqual(['4', '4', 'a', false, false, false]);
    // Three of a digit in a row is a stretch, as three of a letter is.
    expect(pick('1000')).toEqual(['1000', '1000', '', false, false, true]);
    expect(pick('7')).toEqual(['7', '7', 't', false, false, false]);
    // Digits glued to letters or symbols are read by the builder.
    expect(pick('30pm')).toEqual(['eopm', 'eopm', '', true, true, true]);
    expect(pick('5%')).toEqual(['5', '5', 's', false, false, false]);
    expect(pick('5five5')[4]).toBe(true);
  });
});
