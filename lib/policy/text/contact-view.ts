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
  zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', nought: '0',
});
const mailProviders = new Set(
  'gmail googlemail yahoo hotmail outlook live msn aol icloud me protonmail proton gmx yandex mail btinternet sky virginmedia talktalk example'.split(' '),
);
const topLevel = new Set(
  'com net org co uk io info biz example de fr eu us ca au nz ie es it nl ru cn in xyz online site shop store click link top club news app dev me tv ly gov edu ac'.split(' '),
);

const isDigitCode = (code: number) => code >= 48 && code <= 57;
const isLetterCode = (code: number) => (code | 32) >= 97 && (code | 32) <= 122;
const nonAsciiDigits = new Map<number, boolean>();
function isNonAsciiDigit(code: number): boolean {
  let known = nonAsciiDigits.get(code);
  if (known === undefined) {
    known = /^\p{Nd}$/u.test(String.fromCodePoint(code));
    if (nonAsciiDigits.size < 10_000) nonAsciiDigits.set(code, known);
  }
  return known;
}
/** Look-alike dots and at signs: always worth a second reading. */
const oddDots = new Set([0xff20, 0xff0e, 0xb7, 0x2024, 0x3002, 0xff61]);
const dashes = new Set([0x2013, 0x2014, 0x2012, 0x2212]);

const enum Word {
  Number,
  At,
  Dot,
}
const hashOf = (word: string) => [...word].reduce((hash, c) => (Math.imul(hash, 31) + c.charCodeAt(0)) | 0, 0);
const wordKinds = new Map<number, Word>([...Object.keys(numberWords).map((w) => [hashOf(w), Word.Number] as const), [hashOf('at'), Word.At], [hashOf('dot'), Word.Dot]]);

/**
 * Whether the body may hold something the view would rewrite: one pass over the characters, looking only
 * at word starts, digits and a few punctuation marks (a combined regular expression cost 10–40 µs per KB).
 */
export function mayHaveContact(body: string): boolean {
  let previousWasNumber = false;
  let previousWordEnd = -1;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    if (code >= 128) {
      if (oddDots.has(code)) return true;
      // Dashes between digits only when spaced ("555 – 123"): unspaced ones the phone scanner reads itself.
      if (dashes.has(code) && body.charCodeAt(i - 1) === 32 && body.charCodeAt(i + 1) === 32 && isDigitCode(body.charCodeAt(i - 2)) && isDigitCode(body.charCodeAt(i + 2))) return true;
      if (code >= 0x660 && isNonAsciiDigit(code)) return true;
      continue;
    }
    if (isDigitCode(code)) {
      const next = body.charCodeAt(i + 1);
      // letters for digits ("l23", "9OO"), slashes between digits, digits around a number word ("5five5")
      if (next === 79 || next === 111 || next === 73 || next === 108) return true;
      const prev = body.charCodeAt(i - 1);
      if (prev === 79 || prev === 111 || prev === 73 || prev === 108) return true;
      if (isLetterCode(next) && numberWords[body.slice(i + 1, i + 6).replace(/[^a-z].*$/i, '').toLowerCase()] !== undefined) return true;
      continue;
    }
    if (code === 64 /* @ */) {
      if (body.charCodeAt(i - 1) === 32 || body.charCodeAt(i + 1) === 32) return true;
      continue;
    }
    if (code === 46 /* . */) {
      if (body.charCodeAt(i - 1) === 32 && body.charCodeAt(i + 1) === 32) return true;
      continue;
    }
    if (code === 91 || code === 40 || code === 123 || code === 60) {
      // "[at]", "(dot)", "{.}", "( at )"
      let k = i + 1;
      while (body.charCodeAt(k) === 32) k++;
      const word = body.slice(k, k + 3).toLowerCase();
      if (word.startsWith('at') || word === 'dot' || word.startsWith('.')) return true;
      continue;
    }
    if (isLetterCode(code) && !isLetterCode(body.charCodeAt(i - 1))) {
      // A word starts: number words in a row, "at <mail provider>", "dot <word>". Words are hashed as they
      // are read (no string per word); a hash hit is confirmed by comparing the text.
      let end = i;
      let hash = 0;
      for (; end < body.length; end++) {
        const c = body.charCodeAt(end);
        if (!isLetterCode(c)) break;
        hash = (Math.imul(hash, 31) + (c | 32)) | 0;
      }
      const kind = end - i <= 6 ? wordKinds.get(hash) : undefined;
      const word = kind === undefined ? '' : body.slice(i, end).toLowerCase();
      if (kind === Word.Number && word in numberWords) {
        if (previousWasNumber && /^[\s,-]+$/.test(body.slice(previousWordEnd, i))) return true;
        previousWasNumber = true;
      } else previousWasNumber = false;
      if (kind === Word.Dot && word === 'dot' && body.charCodeAt(end) === 32 && isLetterCode(body.charCodeAt(end + 1))) return true;
      if (kind === Word.At && word === 'at' && body.charCodeAt(end) === 32) {
        let after = end + 1;
        while (after < body.length && isLetterCode(body.charCodeAt(after))) after++;
        if (mailProviders.has(body.slice(end + 1, after).toLowerCase())) return true;
      }
      previousWordEnd = end;
      i = end - 1;
    }
  }
  return false;
}

type Segment = { text: string; start: number; end: number; word: boolean };

const wordPattern = /[\p{L}\p{N}\p{M}]+/gu;

/** The rewritten text, or null when there is nothing to rewrite. */
export function contactView(body: string): ContactView | null {
  if (!mayHaveContact(body)) return null;
  const segments: Segment[] = [];
  let last = 0;
  for (const match of body.matchAll(wordPattern)) {
    if (match.index > last) segments.push({ text: body.slice(last, match.index), start: last, end: match.index, word: false });
    segments.push({ text: match[0], start: match.index, end: match.index + match[0].length, word: true });
    last = match.index + match[0].length;
  }
  if (last < body.length) segments.push({ text: body.slice(last), start: last, end: body.length, word: false });

  const out: string[] = segments.map((s) => s.text);
  const lower = segments.map((s) => (s.word ? s.text.toLowerCase() : s.text));
  const wordAt = (k: number) => (k >= 0 && k < segments.length && segments[k]!.word ? lower[k]! : undefined);

  // Runs of three or more number words ("five five five", "oh seven seven") become digits.
  for (let k = 0; k < segments.length; ) {
    if (!(wordAt(k)! in numberWords)) {
      k++;
      continue;
    }
    let end = k;
    while (wordAt(end + 2) !== undefined && wordAt(end + 2)! in numberWords && /^[\s,-]+$/.test(segments[end + 1]!.text)) end += 2;
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
      if (digitish && /(?![0-9])\p{Nd}/u.test(text)) text = Array.from(text, (c) => (/\p{Nd}/u.test(c) ? String(digitValue(c.codePointAt(0)!)) : c)).join('');
      // Number words inside a run of digits ("5five5").
      if (digitish && /\d/.test(text)) text = text.replace(/zero|one|two|three|four|five|six|seven|eight|nine/gi, (w) => numberWords[w.toLowerCase()]!);
      // Letters that stand for digits, in a word that is otherwise digits ("l23", "0207946O958", "9OO").
      if (digitish && text.length >= 3 && /\d/.test(text) && /^[\dOoIl]+$/.test(text)) text = text.replace(/[Oo]/g, '0').replace(/[Il]/g, '1');
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
        const plainDot = word === 'dot' && spaced && (topLevel.has(next!) || lower[k + 4] === 'dot' || (k + 3 < segments.length && /^\s*[[({]?\s*(?:dot|\.)/.test(segments[k + 3]!.text)));
        if (bracketed || plainAt || plainDot) {
          out[k] = word === 'at' ? '@' : '.';
          if (k > 0) out[k - 1] = bracketed ? before.replace(/[[({<]\s*$/, '').replace(/\s+$/, '') : '';
          if (k + 1 < segments.length) out[k + 1] = bracketed ? after.replace(/^\s*[\])}>]/, '').replace(/^\s+/, '') : '';
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
      else if (/^\s+\.\s+$|^\s*[．·․。｡]\s*$/.test(text) && (topLevel.has(nextWord) || /^\s*[．·․。｡]\s*$/.test(text))) text = '.';
      else if (/^\s*[@＠]\s*$/.test(text)) text = '@';
      else if (/^\s*[–—‒−/]\s*$/.test(text) && /\d$/.test(out[k - 1]!) && /^\d/.test(out[k + 1]!)) text = text.replace(/[–—‒−/]/, '-');
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
