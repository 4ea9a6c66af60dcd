// Contact details and links written so that a filter does not read them: spaced, bracketed, spelled out,
// encoded, invisible characters, look-alike letters, defanged schemes. Spans point into the original text.
import { describe, expect, test } from 'vitest';
import { expectOnly, judge, reasonFor, spanTexts } from './helpers';

describe('emails in disguise (personal-info)', () => {
  test.each([
    ['Selling two seats, emma.k at gmail if interested.', 'emma.k at gmail'],
    ['Reach me: p e t e @ g m a i l . c o m', 'p e t e @ g m a i l . c o m'],
    ['lisa -at- aol -dot- com', 'lisa -at- aol -dot- com'],
    ['Lonely? Write to me, nicola.r@gmail', 'nicola.r@gmail'],
    ['Ping me at chris@gm\u0430il.com', 'chris@gm\u0430il.com'],
    ['Email: alex&#64;gmail&#46;com', 'alex&#64;gmail&#46;com'],
    ['ann.lee%40gmail.com', 'ann.lee%40gmail.com'],
    ['paul.b AT gmail D0T com', 'paul.b AT gmail D0T com'],
    ['sam\u200b@\u200boutlook.com', 'sam\u200b@\u200boutlook.com'],
  ])('%j', (body, span) => {
    expectOnly(judge(body), 'personal-info');
    expect(spanTexts(body, reasonFor(judge(body), 'personal-info'))).toEqual([span]);
  });

  test('words next to a mail provider are not an address', () => {
    expectOnly(judge('Look at Yahoo, then look at where Google is now. I was at gmail for years.'));
  });
});

describe('phones in disguise (personal-info)', () => {
  test.each([
    'Ring me: oh seven seven double oh, nine double oh, one two three.',
    'Call 07700 nine zero zero one two three',
    'Phone: 07700_900_321',
    '0\ufe0f\u20e37\ufe0f\u20e37\ufe0f\u20e30\ufe0f\u20e30\ufe0f\u20e39\ufe0f\u20e30\ufe0f\u20e30\ufe0f\u20e31\ufe0f\u20e32\ufe0f\u20e33\ufe0f\u20e3',
    'oh-seven-seven-hundred, nine-double-oh, one-two-three',
    '077\u200b00 9\u200b00 1\u200b23',
  ])('%j', (body) => {
    expectOnly(judge(body), 'personal-info');
  });
});

describe('links in disguise (disguised-link, §7)', () => {
  test.each([
    ['The real story is here: hxxp://truth-news.ru/article', 'hxxp://truth-news.ru/article'],
    ['see hxxps://bit.ly/3abcXYZ', 'hxxps://bit.ly/3abcXYZ'],
    ['Go to www[.]bestcasino[.]net for 200 free spins.', 'www[.]bestcasino[.]net'],
    ['Check out cheap-meds dot com for the pills.', 'cheap-meds dot com'],
    ['hxxp[:]//malware[.]xyz/update', 'hxxp[:]//malware[.]xyz/update'],
    ['Join my channel t dot me slash cryptopump', 't dot me slash cryptopump'],
    ['Free iPhone at htps//win-prize.top', 'htps//win-prize.top'],
    ['More at vk . com / id12345', 'vk . com / id12345'],
    ['https:// bit .ly /win-now', 'https:// bit .ly /win-now'],
    ['Full videos: tinyurl com/y7abc', 'tinyurl com/y7abc'],
    ['h\u200bttp://spam-offers.example/win', 'h\u200bttp://spam-offers.example/win'],
    [
      '\uff57\uff57\uff57\uff0e\uff53\uff43\uff41\uff4d\uff0e\uff43\uff4f\uff4d',
      '\uff57\uff57\uff57\uff0e\uff53\uff43\uff41\uff4d\uff0e\uff43\uff4f\uff4d',
    ],
    ['www. casino-royale .bet', 'www. casino-royale .bet'],
    ['h t t p s : / / scam . biz / offer', 'h t t p s : / / scam . biz / offer'],
  ])('%j', (body, span) => {
    const verdict = judge(body);
    expectOnly(verdict, 'disguised-link');
    expect(spanTexts(body, reasonFor(verdict, 'disguised-link'))).toEqual([span]);
  });

  test('three disguised links are held for the limit too', () => {
    const body = 'See freebitcoin(dot)com and freeeth(dot)com and freedoge(dot)com';
    expectOnly(judge(body), 'disguised-link', 'link-limit');
  });

  test('plain links, figures and sentences are not disguised links', () => {
    for (const body of [
      'Full report here: https://www.bbc.co.uk/news',
      'Remember the dot com crash in 2000? The dot-com bubble all over again.',
      'Update to v2.3.1, read report.pdf, kick-off at 2.30pm, inflation 4.5%, e.g. the U.S. figures.',
      'They have spent years on it.Nothing has changed.',
      'Data from https://data.police.uk/ shows burglary is down.',
    ])
      expectOnly(judge(body));
  });
});
