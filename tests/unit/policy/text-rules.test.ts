// Links, blocked domains, personal information and shouting.
import { describe, expect, test } from 'vitest';
import {
  defaultPolicy,
  expectOnly,
  expectSpans,
  judge,
  policyWith,
  reasonFor,
  spanTexts,
  trustedContext,
} from './helpers';

describe('link-limit (§7, maxLinks, default 2)', () => {
  test('two links publish, a third holds with the count and every link as evidence', () => {
    const two = 'See https://www.ons.gov.uk/a and http://example.org/b.';
    expectOnly(judge(two));
    const three = `${two} Also www.example.net/c`;
    const verdict = judge(three);
    expectOnly(verdict, 'link-limit');
    const reason = reasonFor(verdict, 'link-limit');
    expect(reason.evidence[0]).toEqual({ kind: 'count', count: 3, limit: 2 });
    expectSpans(three, reason, 'https://www.ons.gov.uk/a', 'http://example.org/b', 'www.example.net/c');
    expect(reason.message).toContain('this one has 3');
  });

  test('the limit follows the setting; 0 holds any link', () => {
    const body = 'Source: https://example.org/report';
    expectOnly(judge(body, trustedContext(), policyWith({ maxLinks: 0 })), 'link-limit');
    expectOnly(judge(body, trustedContext(), policyWith({ maxLinks: 1 })));
    const five = Array.from({ length: 5 }, (_, i) => `https://example.org/${i}`).join(' ');
    expectOnly(judge(five, trustedContext(), policyWith({ maxLinks: 5 })));
    expectOnly(judge(five, trustedContext(), policyWith({ maxLinks: 4 })), 'link-limit');
  });

  test('bare domains with a common top-level domain or a path count: a reader can copy them', () => {
    expectOnly(judge('I read bbc.co.uk and theguardian.com every morning.'));
    expectOnly(judge('Cheap pills at cheap-meds.com, pharma-direct.net and meds4less.org'), 'link-limit');
    expectOnly(judge('bit.ly/a, bit.ly/b, bit.ly/c'), 'link-limit');
    // File names, versions, figures, abbreviations and full stops without a space are not links.
    expectOnly(judge('See report.pdf, v2.3.1 and notes.txt: 4.5% at 2.30pm, e.g. the U.S. figures.Next year.'));
    expectOnly(judge('It was over.Now we wait.Then we vote.'));
  });

  test('a link glued to a word still counts, as the renderer links it', () => {
    const body = 'Sources:https://a.example.org/1, then…https://b.example.org/2 and(https://c.example.org/3)';
    const verdict = judge(body);
    expectOnly(verdict, 'link-limit');
    expectSpans(
      body,
      reasonFor(verdict, 'link-limit'),
      'https://a.example.org/1',
      'https://b.example.org/2',
      'https://c.example.org/3',
    );
  });
});

describe('blocked-domain (§7, blockedDomains)', () => {
  // [body, offending text]
  test.each([
    ['Win big at https://spam.example/offer now', 'https://spam.example/offer'],
    ['Win big at http://spam.example', 'http://spam.example'],
    ['Win big at https://www.spam.example/', 'https://www.spam.example/'],
    ['Win big at https://deals.win.malware.example/x?y=1', 'https://deals.win.malware.example/x?y=1'],
    ['Win big at HTTPS://SPAM.EXAMPLE/WIN', 'HTTPS://SPAM.EXAMPLE/WIN'],
    ['Win big at HtTpS://Spam.Example', 'HtTpS://Spam.Example'],
    ['Win big at www.bit-scam.example', 'www.bit-scam.example'],
    ['Win big at spam.example, honestly', 'spam.example'],
    ['Win big at SPAM.EXAMPLE', 'SPAM.EXAMPLE'],
    ['Win big (https://spam.example/x).', 'https://spam.example/x'],
    ['Win big: see:https://spam.example/x', 'https://spam.example/x'],
    ['Win big…https://spam.example', 'https://spam.example'],
    ['Win big at https://spam.example./', 'https://spam.example./'],
    ['Win big at https://spam.example:8443/x', 'https://spam.example:8443/x'],
    ['Win big at https://bbc.co.uk@spam.example/', 'https://bbc.co.uk@spam.example/'],
    ['Win big at https://spam%2Eexample/', 'https://spam%2Eexample/'],
    ['Win big at https://\uFF53\uFF50\uFF41\uFF4D.example/', 'https://\uFF53\uFF50\uFF41\uFF4D.example/'],
    ['Win big at hxxps://spam.example/x', 'hxxps://spam.example/x'],
    ['Win big at <a href="https://spam.example">here</a>', 'https://spam.example'],
  ])('%s', (body, offending) => {
    const verdict = judge(body);
    expect(verdict.outcome).toBe('reject');
    const reason = reasonFor(verdict, 'blocked-domain');
    expect(reason.clause).toBe('links');
    expect(reason.outcome).toBe('reject');
    expectSpans(body, reason, offending);
  });

  test.each([
    'Fine at https://notspam.example/offer',
    'Fine at https://spam.example.org/offer',
    'Fine at https://example.com/spam.example',
    'Fine at https://example.com/?ref=spam-example',
    'Write to info@spam.example instead (an address, not a link).',
  ])('not blocked: %s', (body) => {
    expect(judge(body).reasons.map((r) => r.ruleId)).not.toContain('blocked-domain');
  });

  test('every blocked link is evidence, and the message names the site', () => {
    const body = 'Try https://spam.example/a or https://x.malware.example/b';
    const reason = reasonFor(judge(body), 'blocked-domain');
    expectSpans(body, reason, 'https://spam.example/a', 'https://x.malware.example/b');
    expect(reason.message).toContain('spam.example');
  });

  test('admins add domains in any case', () => {
    const policy = policyWith({ blockedDomains: [' Scam-Shop.Example '] });
    expect(judge('Buy at https://www.scam-shop.example/', trustedContext(), policy).outcome).toBe('reject');
    expectOnly(judge('Buy at https://www.spam.example/', trustedContext(), policy));
  });
});

describe('personal-info (§5, detectPersonalInfo)', () => {
  test.each([
    ['Write to john.smith@example.com about it.', 'john.smith@example.com'],
    ['Write to JOHN+news@Example.CO.UK.', 'JOHN+news@Example.CO.UK'],
    ['Ring +44 20 7946 0958 now', '+44 20 7946 0958'],
    ['Ring +44 (0)20 7946 0958 now', '+44 (0)20 7946 0958'],
    ['Ring 020 7946 0958 now', '020 7946 0958'],
    ['Ring 07700 900123 now', '07700 900123'],
    ['Ring 07700900123 now', '07700900123'],
    ['Ring (555) 123-4567 now', '(555) 123-4567'],
    ['Ring 555-123-4567 now', '555-123-4567'],
    ['Ring 555.123.4567 now', '555.123.4567'],
    ['Ring 1-555-123-4567 now', '1-555-123-4567'],
    ['Ring +1 (555) 123-4567 now', '+1 (555) 123-4567'],
    ['Ring +33 1 23 45 67 89 now', '+33 1 23 45 67 89'],
    ['Since 2019 555-123-4567 has been his number', '555-123-4567'],
  ])('%s', (body, offending) => {
    const verdict = judge(body);
    expectOnly(verdict, 'personal-info');
    const reason = reasonFor(verdict, 'personal-info');
    expectSpans(body, reason, offending);
    expect(reason.message).toMatch(offending.includes('@') ? /email address/ : /phone number/);
  });

  test('an email and a phone number in one comment: both are evidence, in order', () => {
    const body = 'Call 020 7946 0958 or mail jo@example.org.';
    expectSpans(body, reasonFor(judge(body), 'personal-info'), '020 7946 0958', 'jo@example.org');
  });

  test('the message names every kind found, not only the first', () => {
    expect(reasonFor(judge('Call 020 7946 0958 or mail jo@example.org.'), 'personal-info').message).toMatch(
      /^It contains an email address and a phone number;/,
    );
    expect(reasonFor(judge('Mail jo@example.org or al@example.org.'), 'personal-info').message).toMatch(
      /^It contains 2 email addresses;/,
    );
  });

  test.each([
    'The 2019-2020 season was the best since 1999.',
    'Born 1947, died 2023.',
    'On 2024-01-15 and again on 15.01.2024 and 15/01/2024.',
    'It cost $1,299.99, or £1,000,000 for the lot.',
    'Turnout rose 3.5% to 12,345,678 voters.',
    'ISBN 978-0-14-044913-6 is the Penguin edition.',
    'The meeting is at 10.30 on 05.06.2024 in room 101.',
    'From 1990 to 2010 and 2011 to 2020, 3.14159265358 stayed pi.',
    'Years: 1066 1215 1485 1603 1714.',
    'The score was 3 1 0 2 4 across five rounds.',
    'See https://user@example.com/profile for the data.',
    'Flight BA 0123 leaves at 07:45.',
  ])('not personal info: %s', (body) => {
    expectOnly(judge(body));
  });

  test('detectPersonalInfo: false turns the check off', () => {
    expectOnly(judge('Ring 020 7946 0958.', trustedContext(), policyWith({ detectPersonalInfo: false })));
  });
});

describe('shouting (§8, shoutingMinLetters 40, shoutingCapsPercent 70)', () => {
  test('a long comment mostly in capitals is held, with the percentage as evidence', () => {
    const body = 'THIS IS A DISGRACE AND THE MINISTER must resign IMMEDIATELY, EVERYONE KNOWS IT';
    const reason = reasonFor(judge(body), 'shouting');
    const letters = [...body].filter((c) => /\p{L}/u.test(c));
    const caps = letters.filter((c) => c === c.toUpperCase()).length;
    expect(reason.evidence).toEqual([{ kind: 'count', count: Math.round((caps / letters.length) * 100), limit: 70 }]);
    expect(reason.message).toMatch(/capital letters \(\d+%\)/);
    expectOnly(judge(body), 'shouting');
  });

  test.each([
    'NO WAY!',
    'THIS IS A DISGRACE!!!', // short
    'NASA, the FBI, the BBC and the NHS all issued statements about the UK budget today.',
    'I agree with the OP: the BBC and ITV coverage was poor.',
    '12345 67890 !!!! ???? 2024 2025 2026 ---- ==== ++++ 000 111 222 333 444 555',
    '政府は今日、新しい予算案を発表しました。多くの市民がこの決定について意見を述べています。',
  ])('not shouting: %s', (body) => {
    expectOnly(judge(body));
  });

  test('capitals that only look like capitals shout too; markup is not counted', () => {
    // Mathematical bold and fullwidth capitals have no case of their own in Unicode.
    const bold = [...'THE MINISTER IS A DISGRACE AND SHOULD RESIGN TODAY, EVERYONE KNOWS IT']
      .map((c) => (/[A-Z]/.test(c) ? String.fromCodePoint(0x1d400 + c.charCodeAt(0) - 65) : c))
      .join('');
    expectOnly(judge(bold), 'shouting');
    const fullwidth = [...'THE MINISTER IS A DISGRACE AND SHOULD RESIGN TODAY']
      .map((c) => (/[A-Z]/.test(c) ? String.fromCharCode(0xff21 + c.charCodeAt(0) - 65) : c))
      .join('');
    expectOnly(judge(fullwidth), 'shouting');
    // The tags' lower-case letters do not water the capitals down.
    expectOnly(judge('<b>THE MINISTER</b> <i>IS A DISGRACE</i> <b>AND SHOULD RESIGN</b> <i>TODAY</i>'), 'shouting');
  });

  test('thresholds follow the settings', () => {
    const body = 'STOP THE BYPASS NOW'; // 16 letters, all capitals
    expectOnly(judge(body));
    expectOnly(judge(body, trustedContext(), policyWith({ shoutingMinLetters: 16 })), 'shouting');
    expectOnly(judge(body, trustedContext(), policyWith({ shoutingMinLetters: 17 })));
    const mixed = 'STOP THE BYPASS now please'; // 13 capitals of 22 letters = 59.1%
    expectOnly(
      judge(mixed, trustedContext(), policyWith({ shoutingMinLetters: 5, shoutingCapsPercent: 59 })),
      'shouting',
    );
    expectOnly(judge(mixed, trustedContext(), policyWith({ shoutingMinLetters: 5, shoutingCapsPercent: 60 })));
    // Exactly at the percentage counts as shouting: 7 capitals of 10 letters is 70%.
    const exact = 'ABCDEFG hij';
    expectOnly(judge(exact, trustedContext(), policyWith({ shoutingMinLetters: 10 })), 'shouting');
    expectOnly(judge(exact, trustedContext(), policyWith({ shoutingMinLetters: 10, shoutingCapsPercent: 71 })));
  });
});

test('text evidence never strays outside the body', () => {
  const body =
    'IDIOT!!! read https://spam.example/x and ring 020 7946 0958, you 1d10t, SHUT UP ALREADY WITH ALL OF THIS NONSENSE';
  const verdict = judge(body, trustedContext(), defaultPolicy);
  expect(verdict.outcome).toBe('reject');
  for (const reason of verdict.reasons) spanTexts(body, reason);
  expectSpans(body, reasonFor(verdict, 'suspect-terms'), 'IDIOT', '1d10t', 'SHUT UP');
});
