// Comment bodies are plain text. This splits them into paragraphs, lines and runs of text or links;
// React renders the runs as text nodes and <a> elements, so no markup from a reader ever reaches the page.

export type Run = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };
export type Paragraph = Run[][]; // lines of runs

// http(s) URLs and bare www. hosts. Linear: one pass, no nested quantifiers.
const urlPattern = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;
// Punctuation that usually ends the sentence rather than the URL.
const trailing = /[.,;:!?'"’”)\]}>]+$/;

function safeHref(raw: string): string | null {
  const candidate = raw.toLowerCase().startsWith('www.') ? `https://${raw}` : raw;
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname.includes('.') || url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}

export function linkify(line: string): Run[] {
  const runs: Run[] = [];
  let last = 0;
  for (const match of line.matchAll(urlPattern)) {
    let text = match[0];
    const strip = trailing.exec(text)?.[0] ?? '';
    // Keep a closing parenthesis that balances one inside the URL (Wikipedia-style links).
    let keep = 0;
    if (
      strip.startsWith(')') &&
      (text.match(/\(/g)?.length ?? 0) > (text.slice(0, -strip.length).match(/\)/g)?.length ?? 0)
    )
      keep = 1;
    text = text.slice(0, text.length - strip.length + keep);
    const href = safeHref(text);
    if (!href) continue;
    const start = match.index!;
    if (start > last) runs.push({ kind: 'text', text: line.slice(last, start) });
    runs.push({ kind: 'link', text, href });
    last = start + text.length;
  }
  if (last < line.length) runs.push({ kind: 'text', text: line.slice(last) });
  return runs;
}

export function parseCommentBody(body: string): Paragraph[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => block.split('\n').map(linkify));
}

export function countLinks(body: string): number {
  return parseCommentBody(body)
    .flat(2)
    .filter((run) => run.kind === 'link').length;
}
