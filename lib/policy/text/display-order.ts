// What a reader sees of a comment: markup a browser would render removed, and text under a right-to-left
// override in the order it is displayed, with a map from each character back to its offset in the body.

// Markup a browser or mail client would render: the tag disappears and the letters either side join.
// Only known tag names, so "x<y and y>z" stays text. Block-level tags separate words.
const tagPattern =
  /<(?:!--[^]{0,200}?--|\/?(?:a|abbr|b|big|br|cite|code|del|div|em|font|h[1-6]|i|img|ins|kbd|li|mark|p|q|s|samp|small|span|strike|strong|sub|sup|tt|u|var|wbr)\b[^<>]{0,200})>/giy;
const blockTag = /^<\/?(?:br|div|p|li|h[1-6])\b/i;
/** Right-to-left override: the tokenizer notes that a body has one. */
export const RLO = 0x202e;
const PDF = 0x202c;

/** `display`: text under a right-to-left override in the order it is shown; `logical`: as stored. */
export type Order = 'display' | 'logical';

export type View = { text: string; /** original offset of each UTF-16 unit of `text` */ map: Int32Array };

/**
 * The text as a reader sees it: tags removed, and runs under a right-to-left override (U+202E … U+202C, or
 * to the end of the line) in their displayed order. Null when the body has neither (almost always), so the
 * common case costs two indexOf calls.
 */
export function prepare(body: string, order: Order = 'display'): View | null {
  const hasTag = body.indexOf('<') !== -1;
  const hasOverride = order === 'display' && body.indexOf('\u202e') !== -1;
  if (!hasTag && !hasOverride) return null;
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < body.length;) {
    const code = body.charCodeAt(i);
    if (code === 60 /* < */ && hasTag) {
      tagPattern.lastIndex = i;
      const tag = tagPattern.exec(body);
      if (tag) {
        if (blockTag.test(tag[0])) {
          text += ' ';
          map.push(i);
        }
        i += tag[0].length;
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
        for (let u = 0; u < unit; u++) map.push(at + u);
      }
      i = end < body.length && body.charCodeAt(end) === PDF ? end + 1 : end;
      continue;
    }
    text += body[i];
    map.push(i);
    i++;
  }
  return { text, map: Int32Array.from(map) };
}

/** Maps a span of the view back to the original body: the smallest range holding all its characters. */
export function remap(map: Int32Array, body: string, start: number, end: number): [number, number] {
  let lo = Infinity;
  let hi = -1;
  for (let k = start; k < end; k++) {
    const at = map[k]!;
    if (at < lo) lo = at;
    if (at > hi) hi = at;
  }
  if (hi < 0) return [map[start] ?? body.length, map[start] ?? body.length];
  return [lo, hi + 1];
}
