// "Edit and approve" (issue 16): a moderator may remove part of a comment before publishing the rest, but never add
// or change a word, so nobody can put words in a reader's mouth. Pure: the console's check, the stored body and the
// writer's statement ("what was removed") all come from here.
//
// "Only removes", precisely: the original and the edit are cut into tokens (runs of letters, digits and combining
// marks, and every other non-space character on its own); a marker "[removed]" (or "[removed by a moderator]") in the
// edit stands for one or more removed tokens. The edit is accepted when its tokens, markers aside, are a subsequence
// of the original's tokens, with at least one original token skipped where each marker stands, at least one token
// removed and at least one kept. Spacing and line breaks in the edit do not matter: the published body is the
// original text with each run of removed tokens replaced by one marker, so every removal shows where it was made.

export const removedMarker = '[removed by a moderator]';

const markerPattern = /\[removed(?: by a moderator)?\]/giu;
const tokenPattern = /[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu;

type Token = { text: string; start: number; end: number };
type EditItem = { marker: true } | { marker: false; text: string };

function tokens(text: string): Token[] {
  return [...text.matchAll(tokenPattern)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

function editItems(edited: string): EditItem[] {
  const items: EditItem[] = [];
  let at = 0;
  for (const m of edited.matchAll(markerPattern)) {
    for (const token of tokens(edited.slice(at, m.index))) items.push({ marker: false, text: token.text });
    // Two markers side by side stand for one removed stretch.
    if (!items.at(-1)?.marker) items.push({ marker: true });
    at = m.index + m[0].length;
  }
  for (const token of tokens(edited.slice(at))) items.push({ marker: false, text: token.text });
  return items;
}

export type Redaction =
  | {
      ok: true;
      /** The original with each removed stretch replaced by removedMarker: what readers see. */
      body: string;
      /** The removed stretches, as the writer wrote them. */
      removed: string[];
    }
  | { ok: false; message: string };

/**
 * Checks a moderator's edit against the original and, when it only removes, gives the body to publish.
 * Tokens are matched as early as possible (each marker forcing a skip): if any alignment exists, this one does.
 */
export function redact(original: string, edited: string): Redaction {
  const source = tokens(original);
  const kept = new Array<boolean>(source.length).fill(false);
  let at = 0;
  let skip = false;
  for (const item of editItems(edited)) {
    if (item.marker) {
      skip = true;
      continue;
    }
    let i = at + (skip ? 1 : 0);
    while (i < source.length && source[i].text !== item.text) i++;
    if (i === source.length)
      return {
        ok: false,
        message: `“${item.text}” is not in the comment at that place: an edit may only remove text (delete it or replace it with [removed]), not add or change words.`,
      };
    kept[i] = true;
    at = i + 1;
    skip = false;
  }
  if (skip && at >= source.length)
    return { ok: false, message: 'A [removed] marker stands where nothing was removed: take it out.' };
  const runs = removedRuns(source, kept);
  if (runs.length === 0) return { ok: false, message: 'Nothing was removed: use Approve to publish it as it is.' };
  if (!kept.some(Boolean))
    return { ok: false, message: 'Nothing would be left: reject the comment instead of removing all of it.' };
  let body = '';
  let from = 0;
  for (const run of runs) {
    body += original.slice(from, run.start) + removedMarker;
    from = run.end;
  }
  body += original.slice(from);
  return { ok: true, body, removed: runs.map((run) => original.slice(run.start, run.end)) };
}

function removedRuns(source: Token[], kept: boolean[]): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  for (let i = 0; i < source.length; i++) {
    if (kept[i]) continue;
    const last = runs.at(-1);
    if (last && i > 0 && !kept[i - 1]) last.end = source[i].end;
    else runs.push({ start: source[i].start, end: source[i].end });
  }
  return runs;
}

/**
 * What a moderator removed from a published redacted body (the writer's statement of reasons). The body was made by
 * redact, so aligning it again finds the same stretches: the earliest alignment under its markers is the one made.
 */
export function removedParts(original: string, body: string): string[] {
  const again = redact(original, body);
  return again.ok ? again.removed : [];
}

/** The body cut at its markers, for rendering them apart from the writer's words. */
export function splitAtMarkers(body: string): { text: string; removed: boolean }[] {
  const parts: { text: string; removed: boolean }[] = [];
  let at = 0;
  for (let i = body.indexOf(removedMarker); i !== -1; i = body.indexOf(removedMarker, at)) {
    if (i > at) parts.push({ text: body.slice(at, i), removed: false });
    parts.push({ text: removedMarker, removed: true });
    at = i + removedMarker.length;
  }
  if (at < body.length) parts.push({ text: body.slice(at), removed: false });
  return parts;
}
