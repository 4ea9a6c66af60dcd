// Turns a comment into word tokens that survive common evasions, remembering where each token sits in
// the original text. One pass over the input, constant work per character: linear time, no regular
// expressions over the whole body.
//
// Per character:
//   - zero-width, bidi and other format characters, and combining marks: dropped (they do not split words);
//   - compatibility forms (fullwidth, mathematical letters, ligatures) and accents: folded by NFKD;
//   - Cyrillic and Greek look-alikes: mapped to the Latin letter they imitate;
//   - letters: lower-cased; digits and a few symbols inside a word: read as leetspeak (1d10t → idiot).

export type Token = {
  /** Normalised text: lower case, look-alikes folded, leetspeak read when the token has letters. */
  text: string;
  /** The same with symbols at either edge removed ("idiot!" → "idiot"). */
  core: string;
  /**
   * For a one-character token, the letter it stands for when a word is spelled out letter by letter
   * ("i d 1 o t": digits and symbols read as leetspeak); empty for longer tokens.
   */
  spelled: string;
  /** True when the token has at least one letter (so "1" and "$" alone are not). */
  hasLetter: boolean;
  /** UTF-16 offsets in the original body. */
  start: number;
  end: number;
  /** Offsets of the core (the whole token when the core is empty). */
  coreStart: number;
  coreEnd: number;
};

const enum Kind {
  Letter,
  Digit,
  Symbol, // leet symbols such as $ @ !
  Skip, // invisible: zero-width, bidi, combining marks
  Other, // separators
}

type CharInfo = { kind: Kind; text: string; leet: string };

const leet: Record<string, string> = {
  '0': 'o', '1': 'i', '2': 'z', '3': 'e', '4': 'a', '5': 's', '6': 'g', '7': 't', '8': 'b', '9': 'g',
  '$': 's', '@': 'a', '!': 'i', '|': 'l', '+': 't', '€': 'e', '£': 'l', '¡': 'i',
};

// Cyrillic, Greek and other look-alikes of Latin letters (after lower-casing and NFKD).
const confusables: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ѕ: 's', і: 'i', ї: 'i',
  ј: 'j', ԁ: 'd', ɡ: 'g', һ: 'h', ӏ: 'l', ԛ: 'q', ԝ: 'w', ь: 'b', ү: 'y', ҫ: 'c', ӓ: 'a', ӧ: 'o', ӱ: 'y', з: '3',
  α: 'a', β: 'b', γ: 'y', δ: 'd', ε: 'e', ζ: 'z', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', σ: 's', ς: 's', τ: 't',
  υ: 'u', χ: 'x', ω: 'w', ϲ: 'c', ı: 'i', ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ŧ: 't', ß: 'ss', æ: 'ae', œ: 'oe', ſ: 's',
};

const ascii: CharInfo[] = Array.from({ length: 128 }, (_, code) => {
  const ch = String.fromCharCode(code);
  if (/[a-z]/.test(ch)) return { kind: Kind.Letter, text: ch, leet: ch };
  if (/[A-Z]/.test(ch)) return { kind: Kind.Letter, text: ch.toLowerCase(), leet: ch.toLowerCase() };
  if (/[0-9]/.test(ch)) return { kind: Kind.Digit, text: ch, leet: leet[ch]! };
  if (ch in leet) return { kind: Kind.Symbol, text: ch, leet: leet[ch]! };
  return { kind: Kind.Other, text: '', leet: '' };
});

/** The kind of each ASCII character, for the tight loops in tokenize. */
const asciiKind = Uint8Array.from(ascii, (info) => info.kind);

const formatOrMark = /^[\p{Cf}\p{M}\u034F\u115F\u1160\u3164\uFFA0]$/u;
const letter = /^\p{L}$/u;
const digit = /^\p{Nd}$/u;
const marks = /\p{M}/gu;
const memo = new Map<number, CharInfo>();

function describe(code: number): CharInfo {
  const known = memo.get(code);
  if (known) return known;
  let info: CharInfo;
  if (code >= 0xd800 && code <= 0xdfff) info = { kind: Kind.Other, text: '', leet: '' }; // lone surrogate
  else {
    const ch = String.fromCodePoint(code);
    if (formatOrMark.test(ch)) info = { kind: Kind.Skip, text: '', leet: '' };
    else {
      // NFKD folds compatibility forms and splits accents off; then drop the accents.
      let folded = ch.normalize('NFKD').replace(marks, '').toLowerCase();
      folded = Array.from(folded, (c) => confusables[c] ?? c).join('');
      if (folded.length === 1 && folded.charCodeAt(0) < 128) info = { ...ascii[folded.charCodeAt(0)]! };
      else if (folded && Array.from(folded).every((c) => letter.test(c))) info = { kind: Kind.Letter, text: folded, leet: folded };
      else if (digit.test(ch)) info = { kind: Kind.Digit, text: ch, leet: ch };
      else if (ch in leet) info = { kind: Kind.Symbol, text: ch, leet: leet[ch]! };
      else info = { kind: Kind.Other, text: '', leet: '' };
    }
  }
  if (memo.size < 50_000) memo.set(code, info);
  return info;
}

/** Splits the body into normalised word tokens with their original offsets. Linear in the input.
 *  Hot path (every comment, every keystroke check): strings are built as the characters arrive, with no
 *  per-token arrays or closures. */
export function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  // The token being built: its text read literally and read as leetspeak, and where its core
  // (the token without symbols at its edges) begins and ends, in the body and in those two strings.
  let raw = '';
  let leetText = '';
  let pieces = 0;
  let hasLetter = false;
  let start = -1;
  let end = -1;
  let coreFirst: CharInfo | undefined; // first non-symbol piece
  let coreCount = 0; // non-symbol pieces
  let firstPiece: CharInfo | undefined;
  let coreStart = -1;
  let coreEnd = -1;
  let rawCoreFrom = 0;
  let leetCoreFrom = 0;
  let rawCoreTo = 0;
  let leetCoreTo = 0;
  // Symbols after the last non-symbol piece still count for the core's span until another piece arrives.
  let lastNonSymbolPiece = -1;
  let firstNonSymbolPiece = -1;
  // Most tokens are plain ASCII words: for those the strings are one slice of the body, made at the end.
  let simple = true;
  let simpleEnd = -1; // end of the last letter read on the fast path
  let simpleUpper = false; // the fast-path word has a capital (lower-case it once, at the end)

  const length = body.length;
  for (let i = 0; i <= length; ) {
    let code = i < length ? body.charCodeAt(i) : -1;
    if (pieces === 0 && code >= 0 && code < 128) {
      const kind = asciiKind[code]!;
      if (kind === Kind.Other) {
        // A separator between words: nothing to flush, nothing to reset.
        i++;
        continue;
      }
      if (kind === Kind.Letter) {
        // A run of ASCII letters, read in one tight loop. When a separator (or the end) follows, the run is
        // the whole token: push it without touching the builder's state, as the fast path below would.
        let j = i + 1;
        let upper = code <= 90;
        let next = -1;
        for (; j < length; j++) {
          next = body.charCodeAt(j);
          if (next >= 97 ? next > 122 : next < 65 || next > 90) break;
          if (next <= 90) upper = true;
          next = -1;
        }
        if (next < 0 || (next < 128 && asciiKind[next] === Kind.Other)) {
          const slice = body.slice(i, j);
          const text = upper ? slice.toLowerCase() : slice;
          tokens.push({ text, core: text, spelled: j - i === 1 ? text : '', hasLetter: true, start: i, end: j, coreStart: i, coreEnd: j });
          i = j + 1;
          continue;
        }
        // Something else follows (a digit, a symbol, an invisible or non-ASCII character): hand the run
        // over to the character-by-character builder exactly as if it had read these letters itself.
        start = i;
        end = simpleEnd = j;
        simpleUpper = upper;
        firstPiece = ascii[code]!;
        pieces = j - i;
        i = j;
        continue;
      }
    }
    if (code >= 0xd800 && code <= 0xdbff) code = body.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const info = code < 0 ? undefined : code < 128 ? ascii[code]! : describe(code);
    if (info && info.kind === Kind.Skip) {
      if (start >= 0) {
        end = i + width;
        if (lastNonSymbolPiece === pieces - 1) coreEnd = end;
      }
    } else if (!info || info.kind === Kind.Other) {
      if (pieces && simple) {
        const slice = body.slice(start, simpleEnd);
        const text = simpleUpper ? slice.toLowerCase() : slice;
        tokens.push({ text, core: text, spelled: pieces === 1 ? text : '', hasLetter: true, start, end, coreStart: start, coreEnd: end });
      } else if (pieces) {
        const text = hasLetter ? leetText : raw;
        let core: string;
        let cs: number;
        let ce: number;
        if (firstNonSymbolPiece < 0) {
          core = '';
          cs = start;
          ce = end;
        } else {
          core = hasLetter ? leetText.slice(leetCoreFrom, leetCoreTo) : raw.slice(rawCoreFrom, rawCoreTo);
          cs = coreStart;
          ce = coreEnd;
        }
        // One character, ignoring symbols at the edges ("t!" is "t"); a lone digit or symbol is its leet letter.
        const single = coreCount === 1 && lastNonSymbolPiece === firstNonSymbolPiece ? coreFirst : pieces === 1 ? firstPiece : undefined;
        const spelled = single && single.leet.length === 1 ? single.leet : '';
        tokens.push({ text, core, spelled, hasLetter, start, end, coreStart: cs, coreEnd: ce });
      }
      raw = '';
      leetText = '';
      pieces = 0;
      hasLetter = false;
      start = -1;
      coreFirst = undefined;
      coreCount = 0;
      firstPiece = undefined;
      lastNonSymbolPiece = -1;
      firstNonSymbolPiece = -1;
      simple = true;
      simpleUpper = false;
    } else {
      if (simple) {
        if (info.kind === Kind.Letter && code < 128 && (start < 0 || end === simpleEnd)) {
          // Still a plain ASCII word (and no invisible character inside it): nothing to build yet.
          if (start < 0) start = i;
          end = simpleEnd = i + 1;
          if (code <= 90) simpleUpper = true;
          if (pieces === 0) firstPiece = info;
          pieces++;
          i += 1;
          continue;
        }
        if (pieces) {
          // Leaving the fast path: build what the slow path would have built so far.
          raw = leetText = body.slice(start, simpleEnd).toLowerCase();
          firstNonSymbolPiece = 0;
          coreFirst = firstPiece;
          coreCount = pieces;
          lastNonSymbolPiece = pieces - 1;
          coreStart = start;
          coreEnd = end;
          rawCoreFrom = leetCoreFrom = 0;
          rawCoreTo = leetCoreTo = raw.length;
          hasLetter = true;
        }
        simple = false;
      }
      if (start < 0) start = i;
      end = i + width;
      if (info.kind === Kind.Letter) hasLetter = true;
      if (pieces === 0) firstPiece = info;
      if (info.kind !== Kind.Symbol) {
        if (firstNonSymbolPiece < 0) {
          firstNonSymbolPiece = pieces;
          coreFirst = info;
          coreStart = i;
          rawCoreFrom = raw.length;
          leetCoreFrom = leetText.length;
        }
        coreCount++;
        lastNonSymbolPiece = pieces;
        coreEnd = end;
      }
      raw += info.text;
      leetText += info.leet;
      if (info.kind !== Kind.Symbol) {
        rawCoreTo = raw.length;
        leetCoreTo = leetText.length;
      }
      pieces++;
    }
    i += width;
  }
  return tokens;
}

/** Normalises a configured term the way comment text is normalised: its tokens joined by single spaces. */
export function normalizeTerm(term: string): string {
  return tokenize(term)
    .map((token) => token.text)
    .join(' ');
}

/** Collapses runs of one repeated letter ("idiiiot" → "idiot", "sooo" → "so"). */
export function collapseRepeats(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) if (text[i] !== text[i - 1]) out += text[i];
  return out;
}

/** True when the text has a run of 3 or more of the same character (a deliberate stretch). */
export function hasStretch(text: string): boolean {
  for (let i = 2; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === text.charCodeAt(i - 1) && code === text.charCodeAt(i - 2)) return true;
  }
  return false;
}
