// What a reader sees of a comment: markup a browser would render removed, character references and
// percent-escapes read as the letters they encode, letters drawn with several symbols ("|_|" for u) read as
// one, and text under a right-to-left override in the order it is displayed; with a map from each
// character back to its span in the body. A third order reads text written upside down ("ʞɔnɟ").

// Markup a browser or mail client would render: the tag disappears and the letters either side join.
// Only known tag names, so "x<y and y>z" stays text. Block-level tags separate words.
const tagPattern =
  /<(?:!--[^]{0,200}?--|\/?(?:a|abbr|b|big|br|cite|code|del|div|em|font|h[1-6]|i|img|ins|kbd|li|mark|p|q|s|samp|small|span|strike|strong|sub|sup|tt|u|var|wbr)\b[^<>]{0,200})>/giy;
const blockTag = /^<\/?(?:br|div|p|li|h[1-6])\b/i;
// HTML character references ("&#102;", "&#x66;", "&amp;"): what a page that renders them shows, and what a
// reader decodes when it does not.
const entityPattern = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/iy;
const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
// Percent-escapes of letters and digits ("%66uck"); other escapes (%20, %2F) are left to the link checks.
const escapePattern = /%([0-9a-f]{2})/iy;
// Letters drawn with several ASCII symbols.
const glyphs: readonly [string, string][] = [
  ['|_|', 'u'],
  ['|\\|', 'n'],
  ['/\\/\\', 'm'],
  ['\\/\\/', 'w'],
  ['/\\', 'a'],
  ['\\/', 'v'],
];
/** Right-to-left override: the tokenizer notes that a body has one. */
export const RLO = 0x202e;
const PDF = 0x202c;

/** `display`: text under a right-to-left override in the order it is shown; `logical`: as stored;
 *  `flipped`: the whole text turned the right way up (read when it has upside-down letters). */
export type Order = 'display' | 'logical' | 'flipped';

export type View = {
  text: string;
  /** original offset of each UTF-16 unit of `text` */
  map: Int32Array;
  /** original end of the span each unit came from (an entity decodes to one letter spanning "&#102;") */
  ends: Int32Array;
};

/**
 * Whether the body has something `prepare` would read differently, from the marks the tokenizer left (see
 * normalize.ts): a tag, a bracketed letter, a character reference, a percent-escape of a letter, a backslash
 * or a letter drawn with bars. A look at each mark, no scan of the body.
 */
export function mayNeedPreparing(body: string, marks: readonly number[]): boolean {
  for (const at of marks) {
    const code = body.charCodeAt(at);
    if (code === 60 /* < */ || code === 92 /* \ */) return true;
    if (code === 91 /* [ */ && body.charCodeAt(at + 2) === 93) return true;
    if (code === 38 /* & */) {
      entityPattern.lastIndex = at;
      if (entityPattern.test(body)) return true;
    } else if (code === 37 /* % */) {
      if (escapedLetter(body, at) !== undefined) return true;
    } else if (code === 124 /* | */ && (body.startsWith('|_|', at) || body.startsWith('|\\|', at))) return true;
  }
  return false;
}

/** The letter or digit a percent-escape at `at` encodes, or undefined. */
function escapedLetter(body: string, at: number): string | undefined {
  // Most percent signs end a figure ("4.5% rise"): two hex digits must follow.
  if (!isHexCode(body.charCodeAt(at + 1)) || !isHexCode(body.charCodeAt(at + 2))) return undefined;
  escapePattern.lastIndex = at;
  const escape = escapePattern.exec(body);
  if (!escape) return undefined;
  const code = parseInt(escape[1]!, 16);
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
    ? String.fromCharCode(code)
    : undefined;
}

/**
 * The text as a reader sees it (see the top of this file). Null when there is nothing to change (almost
 * always: the tokenizer calls this only when `mayNeedPreparing` or an override says so).
 */
export function prepare(body: string, order: Order = 'display'): View | null {
  const hasTag = body.indexOf('<') !== -1;
  const hasOverride = order === 'display' && body.indexOf('\u202e') !== -1;
  let text = '';
  const map: number[] = [];
  const ends: number[] = [];
  let changed = order === 'flipped';
  const emit = (piece: string, start: number, end: number) => {
    text += piece;
    for (let u = 0; u < piece.length; u++) {
      map.push(start);
      ends.push(end);
    }
  };
  for (let i = 0; i < body.length;) {
    const code = body.charCodeAt(i);
    if (code === 60 /* < */ && hasTag) {
      tagPattern.lastIndex = i;
      const tag = tagPattern.exec(body);
      if (tag) {
        if (blockTag.test(tag[0])) emit(' ', i, i + tag[0].length);
        i += tag[0].length;
        changed = true;
        continue;
      }
    }
    if (
      code === 91 /* [ */ &&
      body.charCodeAt(i + 2) === 93 /* ] */ &&
      isWordChar(body.charCodeAt(i + 1)) &&
      (isWordChar(body.charCodeAt(i - 1)) || isWordChar(body.charCodeAt(i + 3)))
    ) {
      // One letter in square brackets inside a word ("[f]uck", "sh[i]t"): the letter.
      emit(body[i + 1]!, i, i + 3);
      i += 3;
      changed = true;
      continue;
    }
    if (code === 38 /* & */) {
      entityPattern.lastIndex = i;
      const entity = entityPattern.exec(body);
      if (entity) {
        const point = entity[1] ? Number(entity[1]) : entity[2] ? parseInt(entity[2], 16) : -1;
        const decoded =
          point >= 0
            ? point <= 0x10ffff
              ? String.fromCodePoint(point)
              : ''
            : namedEntities[entity[3]!.toLowerCase()]!;
        emit(decoded, i, i + entity[0].length);
        i += entity[0].length;
        changed = true;
        continue;
      }
    }
    if (code === 37 /* % */) {
      const letter = escapedLetter(body, i);
      if (letter !== undefined) {
        emit(letter, i, i + 3);
        i += 3;
        changed = true;
        continue;
      }
    }
    if (code === 124 /* | */ || code === 47 /* / */ || code === 92 /* \ */) {
      const glyph = glyphs.find(([drawn]) => body.startsWith(drawn, i));
      // Only inside a word: "either/or" and "a \ b" stay as they are.
      if (glyph && (isWordChar(body.charCodeAt(i - 1)) || isWordChar(body.charCodeAt(i + glyph[0].length)))) {
        emit(glyph[1], i, i + glyph[0].length);
        i += glyph[0].length;
        changed = true;
        continue;
      }
      if (code === 92 && body.charCodeAt(i + 1) !== 92) {
        // A backslash escaping the next character ("f\*ck"): the reader does not see it.
        i++;
        changed = true;
        continue;
      }
    }
    if (code === RLO && hasOverride) {
      // Displayed right to left up to the pop (or the line's end): reverse by code point, keep offsets.
      let end = i + 1;
      while (end < body.length && body.charCodeAt(end) !== PDF && body.charCodeAt(end) !== 10) end++;
      const points: number[] = [];
      for (let k = i + 1; k < end; k += body.codePointAt(k)! > 0xffff ? 2 : 1) points.push(k);
      for (let p = points.length - 1; p >= 0; p--) {
        const at = points[p]!;
        const unit = body.codePointAt(at)! > 0xffff ? 2 : 1;
        text += body.slice(at, at + unit);
        for (let u = 0; u < unit; u++) {
          map.push(at + u);
          ends.push(at + u + 1);
        }
      }
      i = end < body.length && body.charCodeAt(end) === PDF ? end + 1 : end;
      changed = true;
      continue;
    }
    text += body[i];
    map.push(i);
    ends.push(i + 1);
    i++;
  }
  if (!changed) return null;
  const view = { text, map: Int32Array.from(map), ends: Int32Array.from(ends) };
  return order === 'flipped' ? flip(view) : view;
}

const isHexCode = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);

const isWordChar = (code: number) =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);

// Upside-down letters and the letters they are (a turned letter read the right way up). ASCII letters that
// look like another letter turned (u/n, p/d, b/q) swap; the rest stay.
const upright: Record<string, string> = {
  ɐ: 'a',
  ɔ: 'c',
  ǝ: 'e',
  ə: 'e',
  ɟ: 'f',
  ƃ: 'g',
  ɥ: 'h',
  ᴉ: 'i',
  ı: 'i',
  ɾ: 'j',
  ʞ: 'k',
  ן: 'l',
  ʃ: 'l',
  ɯ: 'm',
  ɹ: 'r',
  ʇ: 't',
  ʌ: 'v',
  ʍ: 'w',
  ʎ: 'y',
  u: 'n',
  n: 'u',
  p: 'd',
  d: 'p',
  b: 'q',
  q: 'b',
  '∀': 'A',
  Ɔ: 'C',
  Ǝ: 'E',
  Ⅎ: 'F',
  '⅁': 'G',
  ſ: 'J',
  '⋊': 'K',
  '˥': 'L',
  W: 'M',
  M: 'W',
  Ԁ: 'P',
  '⊥': 'T',
  '∩': 'U',
  Λ: 'V',
  '⅄': 'Y',
  Ɩ: '1',
  ᄅ: '2',
  Ɛ: '3',
  ㄣ: '4',
  ϛ: '5',
  ㄥ: '7',
  '˙': '.',
  '¿': '?',
  '¡': '!',
};
/** Code points of the turned letters the tokenizer watches for (the ones ordinary text never has). */
export const turnedLetters = new Set([...'ɐɔǝɟƃɥᴉɾʞɯɹʇʌʍʎ∀ƆƎℲ⅁⋊˥Ԁ⊥∩⅄'].map((c) => c.codePointAt(0)!));

/** The view read the right way up: reversed by code point, each character turned. */
function flip(view: View): View {
  const { text, map, ends } = view;
  let out = '';
  const outMap: number[] = [];
  const outEnds: number[] = [];
  for (let k = text.length; k > 0;) {
    const low = text.charCodeAt(k - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && k >= 2 ? 2 : 1;
    k -= width;
    const ch = text.slice(k, k + width);
    const turned = upright[ch] ?? ch;
    out += turned;
    for (let u = 0; u < turned.length; u++) {
      outMap.push(map[k]!);
      outEnds.push(ends[k + width - 1]!);
    }
  }
  return { text: out, map: Int32Array.from(outMap), ends: Int32Array.from(outEnds) };
}

/** Maps a span of the view back to the original body: the smallest range holding all its characters. */
export function remap(view: View, body: string, start: number, end: number): [number, number] {
  let lo = Infinity;
  let hi = -1;
  for (let k = start; k < end; k++) {
    const at = view.map[k]!;
    if (at < lo) lo = at;
    if (view.ends[k]! > hi) hi = view.ends[k]!;
  }
  if (hi < 0) return [view.map[start] ?? body.length, view.map[start] ?? body.length];
  return [lo, hi];
}
