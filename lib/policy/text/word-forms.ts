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
/**
 * Obscenities strong enough that any word glued to them makes a made-up insult ("shitgibbon", "twatwaffle",
 * "cockwomble", "thundercunt"): the compound is held as uncertain, not rejected, since the other part is no
 * listed word part. A prefix root takes a part of four letters or more, a suffix root one of three or more.
 */
export const strongPrefixes = ['shit', 'twat', 'cock', 'fuck', 'cunt', 'wank'];
export const strongSuffixes = ['cunt', 'twat', 'wank', 'fuck'];
/** Ordinary words and names that begin or end with a strong root, and so are no compound of it. */
export const notStrongCompounds = new Set(
  (
    'cocktail cocktails cockpit cockpits cockney cockneys cockerel cockerels cockatoo cockatoos cockatiel ' +
    'cockatiels cockroach cockroaches cockle cockles cockleshell cockscomb cocksure cockade cockfight cockfights ' +
    'cockfighting cockspur cockerspaniel cockapoo cockburn cockcroft cockermouth cockington cockfosters ' +
    'cockenzie cockayne cockerill cockshutt cockrell cockerham cockerton cockaigne cockamamie cockiness cockily ' +
    'cocking cocked cocky cockier cockiest cockups shitake shitakes shittim shitterton twattle twattling ' +
    'wankel wankie'
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

// Common little words of languages whose ordinary words a loose reading would produce (none of them an
// English word: "is", "van", "at", "on" would let an English comment pass as Dutch or Swedish).
const dutch = 'je het dat ik niet een jij wel zelf ook maar als kunnen zijn bent voor met naar hebt heeft'.split(' ');
const scandinavian = 'och att det jag inte är som för med på ett har vi till av og ikke jeg mig dig'.split(' ');
const estonian = 'ja ei et ka kui mis oli aga nii siis'.split(' ');

/**
 * Ordinary words of common European languages that a loose reading of an obscenity also produces (Dutch
 * "kunt", you can; Danish and Norwegian "sult", hunger; Dutch "koog", a polder; Swedish "fack", a union),
 * with the little words of those languages. In a comment with two or more of those little words the word is
 * read in that language and not matched; in an English comment ("Typical kunt") it is held like any loose
 * reading.
 */
export const ordinaryForeignWords = new Map<string, ReadonlySet<string>>([
  ['kunt', new Set(dutch)],
  ['kunts', new Set(dutch)],
  ['koog', new Set(dutch)],
  ['sult', new Set(scandinavian)],
  ['fack', new Set(scandinavian)],
  ['kuk', new Set([...scandinavian, ...estonian])],
]);

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
