// Links and host names in a comment, found chunk by chunk (whitespace-separated), so the cost is linear
// and no regular expression can backtrack across the whole body.

export type FoundHost = { host: string; start: number; end: number; isLink: boolean };

const maxChunk = 2048;
const edgePunctuation = /^[(<\[{"'“‘]+|[)>\]}"'”’.,;:!?]+$/g;
const hostPattern = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Every http(s) link, www. host or bare domain in the text, with its resolved host name. */
export function findHosts(body: string): FoundHost[] {
  const found: FoundHost[] = [];
  let i = 0;
  while (i < body.length) {
    while (i < body.length && /\s/.test(body[i]!)) i++;
    const start = i;
    while (i < body.length && !/\s/.test(body[i]!)) i++;
    if (i === start || i - start > maxChunk) continue;
    const raw = body.slice(start, i);
    if (!raw.includes('.')) continue;
    const chunk = raw.replace(edgePunctuation, '');
    const offset = start + raw.indexOf(chunk);
    const lower = chunk.toLowerCase();
    const hasScheme = lower.startsWith('http://') || lower.startsWith('https://');
    const isLink = hasScheme || lower.startsWith('www.');
    if (!hasScheme && /^[a-z][a-z0-9+.-]*:/.test(lower) && !lower.startsWith('www.')) continue; // mailto:, javascript:…
    if (!isLink && lower.includes('@')) continue; // an email address, not a link
    let host: string;
    try {
      host = new URL(hasScheme ? chunk : `http://${chunk}`).hostname.toLowerCase().replace(/\.$/, '');
    } catch {
      continue;
    }
    if (!hostPattern.test(host)) continue;
    // A bare "word.word" is a domain only with a plausible top-level domain (not "U.S" or "e.g").
    if (!isLink && !/\.(?:[a-z]{2,3}|info|online|site|shop|store|xyz|click|link|top|club|example|news|biz)$/.test(host)) continue;
    found.push({ host, start: offset, end: offset + chunk.length, isLink });
  }
  return found;
}

/** True when host is the domain or one of its subdomains. */
export function hostMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}
