// The ASCII letters a character looks like: lower case, accents off, compatibility forms folded (NFKD), then
// Unicode's TR39 confusables skeleton (confusables-data.ts) and the look-alikes that table lacks. normalize.ts
// asks once per distinct code point and memoises the answer, so none of this is on the per-character path.
import { tr39Latin } from './confusables-data';

// Cyrillic, Greek and other look-alikes of Latin letters (after lower-casing and NFKD).
const confusables: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ԁ: 'd',
  ɡ: 'g',
  һ: 'h',
  ӏ: 'l',
  ԛ: 'q',
  ԝ: 'w',
  ь: 'b',
  ү: 'y',
  ҫ: 'c',
  ӓ: 'a',
  ӧ: 'o',
  ӱ: 'y',
  з: '3',
  α: 'a',
  β: 'b',
  γ: 'y',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  ϲ: 'c',
  ı: 'i',
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ħ: 'h',
  ŧ: 't',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ſ: 's',
};

// Small capitals and hooked or barred Latin letters that the TR39 table (Unicode 10) does not map.
const extraLookalikes: Record<string, string> = {
  ᴀ: 'a',
  ʙ: 'b',
  ᴄ: 'c',
  ᴅ: 'd',
  ᴇ: 'e',
  ꜰ: 'f',
  ɢ: 'g',
  ʜ: 'h',
  ɪ: 'i',
  ᴊ: 'j',
  ᴋ: 'k',
  ʟ: 'l',
  ᴍ: 'm',
  ɴ: 'n',
  ᴏ: 'o',
  ᴘ: 'p',
  ʀ: 'r',
  ꜱ: 's',
  ᴛ: 't',
  ᴜ: 'u',
  ᴠ: 'v',
  ᴡ: 'w',
  ʏ: 'y',
  ᴢ: 'z',
  ⱥ: 'a',
  ɱ: 'm',
  ʋ: 'u',
  ɛ: 'e',
  ƚ: 'l',
  ɽ: 'r',
  ⱳ: 'w',
  ɗ: 'd',
  ƈ: 'c',
  ƙ: 'k',
  ƥ: 'p',
  ɲ: 'n',
  ƒ: 'f',
  ɠ: 'g',
  ƴ: 'y',
  ȥ: 'z',
  ɉ: 'j',
  ɓ: 'b',
  ƭ: 't',
  ɨ: 'i',
  ʉ: 'u',
  ɵ: 'o',
  ƶ: 'z',
  ɍ: 'r',
  ɩ: 'i',
  ǀ: 'l',
  ĸ: 'k',
  ʍ: 'm',
};

const asciiLetters = /^[a-z]+$/;
const marks = /\p{M}/gu;

/** Lower case, compatibility forms and accents folded: "Ｅ" and "é" → "e". */
export const fold = (s: string) => s.normalize('NFKD').replace(marks, '').toLowerCase();

/** Lower-case, accents off, compatibility forms folded: the ASCII letters a character looks like, or ''. */
export function lookalike(ch: string): string {
  const mapped = (s: string) => Array.from(s, (c) => confusables[c] ?? extraLookalikes[c] ?? c).join('');
  // The character's own look-alike first: compatibility folding can change what it looks like (the lunate
  // sigma "ϲ" looks like c, but folds to σ).
  const own = confusables[ch] ?? confusables[ch.toLowerCase()];
  if (own !== undefined && asciiLetters.test(own)) return own;
  const direct = mapped(fold(ch));
  if (asciiLetters.test(direct)) return direct;
  // TR39 skeletons, already folded by the generator (an apostrophe or mark for a hook dropped: "Ƈ" → "c").
  for (const form of [ch, ch.toLowerCase(), ch.toUpperCase(), direct]) {
    const skeleton = tr39Latin[form];
    if (skeleton === undefined) continue;
    const letters = mapped(skeleton);
    if (asciiLetters.test(letters)) return letters;
  }
  return '';
}
