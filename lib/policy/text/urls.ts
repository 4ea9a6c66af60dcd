// Links and host names in a comment, found chunk by chunk (whitespace-separated), so the cost is linear
// and no regular expression can backtrack across the whole body.

/** `isLink`: a link a reader can follow or copy (a scheme, www., or a bare domain with a path or a common
 *  top-level domain); `defanged`: written with a broken scheme so that no filter reads it ("hxxp://"). */
export type FoundHost = { host: string; start: number; end: number; isLink: boolean; defanged?: boolean };

// Punctuation that wraps a link or a domain rather than belonging to it. Trimmed with plain loops: a
// regular expression such as /[…]+$/ retries from every position and is quadratic on long punctuation runs.
const leadingPunctuation = new Set(['(', '<', '[', '{', '"', "'", '“', '‘', '.', ',', ';', ':', '!', '?', '*', '…']);
const trailingPunctuation = new Set([')', '>', ']', '}', '"', "'", '”', '’', '.', ',', ';', ':', '!', '?', '*', '…']);
const hostPattern = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
// A link that starts inside a chunk ("see:https://…", "…https://…"). The comment renderer links these
// (lib/text/comment-body.ts matches \b(?:https?://|www\.)), so the policy must see them too.
const innerLink = /(?:^|[^a-z0-9_])(https?:\/\/|www\.)/;
// "mailto:", "javascript:", or a defanged scheme such as "hxxp://" or "https:\\" (no dots: "example.com:8080" is a host).
const schemePrefix = /^[a-z][a-z0-9+-]*:[\\/]*/;
// Host names may hide their dots: "spam%2Eexample" and "spam。example" both resolve to spam.example.
const mayHaveDot = (text: string) => text.includes('.') || /%2e|[。．｡]/i.test(text);
// The renderer ends a link at these characters.
const linkEnd = /[<>"'`]/;

// A scheme broken on purpose: "hxxp://", "hxxps[:]//", "htps//", "h**p://"; the plain "http//" typo is a link.
const defangedScheme = /^h(?:xx|tt|tx|xt|t|x|\*\*)ps?(?:\[:\]|\(:\)|:)?\/\//;
// Top-level domains common enough that a bare "name.tld" is a site a reader can copy (not "report.pdf").
const linkTlds = new Set(
  'com net org info biz io co uk ly me ru cn de fr eu us ca au nz ie es it nl in xyz online site shop store click link top club news app dev tv gov edu ac bet win vip casino live pro gg to cc ws su pw'.split(
    ' ',
  ),
);

const dotLike = /[.。．｡]|%2e/gi;
/** `/[。．｡]|%2e/i.test(body)` by indexOf, which does not step through the body character by character. */
function hasDisguisedDot(body: string): boolean {
  if (body.indexOf('。') !== -1 || body.indexOf('．') !== -1 || body.indexOf('｡') !== -1) return true;
  for (let at = body.indexOf('%'); at !== -1; at = body.indexOf('%', at + 1)) {
    if (body.charCodeAt(at + 1) === 50 && (body.charCodeAt(at + 2) | 32) === 101) return true; // "2", "e" or "E"
  }
  return false;
}

/** hasDisguisedDot from the marks (see findHosts) rather than four scans of the body. */
function hasDisguisedDotAt(body: string, marks: readonly number[]): boolean {
  for (const at of marks) {
    const code = body.charCodeAt(at);
    if (code === 0x3002 || code === 0xff0e || code === 0xff61) return true;
    if (code === 37 && body.charCodeAt(at + 1) === 50 && (body.charCodeAt(at + 2) | 32) === 101) return true;
  }
  return false;
}

/** Whether some dot in the text is followed by a letter (ASCII, or any non-ASCII character). */
function letterAfterDot(text: string): boolean {
  for (let at = text.indexOf('.'); at !== -1; at = text.indexOf('.', at + 1)) {
    const after = text.charCodeAt(at + 1);
    if (((after | 32) >= 97 && (after | 32) <= 122) || after >= 128) return true;
  }
  return false;
}

/** The characters JavaScript's \s matches, without a regular expression per character. */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Every http(s) link, www. host or bare domain in the text, with its resolved host name. `marks`, when given:
 *  the positions, in order, of at least every dot, look-alike dot (。．｡) and percent sign in the text (the
 *  tokenizer's, normalize.ts), which spare the scans for them. */
export function findHosts(body: string, marks?: readonly number[]): FoundHost[] {
  const found: FoundHost[] = [];

  const consider = (chunk: string, offset: number) => {
    const lower = chunk.toLowerCase();
    const hasScheme = lower.startsWith('http://') || lower.startsWith('https://');
    let isLink = hasScheme || lower.startsWith('www.');
    let defanged = false;
    let candidate = chunk;
    let length = chunk.length; // of the evidence span
    const broken = isLink ? null : defangedScheme.exec(lower);
    if (broken) {
      candidate = chunk.slice(broken[0].length);
      isLink = true;
      defanged = !/^https?\/\/$/.test(broken[0]);
    } else if (!isLink) {
      // Another scheme: what follows it may still name a host ("hxxp://spam.example"); mailto: and
      // javascript: leave an email address or no host at all, which the checks below discard.
      const scheme = schemePrefix.exec(lower);
      if (scheme) candidate = chunk.slice(scheme[0].length);
      if (candidate.includes('@')) return; // an email address, not a link
      if (!mayHaveDot(candidate)) return;
    } else {
      const stop = linkEnd.exec(candidate);
      if (stop) candidate = candidate.slice(0, stop.index);
      length = candidate.length;
    }
    const host = hostOf(candidate, hasScheme);
    if (host === undefined) return;
    if (host.length > 253 || !hostPattern.test(host)) return;
    // A bare "word.word" is a domain only with a plausible top-level domain (not "U.S" or "e.g").
    if (!isLink && !/\.(?:[a-z]{2,3}|info|online|site|shop|store|xyz|click|link|top|club|example|news|biz)$/.test(host))
      return;
    // A bare domain is a link a reader can copy when it has a path or a common top-level domain, unless the
    // "top-level domain" is a capitalised word after a full stop with no space ("it.Now").
    if (!isLink) {
      const tld = host.slice(host.lastIndexOf('.') + 1);
      const path = candidate.indexOf('/') !== -1;
      const at = lower.lastIndexOf(`.${tld}`);
      const written = at === -1 ? tld : chunk.slice(at + 1, at + 1 + tld.length);
      const sentence = /^[A-Z][a-z]+$/.test(written);
      isLink = !sentence && (path || linkTlds.has(tld));
    }
    found.push({ host, start: offset, end: offset + length, isLink, ...(defanged ? { defanged } : {}) });
  };

  // Only whitespace-separated chunks with a dot (or a disguised one) can hold a host: find the dots and
  // widen each to its chunk, rather than looking at every word.
  let done = -1;
  // Plain dots by indexOf; the regular expression only when a disguised dot is present at all.
  const dots: number[] = [];
  const disguised = marks ? hasDisguisedDotAt(body, marks) : hasDisguisedDot(body);
  if (disguised) for (const dot of body.matchAll(dotLike)) dots.push(dot.index);
  else if (marks) {
    for (const at of marks) if (body.charCodeAt(at) === 46) dots.push(at);
  } else for (let at = body.indexOf('.'); at !== -1; at = body.indexOf('.', at + 1)) dots.push(at);
  for (const dot of dots) {
    if (dot < done) continue;
    // A full stop that ends its chunk, with no dot before it in the chunk (that one would have been read
    // first and the chunk skipped since): trimmed as punctuation, it leaves no dot, so no host. Most dots
    // in a comment end a sentence.
    if (body.charCodeAt(dot) === 46 && (dot + 1 === body.length || isSpace(body.charCodeAt(dot + 1)))) continue;
    let start = dot;
    while (start > 0 && !isSpace(body.charCodeAt(start - 1))) start--;
    let end = dot;
    while (end < body.length && !isSpace(body.charCodeAt(end))) end++;
    done = end;
    const raw = body.slice(start, end);
    let from = 0;
    let to = raw.length;
    while (from < to && leadingPunctuation.has(raw[from]!)) from++;
    while (to > from && trailingPunctuation.has(raw[to - 1]!)) to--;
    const chunk = raw.slice(from, to);
    if (!mayHaveDot(chunk)) continue;
    // A host has a label of letters after a dot (its top-level domain): a chunk where no dot is followed by a
    // letter ("4.5%", "£3.2bn", "v2.3.1") holds none, and needs no closer look.
    if (!disguised && !letterAfterDot(chunk)) continue;
    const offset = start + from;
    // A link that starts inside the chunk runs to its end, as the renderer reads it; what precedes it
    // may be a bare domain of its own.
    const inner = innerLink.exec(chunk.toLowerCase());
    const at = inner ? inner.index + inner[0].length - inner[1]!.length : 0;
    if (at > 0) {
      let head = at;
      while (head > 0 && trailingPunctuation.has(chunk[head - 1]!)) head--;
      if (head > 0) consider(chunk.slice(0, head), offset);
      consider(chunk.slice(at), offset + at);
    } else consider(chunk, offset);
  }
  return found;
}

const plainHost = /^[a-z0-9.-]+$/i;
// What the WHATWG parser would do differently from a plain reading: percent-escapes, non-ASCII (IDN,
// fullwidth dots), backslashes. Only then is `new URL` worth its cost.
const needsParser = /[%\\]|[^\x00-\x7f]/;

/**
 * The host name a link or bare domain resolves to, or undefined when it cannot be one. Read by hand for
 * plain ASCII hosts; `new URL` only for percent-escapes, non-ASCII and backslashes. A chunk such as "4.5%"
 * or "e.g" is discarded before any parser runs (a thrown URL costs ~13× a parsed one).
 */
function hostOf(candidate: string, hasScheme: boolean): string | undefined {
  let rest = candidate;
  if (hasScheme) rest = rest.slice(rest.indexOf(':') + 1).replace(/^[\\/]+/, '');
  // The authority ends at the first / ? # (or \\, which browsers read as /).
  let end = rest.length;
  for (let k = 0; k < rest.length; k++) {
    const c = rest.charCodeAt(k);
    if (c === 47 || c === 63 || c === 35 || c === 92) {
      end = k;
      break;
    }
  }
  let authority = rest.slice(0, end);
  const at = authority.lastIndexOf('@');
  if (at !== -1) authority = authority.slice(at + 1);
  const colon = authority.lastIndexOf(':');
  if (colon !== -1 && /^\d*$/.test(authority.slice(colon + 1))) authority = authority.slice(0, colon);
  if (!needsParser.test(authority)) {
    if (!plainHost.test(authority)) return undefined;
    const host = authority.toLowerCase().replace(/\.$/, '');
    // The last label must be letters: "4.5" and "2.30pm" are not hosts.
    const dot = host.lastIndexOf('.');
    if (dot === -1 || !/^[a-z]{2,63}$/.test(host.slice(dot + 1))) return undefined;
    return host;
  }
  // A bare chunk must start like a host ("£3.2bn" does not).
  if (!hasScheme && !/^[\p{L}\p{N}]/u.test(authority)) return undefined;
  // A percent sign that is no escape ("4.5%", "50%off.example") cannot be in a host.
  if (/%(?![0-9a-f]{2})/i.test(authority)) return undefined;
  // An escaped / ? # or \ ends the host for whoever decodes it ("bit-scam.example%2F"), though a URL
  // parser refuses the whole link: read the host before it.
  const delimiter = /%(?:2f|3f|23|5c)/i.exec(authority);
  if (delimiter) {
    const before = authority
      .slice(0, delimiter.index)
      .replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return before.indexOf('%') === -1 ? hostOf(before, false) : undefined;
  }
  try {
    return new URL(hasScheme ? candidate : `http://${candidate}`).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

/** True when host is the domain or one of its subdomains. */
export function hostMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}
