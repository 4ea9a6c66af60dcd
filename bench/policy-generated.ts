// The generated corpus of the policy benchmark: ~1 KB comments of common words, names, figures, links and a few
// insults (disguised too), plus invented terms to fill a large policy. Seeded, so every run judges the same text.
import type { PolicyContext } from '../lib/policy';

/** mulberry32: small, fast, good enough to make the same comments on every run. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (
  'the council budget plan people local school road traffic housing report minister government story article ' +
  'think agree disagree really just because years money would should could never always many every their there ' +
  'about after before again against between through during without within public service policy voters election ' +
  'hospital police community transport village town city residents parking library funding cuts tax rise figures ' +
  'evidence reporter journalist interview statement decision meeting consultation proposal scheme development ' +
  'i you we they it this that what when where why how not very more most some any good bad better worse fair wrong'
).split(' ');
const names = ['Smith', 'Jones', 'Sussex', 'Dickens', 'Scunthorpe', 'Thursday', 'March', 'BBC', 'NHS', 'UK'];

/** Invented insult-like words: consonant-vowel syllables, never an English word by construction of the suffix. */
export function generatedTerms(count: number, random: () => number): string[] {
  const c = 'bcdfghjklmnprstvz';
  const v = 'aeiou';
  const terms = new Set<string>();
  while (terms.size < count) {
    let w = '';
    for (let s = 2 + Math.floor(random() * 2); s > 0; s--)
      w += c[Math.floor(random() * c.length)]! + v[Math.floor(random() * v.length)]!;
    terms.add(`${w}x`);
  }
  return [...terms];
}

export function makeComments(count: number, random: () => number, extraTerms: readonly string[]): string[] {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const comments: string[] = [];
  for (let n = 0; n < count; n++) {
    let body = '';
    while (body.length < 900 + random() * 250) {
      const length = 8 + Math.floor(random() * 14);
      const sentence: string[] = [];
      for (let w = 0; w < length; w++) {
        const roll = random();
        if (roll < 0.04) sentence.push(pick(names));
        else if (roll < 0.06) sentence.push(String(Math.floor(random() * 5000)));
        else if (roll < 0.062) sentence.push(pick(['idiot', 'stupid', 'liar', 'sh1t', 'i d i o t', 'ІDІОТ']));
        else if (roll < 0.064 && extraTerms.length) sentence.push(pick(extraTerms));
        else sentence.push(pick(words));
      }
      let text = sentence.join(' ');
      text = text[0]!.toUpperCase() + text.slice(1);
      if (random() < 0.05) text = text.toUpperCase();
      if (random() < 0.04) text += ` https://www.example.org/news/${Math.floor(random() * 1e6)}`;
      if (random() < 0.01) text += ' call 020 7946 0958';
      body += `${text}${pick(['.', '.', '.', '!', '?'])} `;
    }
    comments.push(body.trim());
  }
  return comments;
}

/** The context each comment is judged in: an established reader, roughly what the app loads (a few of the author's
 *  recent comments, a window of other readers'), drawn from `pool` with `random`. */
export function benchContext(random: () => number, now: Date, pool: readonly string[]): PolicyContext {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  return {
    now,
    author: {
      id: 'bench-user',
      createdAt: ago(200 * 86_400_000),
      approvedCount: 40,
      rejectedCount: 0,
      publishedCount: 40,
      premoderated: false,
      isStaff: false,
    },
    article: { commentsOpen: true, premoderate: false, publishedAt: ago(86_400_000), autoCloseDays: null },
    // Roughly what the app loads: a few of the author's recent comments, a window of other readers' comments.
    recentByAuthor: Array.from({ length: 3 }, (_, i) => ({
      body: pool[Math.floor(random() * pool.length)]!,
      createdAt: ago((i + 1) * 120_000),
    })),
    recentByOthers: Array.from({ length: 20 }, (_, i) => ({
      body: pool[Math.floor(random() * pool.length)]!,
      authorId: `other-${i}`,
      createdAt: ago(i * 20_000),
    })),
    recentFromIp: [{ createdAt: ago(30_000) }],
  };
}
