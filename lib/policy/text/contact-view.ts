// A second reading of a comment for contact details and links, the way a person would copy them down:
// digits spelled as words ("five five five…"), digits of other scripts, letters standing for digits
// ("0207946O958", "555 l23 4567"), "at" and "dot" spelled out or bracketed ("john (at) gmail (dot) com",
// "spam[.]example"), fullwidth and middle dots, dashes and slashes between digit groups. The email, phone and
// host scanners then run on this text unchanged, and every span maps back to the original body.
//
// Built only when a cheap test finds something to rewrite (most comments: one regular expression test).
import { digitValue } from './normalize';

export type ContactView = {
  text: string;
  /** For each UTF-16 unit of `text`: the original span it came from. */
  starts: Int32Array;
  ends: Int32Array;
};

// No prototype: `word in numberWords` must not find "constructor".
const numberWords: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  zero: '0',
  oh: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  nought: '0',
});
const mailProviders = new Set(
  'gmail googlemail yahoo hotmail outlook live msn aol icloud me protonmail proton gmx yandex mail btinternet sky virginmedia talktalk example'.split(
    ' ',
  ),
);
const topLevel = new Set(
  'com net org co uk io info biz example de fr eu us ca au nz ie es it nl ru cn in xyz online site shop store click link top club news app dev me tv ly gov edu ac'.split(
    ' ',
  ),
);

const lettersForDigits = /[0-9][OoIl]|[OoIl][0-9]|[0-9](?:zero|one|two|three|four|five|six|seven|eight|nine)/i;

/** "[at]", "(dot)", "{.}", "( at )" opening at `i`. */
function bracketedAt(body: string, i: number): boolean {
  let k = i + 1;
  if (body.charCodeAt(k) === 32) k++;
  const c = body.charCodeAt(k) | 32;
  return (
    c === 46 ||
    (c === 97 && (body.charCodeAt(k + 1) | 32) === 116) ||
    (c === 100 && (body.charCodeAt(k + 1) | 32) === 111 && (body.charCodeAt(k + 2) | 32) === 116)
  );
}

const numberWordSet = new Set(Object.keys(numberWords));

/** A word's length (2–6) and its first two letters, as an index into a 16-bit table. */
const shapeOf = (word: string) =>
  ((word.length & 7) << 10) | ((word.charCodeAt(0) & 31) << 5) | (word.charCodeAt(1) & 31);
/** The shapes of the number words, "at" and "dot": most words ("the", "of", "said") are ruled out by one
 *  array read instead of a Set lookup. */
const contactWordShapes = new Uint8Array(1 << 13);
for (const word of [...numberWordSet, 'at', 'dot']) contactWordShapes[shapeOf(word)] = 1;

/** First letters of number words, "at" and "dot", as a bit mask over a–z. */
const wordStarts = [...'zotfsenad'].reduce((mask, c) => mask | (1 << (c.charCodeAt(0) - 97)), 0);
const isDigitCode = (code: number) => code >= 48 && code <= 57;

/**
 * Whether the body may hold something the view would rewrite, from what the tokenizer noticed on its one pass:
 * the dots, brackets, at signs and dashes it met, digits of other scripts, and its words (number words, "at",
 * "dot", letters mixed with digits). A combined regular expression, a loop over the characters or a dozen
 * substring searches each cost 10–20 µs per KB on this host; this costs a look at each mark and each word.
 */
export function mayHaveContact(body: string, words: TokenWords): boolean {
  if (words.foreignDigits) return true;
  for (const at of words.marks ?? []) {
    const code = body.charCodeAt(at);
    const before = body.charCodeAt(at - 1);
    const after = body.charCodeAt(at + 1);
    if (code === 46 /* . */) {
      if (before === 32 && after === 32) return true;
    } else if (code === 64 /* @ */) {
      if (before === 32 || after === 32) return true;
    } else if (code === 40 || code === 91 || code === 123 || code === 60) {
      if (bracketedAt(body, at)) return true;
    } else if (code >= 0x2012 && code <= 0x2212 && code !== 0x2024) {
      // a dash standing between spaced digit groups ("555 – 123")
      if (before === 32 && after === 32 && isDigitCode(body.charCodeAt(at - 2)) && isDigitCode(body.charCodeAt(at + 2)))
        return true;
    } else return true; // a look-alike dot or at sign
  }
  let previousWasNumber = false;
  for (let k = 0; k < words.length; k++) {
    const token = words[k]!;
    // Letters standing in for digits, or a number word glued to digits, inside one token ("l23", "5five5").
    if (token.mixed && lettersForDigits.test(body.slice(token.start, token.end))) return true;
    const word = token.core;
    const length = word.length;
    // Number words start with z o t f s e n; "at" with a; "dot" with d.
    if (
      length < 2 ||
      length > 6 ||
      (wordStarts & (1 << (word.charCodeAt(0) - 97))) === 0 ||
      contactWordShapes[shapeOf(word)] === 0
    ) {
      previousWasNumber = false;
      continue;
    }
    if (numberWordSet.has(word)) {
      if (previousWasNumber) return true;
      previousWasNumber = true;
      continue;
    }
    previousWasNumber = false;
    if (word === 'dot' && k + 1 < words.length) return true;
    if (word === 'at' && k + 1 < words.length && mailProviders.has(words[k + 1]!.core)) return true;
  }
  return false;
}

/** The tokenizer's words, whether it met digits of another script, and where it met dots, brackets, at signs
 *  and dashes (normalize.ts). */
export type TokenWords = readonly { core: string; mixed: boolean; start: number; end: number }[] & {
  foreignDigits?: boolean;
  marks?: readonly number[];
};

type Segment = { text: string; start: number; end: number; word: boolean };

const wordPattern = /[\p{L}\p{N}\p{M}]+/gu;

/** The rewritten text, or null when there is nothing to rewrite. */
export function contactView(body: string, words: TokenWords): ContactView | null {
  if (!mayHaveContact(body, words)) return null;
  const segments: Segment[] = [];
  let last = 0;
  for (const match of body.matchAll(wordPattern)) {
    if (match.index > last)
      segments.push({ text: body.slice(last, match.index), start: last, end: match.index, word: false });
    segments.push({ text: match[0], start: match.index, end: match.index + match[0].length, word: true });
    last = match.index + match[0].length;
  }
  if (last < body.length) segments.push({ text: body.slice(last), start: last, end: body.length, word: false });

  const out: string[] = segments.map((s) => s.text);
  const lower = segments.map((s) => (s.word ? s.text.toLowerCase() : s.text));
  const wordAt = (k: number) => (k >= 0 && k < segments.length && segments[k]!.word ? lower[k]! : undefined);

  // Runs of three or more number words ("five five five", "oh seven seven") become digits.
  for (let k = 0; k < segments.length;) {
    if (!(wordAt(k)! in numberWords)) {
      k++;
      continue;
    }
    let end = k;
    while (
      wordAt(end + 2) !== undefined &&
      wordAt(end + 2)! in numberWords &&
      /^[\s,-]+$/.test(segments[end + 1]!.text)
    )
      end += 2;
    if ((end - k) / 2 + 1 >= 3) {
      for (let m = k; m <= end; m += 2) out[m] = numberWords[lower[m]!]!;
      for (let m = k + 1; m < end; m += 2) out[m] = ' ';
    }
    k = end + 1;
  }

  for (let k = 0; k < segments.length; k++) {
    const seg = segments[k]!;
    if (seg.word) {
      let text = out[k]!;
      let digitish = false;
      for (let c = 0; c < text.length && !digitish; c++) {
        const code = text.charCodeAt(c);
        digitish = (code >= 48 && code <= 57) || code >= 0x660;
      }
      // Digits of other scripts and fullwidth digits → ASCII.
      if (digitish && /(?![0-9])\p{Nd}/u.test(text))
        text = Array.from(text, (c) => (/\p{Nd}/u.test(c) ? String(digitValue(c.codePointAt(0)!)) : c)).join('');
      // Number words inside a run of digits ("5five5").
      if (digitish && /\d/.test(text))
        text = text.replace(
          /zero|one|two|three|four|five|six|seven|eight|nine/gi,
          (w) => numberWords[w.toLowerCase()]!,
        );
      // Letters that stand for digits, in a word that is otherwise digits ("l23", "0207946O958", "9OO").
      if (digitish && text.length >= 3 && /\d/.test(text) && /^[\dOoIl]+$/.test(text))
        text = text.replace(/[Oo]/g, '0').replace(/[Il]/g, '1');
      out[k] = text;
      const word = lower[k]!;
      if (word === 'at' || word === 'dot') {
        const before = k > 0 ? segments[k - 1]!.text : '';
        const after = k + 1 < segments.length ? segments[k + 1]!.text : '';
        const bracketed = /[[({<]\s*$/.test(before) && /^\s*[\])}>]/.test(after);
        const prev = wordAt(k - 2);
        const next = wordAt(k + 2);
        const spaced = /^\s+$/.test(before) && /^\s+$/.test(after) && prev !== undefined && next !== undefined;
        const plainAt = word === 'at' && spaced && mailProviders.has(next!);
        const plainDot =
          word === 'dot' &&
          spaced &&
          (topLevel.has(next!) ||
            lower[k + 4] === 'dot' ||
            (k + 3 < segments.length && /^\s*[[({]?\s*(?:dot|\.)/.test(segments[k + 3]!.text)));
        if (bracketed || plainAt || plainDot) {
          out[k] = word === 'at' ? '@' : '.';
          if (k > 0) out[k - 1] = bracketed ? before.replace(/[[({<]\s*$/, '').replace(/\s+$/, '') : '';
          if (k + 1 < segments.length)
            out[k + 1] = bracketed ? after.replace(/^\s*[\])}>]/, '').replace(/^\s+/, '') : '';
        }
      }
      continue;
    }
    // Separators: bracketed or spaced dots and at signs, look-alike dots, dashes and slashes between digits.
    let text = out[k]!;
    if (text === ' ') continue; // the usual separator: nothing to rewrite
    if (text === '' || (k > 0 && out[k - 1] === '@') || (k > 0 && out[k - 1] === '.' && segments[k - 1]!.word)) {
      // already consumed by an "at" or "dot" before it
      if (text !== seg.text) continue;
    }
    const prevWord = wordAt(k - 1);
    const nextWord = wordAt(k + 1);
    if (prevWord !== undefined && nextWord !== undefined) {
      if (/^\s*[[({<]\s*\.\s*[\])}>]\s*$/.test(text)) text = '.';
      else if (/^\s+\.\s+$|^\s*[．·․。｡]\s*$/.test(text) && (topLevel.has(nextWord) || /^\s*[．·․。｡]\s*$/.test(text)))
        text = '.';
      else if (/^\s*[@＠]\s*$/.test(text)) text = '@';
      else if (/^\s*[–—‒−/]\s*$/.test(text) && /\d$/.test(out[k - 1]!) && /^\d/.test(out[k + 1]!))
        text = text.replace(/[–—‒−/]/, '-');
      else if (/^\s*[–—‒−]\s*$/.test(text)) text = text.replace(/[–—‒−]/, '-');
    }
    if (text.indexOf('＠') !== -1 || text.indexOf('．') !== -1) text = text.replace(/＠/g, '@').replace(/．/g, '.');
    out[k] = text;
  }

  // Assemble, remembering where each output unit came from.
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = 0; k < segments.length; k++) {
    const piece = out[k]!;
    const seg = segments[k]!;
    const same = piece === seg.text;
    for (let u = 0; u < piece.length; u++) {
      starts.push(same ? seg.start + u : seg.start);
      ends.push(same ? seg.start + u + 1 : seg.end);
    }
    text += piece;
  }
  return { text, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** The original span of the view's [start, end). */
export function originalSpan(view: ContactView, start: number, end: number): [number, number] {
  return [view.starts[start]!, view.ends[Math.max(start, end - 1)]!];
}
