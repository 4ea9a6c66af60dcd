// A second reading of a comment for contact details and links, the way a person would copy them down:
// digits spelled as words ("five five five…"), digits of other scripts, letters standing for digits
// ("0207946O958", "555 l23 4567"), "at" and "dot" spelled out or bracketed ("john (at) gmail (dot) com",
// "spam[.]example"), fullwidth and middle dots, dashes and slashes between digit groups. The email, phone and
// host scanners then run on this text unchanged, and every span maps back to the original body.
//
// Built only when a cheap test finds something to rewrite (most comments: one regular expression test).
import { lookalike } from './lookalikes';
import { digitWords } from './number-words';
import { digitValue, mayBeContactWord } from './normalize';

export type ContactView = {
  text: string;
  /** For each UTF-16 unit of `text`: the original span it came from. */
  starts: Int32Array;
  ends: Int32Array;
};

const mailProviders = new Set(
  'gmail googlemail yahoo hotmail outlook live msn aol icloud me protonmail proton gmx yandex mail btinternet sky virginmedia talktalk example'.split(
    ' ',
  ),
);
const topLevel = new Set(
  'com net org co uk io info biz example de fr eu us ca au nz ie es it nl ru cn in xyz online site shop store click link top club news app dev me tv ly gov edu ac bet win vip casino live pro'.split(
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
    c === 58 || // "[:]" in "hxxp[:]//"
    (c === 97 && (body.charCodeAt(k + 1) | 32) === 116) ||
    (c === 100 && (body.charCodeAt(k + 1) | 32) === 111 && (body.charCodeAt(k + 2) | 32) === 116)
  );
}

const isDigitCode = (code: number) => code >= 48 && code <= 57;

/**
 * Whether the body may hold something the view would rewrite, from what the tokenizer noticed on its one pass:
 * the dots, brackets, at signs and dashes it met, digits of other scripts, and its words (number words, "at",
 * "dot", letters mixed with digits). A combined regular expression, a loop over the characters or a dozen
 * substring searches each cost 10–20 µs per KB on this host; this costs a look at each mark and each word.
 */
export function mayHaveContact(body: string, words: TokenWords): boolean {
  // Digits of other scripts or forms (circled, fullwidth), and invisible characters inside a word.
  if (words.foreignDigits || words.invisible) return true;
  for (const at of words.marks ?? []) {
    const code = body.charCodeAt(at);
    const before = body.charCodeAt(at - 1);
    const after = body.charCodeAt(at + 1);
    // An at sign or a dot written as an HTML entity or a percent-escape ("alex&#64;gmail", "ann%40gmail").
    if (code === 38 /* & */) {
      if (after === 35 /* # */) return true;
    } else if (code === 37 /* % */) {
      if (after === 52 && body.charCodeAt(at + 2) === 48) return true;
    } else if (code === 124 /* | */ || code === 92 /* \ */) {
      continue; // letters drawn with symbols: the term check's business
    } else if (code === 46 /* . */) {
      if (before === 32 && (after === 32 || isLowerCode(after))) return true; // "x . com", "royale .bet"
      if (after === 32 && isLowerCode(body.charCodeAt(at + 2)) && endsWithWww(body, at)) return true; // "www. x"
    } else if (code === 64 /* @ */) {
      if (before === 32 || after === 32 || nonAsciiNear(body, at)) return true;
    } else if (code === 40 || code === 91 || code === 123 || code === 60) {
      if (bracketedAt(body, at)) return true;
    } else if (code >= 0x2012 && code <= 0x2212 && code !== 0x2024) {
      // a dash standing between spaced digit groups ("555 – 123")
      if (before === 32 && after === 32 && isDigitCode(body.charCodeAt(at - 2)) && isDigitCode(body.charCodeAt(at + 2)))
        return true;
    } else return true; // a look-alike dot or at sign
  }
  // Letters standing in for digits, or a number word glued to digits, inside one token ("l23", "5five5").
  for (const k of words.mixedAt ?? indices(words)) {
    const token = words[k]!;
    if (token.mixed && lettersForDigits.test(body.slice(token.start, token.end))) return true;
  }
  // The few words this check reads, which the tokenizer listed (all of them when it did not).
  let previousNumber = -2;
  // The tokenizer listed only words of the right shape (mayBeContactWord); without its list, every word is.
  const listed = words.contactAt;
  for (const k of listed ?? indices(words)) {
    const token = words[k]!;
    const word = token.core;
    if (!listed && !mayBeContactWord(word)) continue;
    if (word === 'h' && body.startsWith(' t t p', token.end)) return true; // h t t p s : / /
    if ((word === 'com' || word === 'http' || word === 'https') && isSpaceOrSlash(body, token.end)) return true; // tinyurl com/x, https:// bit .ly
    if (word in digitWords) {
      if (previousNumber === k - 1) return true; // two number words in a row
      previousNumber = k;
      continue;
    }
    if (word === 'dot' && k + 1 < words.length) return true;
    if (word === 'at' && k + 1 < words.length && mailProviders.has(words[k + 1]!.core)) return true;
  }
  return false;
}

/** 0 … length - 1, for token lists that come without the tokenizer's indices. */
function indices(words: TokenWords): number[] {
  return Array.from(words, (_, k) => k);
}

const isLowerCode = (code: number) => code >= 97 && code <= 122;
/** "www" just before `at`. */
const endsWithWww = (body: string, at: number) =>
  at >= 3 &&
  (body.charCodeAt(at - 1) | 32) === 119 &&
  (body.charCodeAt(at - 2) | 32) === 119 &&
  (body.charCodeAt(at - 3) | 32) === 119;
/** Non-ASCII (an invisible character, a look-alike letter) in the chunk around an at sign. */
function nonAsciiNear(body: string, at: number): boolean {
  for (let k = Math.max(0, at - 2); k < body.length && k < at + 64; k++) {
    const code = body.charCodeAt(k);
    if (code === 32 && k > at) return false;
    if (code >= 128) return true;
  }
  return false;
}
/** "com/" or "https:// ": a host followed by a slash, or a scheme followed by a space after its "://". */
function isSpaceOrSlash(body: string, end: number): boolean {
  const next = body.charCodeAt(end);
  if (next === 47) return true;
  return (
    next === 58 && body.charCodeAt(end + 1) === 47 && body.charCodeAt(end + 2) === 47 && body.charCodeAt(end + 3) === 32
  );
}

/** The tokenizer's words, whether it met digits of another script, and where it met dots, brackets, at signs
 *  and dashes (normalize.ts). */
export type TokenWords = readonly { text: string; core: string; mixed: boolean; start: number; end: number }[] & {
  foreignDigits?: boolean;
  invisible?: boolean;
  contactAt?: readonly number[];
  mixedAt?: readonly number[];
  marks?: readonly number[];
};

/** Words before "dot com" that make it a phrase, not a site ("the dot com crash"). */
const functionWords = new Set('the a an this that of in on at to for and or no not was its'.split(' '));

const encodedAt = /&#0*64;|&#x0*40;|&commat;|%40/iy;
const encodedDot = /&#0*46;|&#x0*2e;|&period;/iy;
const invisible = /^[\p{Cf}\p{M}]$/u;
const unmaskMemo = new Map<number, string>();

/** What a non-ASCII character reads as in an address: '' for invisible characters and marks, ASCII for
 *  fullwidth forms, enclosed and other scripts' digits and look-alike letters; else the character. */
function unmaskChar(code: number): string {
  const known = unmaskMemo.get(code);
  if (known !== undefined) return known;
  const ch = String.fromCodePoint(code);
  let out = ch;
  if (code >= 0xff01 && code <= 0xff5e) out = String.fromCharCode(code - 0xfee0);
  else if (code === 0x3002 || code === 0xff61 || code === 0xb7 || code === 0x2024)
    out = ch; // read later
  else if (invisible.test(ch)) out = '';
  else if (/\p{N}/u.test(ch)) {
    const folded = ch.normalize('NFKD');
    out = /^[0-9]$/.test(folded) ? folded : /\p{Nd}/u.test(ch) ? String(digitValue(code)) : ch;
  } else if (/\p{L}/u.test(ch)) {
    const ascii = lookalike(ch);
    if (ascii.length === 1) out = ascii;
  }
  if (unmaskMemo.size < 10_000) unmaskMemo.set(code, out);
  return out;
}

/** The body with `unmaskChar` applied and encoded at signs and dots decoded, with each unit's origin. */
function unmask(body: string): { text: string; starts: Int32Array; ends: Int32Array } {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (piece: string, from: number, to: number) => {
    for (let u = 0; u < piece.length; u++) {
      starts.push(from);
      ends.push(to);
    }
    text += piece;
  };
  for (let i = 0; i < body.length;) {
    const code = body.charCodeAt(i);
    if (code === 38 || code === 37) {
      encodedAt.lastIndex = i;
      encodedDot.lastIndex = i;
      const at = encodedAt.exec(body);
      const dot = at ? null : encodedDot.exec(body);
      const found = at ?? dot;
      if (found) {
        push(at ? '@' : '.', i, i + found[0].length);
        i += found[0].length;
        continue;
      }
    }
    if (code < 128) {
      push(body[i]!, i, i + 1);
      i++;
      continue;
    }
    const point = body.codePointAt(i)!;
    const width = point > 0xffff ? 2 : 1;
    push(unmaskChar(point), i, i + width);
    i += width;
  }
  return { text, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

type Segment = { text: string; start: number; end: number; word: boolean };

const wordPattern = /[\p{L}\p{N}\p{M}]+/gu;

/** The rewritten text, or null when there is nothing to rewrite. */
export function contactView(original: string, words: TokenWords): ContactView | null {
  if (!mayHaveContact(original, words)) return null;
  // First the characters: invisible ones dropped, fullwidth forms, look-alike letters and enclosed digits
  // folded, entity- and percent-encoded at signs and dots decoded. `body` below is that text.
  const pre = unmask(original);
  const body = pre.text;
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

  // Runs of three or more number words ("five five five", "oh seven seven double oh") become digits, one
  // digit a group; "double"/"triple" repeat the next digit and "hundred" after a digit is two zeros.
  const isNumberWord = (m: number) => {
    const word = wordAt(m);
    if (word === undefined) return false;
    if (word in digitWords) return true;
    if (word === 'double' || word === 'triple') return wordAt(m + 2) !== undefined && wordAt(m + 2)! in digitWords;
    return word === 'hundred' && m >= 2 && wordAt(m - 2) !== undefined && wordAt(m - 2)! in digitWords;
  };
  for (let k = 0; k < segments.length;) {
    if (!(wordAt(k)! in digitWords) && !(isNumberWord(k) && lower[k] !== 'hundred')) {
      k++;
      continue;
    }
    let end = k;
    while (isNumberWord(end + 2) && /^[\s,-]+$/.test(segments[end + 1]!.text)) end += 2;
    if ((end - k) / 2 + 1 >= 3) {
      for (let m = k + 1; m < end; m += 2) out[m] = ' ';
      for (let m = k; m <= end; m += 2) {
        const word = lower[m]!;
        if (word === 'hundred') out[m] = '0 0';
        else if (word === 'double' || word === 'triple') {
          const digit = digitWords[lower[m + 2]!]!;
          out[m] = word === 'double' ? `${digit} ${digit}` : `${digit} ${digit} ${digit}`;
          out[m + 1] = '';
          out[m + 2] = '';
          m += 2;
        } else out[m] = digitWords[word]!;
      }
    }
    k = end + 1;
  }

  // Letters spaced out around an at sign or a scheme: "p e t e @ g m a i l . c o m", "h t t p s : / /".
  for (let k = 0; k < segments.length; k++) {
    if (lower[k]?.length !== 1 || !segments[k]!.word) continue;
    let end = k;
    let hasAt = false;
    while (
      end + 2 < segments.length &&
      segments[end + 2]!.word &&
      segments[end + 2]!.text.length === 1 &&
      /^ (?:[@.] )?$/.test(segments[end + 1]!.text)
    ) {
      if (segments[end + 1]!.text.length > 1) hasAt ||= segments[end + 1]!.text[1] === '@';
      end += 2;
    }
    const spelled = lower
      .slice(k, end + 1)
      .filter((_, i) => i % 2 === 0)
      .join('');
    const scheme = /^https?$/.test(spelled) && /^\s*:\s*\/\s*\/\s*$/.test(segments[end + 1]?.text ?? '');
    if (hasAt && (end - k) / 2 + 1 >= 6) {
      for (let m = k + 1; m < end; m += 2) out[m] = out[m]!.trim();
    } else if (scheme) {
      for (let m = k + 1; m < end; m += 2) out[m] = '';
      out[end + 1] = '://';
    } else {
      k = end;
      continue;
    }
    k = end;
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
        text = text.replace(/zero|one|two|three|four|five|six|seven|eight|nine/gi, (w) => digitWords[w.toLowerCase()]!);
      // Letters that stand for digits, in a word that is otherwise digits ("l23", "0207946O958", "9OO").
      if (digitish && text.length >= 3 && /\d/.test(text) && /^[\dOoIl]+$/.test(text))
        text = text.replace(/[Oo]/g, '0').replace(/[Il]/g, '1');
      out[k] = text;
      const word = lower[k] === 'd0t' ? 'dot' : lower[k]!;
      if (word === 'at' || word === 'dot') {
        const before = k > 0 ? segments[k - 1]!.text : '';
        const after = k + 1 < segments.length ? segments[k + 1]!.text : '';
        // "(at)", "[dot]", "-at-", "_dot_"
        const bracketed =
          (/[[({<]\s*$/.test(before) && /^\s*[\])}>]/.test(after)) ||
          (/^\s*-$/.test(before) && /^-\s*$/.test(after)) ||
          (/^_$/.test(before) && /^_$/.test(after));
        const prev = wordAt(k - 2);
        const next = wordAt(k + 2);
        const spaced = /^\s+$/.test(before) && /^\s+$/.test(after) && prev !== undefined && next !== undefined;
        const plainAt = word === 'at' && spaced && mailProviders.has(next!);
        const plainDot =
          word === 'dot' &&
          spaced &&
          !functionWords.has(prev!) &&
          (topLevel.has(next!) ||
            lower[k + 4] === 'dot' ||
            (k + 3 < segments.length && /^\s*[[({]?\s*(?:dot|\.)/.test(segments[k + 3]!.text)));
        if (bracketed || plainAt || plainDot) {
          out[k] = word === 'at' ? '@' : '.';
          if (k > 0) out[k - 1] = bracketed ? before.replace(/[-_[({<]\s*$/, '').replace(/\s+$/, '') : '';
          if (k + 1 < segments.length)
            out[k + 1] = bracketed ? after.replace(/^\s*[-_\])}>]/, '').replace(/^\s+/, '') : '';
        }
      }
      // "t dot me slash x": a spelled slash after a host just rewritten.
      if (
        word === 'slash' &&
        k >= 4 &&
        (out[k - 3] === '.' || out[k - 4] === '.') &&
        topLevel.has(lower[k - 2]!) &&
        /^\s+$/.test(segments[k - 1]!.text) &&
        wordAt(k + 2) !== undefined &&
        /^\s+$/.test(segments[k + 1]!.text)
      ) {
        out[k] = '/';
        out[k - 1] = '';
        out[k + 1] = '';
      }
      continue;
    }
    // Separators: bracketed or spaced dots and at signs, look-alike dots, dashes and slashes between digits.
    let text = out[k]!;
    if (text === ' ' && lower[k + 1] !== 'com') continue; // the usual separator: nothing to rewrite
    if (text === '' || (k > 0 && out[k - 1] === '@') || (k > 0 && out[k - 1] === '.' && segments[k - 1]!.word)) {
      // already consumed by an "at" or "dot" before it
      if (text !== seg.text) continue;
    }
    const prevWord = wordAt(k - 1);
    const nextWord = wordAt(k + 1);
    if (prevWord !== undefined && nextWord !== undefined) {
      const nextText = segments[k + 1]!.text;
      if (/^\s*[[({<]\s*\.\s*[\])}>]\s*$/.test(text)) text = '.';
      // "x . com", "royale .bet", "www. casino": a spaced dot before a top-level domain or after www.
      else if (
        /^\s*\.\s*$/.test(text) &&
        text !== '.' &&
        ((topLevel.has(nextWord) && nextText === nextWord && !functionWords.has(prevWord)) ||
          (prevWord === 'www' && /^\.\s+$/.test(text)))
      )
        text = '.';
      // "tinyurl com/x": a space for the dot before com followed by a path.
      else if (text === ' ' && nextWord === 'com' && segments[k + 2]?.text.startsWith('/')) text = '.';
      // "vk . com / id1": a spaced slash after a host.
      else if (/^\s+\/\s*$/.test(text) && topLevel.has(prevWord) && k >= 2 && /\.$/.test(out[k - 2]!)) text = '/';
      // "https:// bit", "hxxp[:]//x": a scheme's separator with a space after it or a bracketed colon.
      else if (/^(?:[[({]:[\])}]|:)\/\/\s+$|^[[({]:[\])}]\/\/$/.test(text)) text = '://';
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

  // Assemble, remembering where each output unit came from (through the character pass, to the original).
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = 0; k < segments.length; k++) {
    const piece = out[k]!;
    const seg = segments[k]!;
    const same = piece === seg.text;
    for (let u = 0; u < piece.length; u++) {
      starts.push(pre.starts[same ? seg.start + u : seg.start]!);
      ends.push(pre.ends[same ? seg.start + u : seg.end - 1]!);
    }
    text += piece;
  }
  return { text, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** The original span of the view's [start, end). */
export function originalSpan(view: ContactView, start: number, end: number): [number, number] {
  return [view.starts[start]!, view.ends[Math.max(start, end - 1)]!];
}
