// Spam reposts: the same text again, from the same account (rejected) or from several accounts (held),
// disguised with a look-alike letter, leetspeak, padding or an appended word. The `recent…` fields are
// the comments already posted within the duplicate window.
import type { EvalCase } from './types';

const spam = [
  'Earn 500 pounds a day working from home, message me to find out how it works for you.',
  'The council are hiding the truth about the new road scheme, share this before they delete it.',
  'Vote for the independent candidate on Thursday, the only one who listens to residents.',
  'I made 3000 last week with this simple trading method, ask me and I will show you.',
  'Boycott this newspaper until they print the full report on the hospital closures.',
  'Check my profile for the real story behind the stadium deal that nobody reports.',
  'This is the best investment opportunity of the year, limited places, reply to join now.',
  'Free phones for everyone who signs up today, just reply with your postcode please.',
];

const disguises: ((s: string) => string)[] = [
  (s) => s.replace('o', 'о'), // one Cyrillic letter
  (s) => s.replace(/o/g, '0'), // zero for o
  (s) => `${s} Thanks!`, // appended word
  (s) => s.replace(/ /g, '  '), // padded spaces
  (s) => s.toUpperCase(),
  (s) => `${s} 🙂🙂`, // emoji padding
  (s) => s.replace(/e/g, '3').replace(/a/g, '4'), // leet
  (s) => `>> ${s.replace(/\./g, '!!!')}`, // punctuation
  (s) => s.replace(/(\w)(\w*)/g, (_, a: string, b: string) => a.toUpperCase() + b), // Title Case
  (s) => s.replace('a', 'ａ').replace('e', 'е'), // fullwidth and Cyrillic
];

const cases: EvalCase[] = [];
spam.forEach((text, n) => {
  const a = disguises[n % disguises.length]!;
  const b = disguises[(n + 3) % disguises.length]!;
  const c = disguises[(n + 6) % disguises.length]!;
  cases.push({ group: 'spam-reposts', body: a(text), expect: 'reject', recentByAuthor: [text], note: 'same account' });
  cases.push({
    group: 'spam-reposts',
    body: b(text),
    expect: 'reject',
    recentByAuthor: [c(text)],
    note: 'same account, both disguised',
  });
  cases.push({
    group: 'spam-reposts',
    body: c(text),
    expect: 'hold',
    recentByOthers: [text, a(text)],
    note: 'two other accounts',
  });
});

export const repostCases: readonly EvalCase[] = cases;

/** Innocent comments posted after others on the same story: similar, but not the same text. */
export const innocentAfterOthers: readonly EvalCase[] = [
  [
    'I agree with the council on this one, the road needed fixing years ago.',
    'I agree with the council on this one, but the road did not need fixing at all.',
  ],
  [
    'Thanks for the reporting, it is good to see local news covered properly.',
    'Thanks for the reporting, though the headline overstates what the inspectors found.',
  ],
  [
    'The figures show a 4.5% rise in waiting times since 2019.',
    'The figures show a 3.2% rise in waiting times since 2021.',
  ],
  ['Well said, Margaret.', 'Well said, Margaret. The consultation was a sham.'],
  [
    'Which ward is this in? I live near the library and have not heard anything.',
    'Which ward is this in? I live near the station and have heard nothing either.',
  ],
].flatMap(([earlier, now]) => [
  { group: 'similar-not-duplicate', body: now!, expect: 'publish' as const, recentByAuthor: [earlier!] },
  { group: 'similar-not-duplicate', body: now!, expect: 'publish' as const, recentByOthers: [earlier!, earlier!] },
]);
