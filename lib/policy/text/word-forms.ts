// How a listed word may appear beyond what the tokenizer folds: glued to a closed list of word parts
// (compounds such as "shitshow"), or spelled loosely (phonetic, a typo, reversed). terms.ts compiles these
// into its lookups; a loose reading is never a sure match.

// Word parts that glue onto a listed word ("shitshow", "fuckoff", "apeshit"). A closed list: an open one
// would find "paki" in Pakistan.
export const tails = new Set(
  (
    'show shows storm storms off head heads face faces hole holes bag bags wit wits stain stains load loads ery er ers ing in y ed ' +
    'ton fest pot box hat poster posting posts post tard wad stick sticks bird brain brains monger lord lords mouth mouths nut nuts ' +
    'tastic ter ters ting ted tier tiest hound hounds muppet weasel clown clowns the you him her them ish wipe wipes'
  ).split(' '),
);
export const heads = new Set(
  (
    'ape bat bull horse dip dog chicken holy cluster mother jack dumb pig rat mind brain butt god cow fat goat mega super total ' +
    'fucking utter absolute bloody lying stupid little'
  ).split(' '),
);
/** Tails that make a noun an adjective or a verb form: only for obscenities, not for insults ("jerky"). */
export const strictOnlyTails = new Set([
  'er',
  'ers',
  'ing',
  'in',
  'y',
  'ed',
  'ery',
  'ter',
  'ters',
  'ting',
  'ted',
  'tier',
  'tiest',
  'ish',
]);

/** Ordinary words of common European languages that a loose reading would otherwise produce (Dutch "kunt",
 *  you can; Danish and Norwegian "sult", hunger; Dutch "koog", a polder): never taken as a loose reading. */
export const ordinaryForeignWords = new Set(['kunt', 'kunts', 'sult', 'koog', 'fack', 'kuk']);

/** Loose readings of a word: phonetic spellings (ph for f, v for u, k/q/kk/cc for ck, y for i, z for s),
 *  one pair of inner letters swapped, and the word reversed. */
export function looseReadings(word: string): string[] {
  const out = new Set<string>();
  const swaps: [RegExp, string][] = [
    [/f/g, 'ph'],
    [/u/g, 'v'],
    [/ck/g, 'k'],
    [/ck/g, 'q'],
    [/ck/g, 'kk'],
    [/ck/g, 'cc'],
    [/^c/, 'k'],
    [/i/g, 'y'],
    [/ss/g, 'zz'],
    [/er$/, 'a'],
    [/l/g, 'i'], // a capital I for l: "asshoIe"
  ];
  const once = (w: string) => swaps.map(([from, to]) => w.replace(from, to)).filter((v) => v !== w);
  // Two substitutions only where they combine in practice (ph + k: "phuk"); one elsewhere. Keeps a
  // 2,000-term list to ~20 readings per root (compile time).
  const combining = /f|ck/.test(word);
  for (const first of once(word)) {
    out.add(first);
    if (combining) for (const second of once(first)) out.add(second);
  }
  for (let i = 1; i + 2 < word.length; i++)
    if (word[i] !== word[i + 1]) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  out.add([...word].reverse().join(''));
  out.delete(word);
  return [...out];
}
