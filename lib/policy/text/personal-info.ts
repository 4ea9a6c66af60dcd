// Email addresses and phone numbers in a comment. Linear scans; no backtracking patterns.

export type PersonalInfo = { kind: 'email' | 'phone'; start: number; end: number };

const emailPattern = /^[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.[a-z]{2,24}$/i;
// An address with its ending left off ("nicola.r@gmail"): the mail provider alone says what it is.
// The local part must look like an address's ("emma.k", "tom_b", "gary77"), not a word ("look at yahoo").
const providerOnly =
  /^[a-z0-9%+-]*[._0-9][a-z0-9._%+-]*@(?:gmail|googlemail|yahoo|hotmail|outlook|live|aol|icloud|protonmail|proton|gmx|yandex|btinternet|virginmedia)$/i;

export function findEmails(body: string): PersonalInfo[] {
  const found: PersonalInfo[] = [];
  for (let at = body.indexOf('@'); at !== -1; at = body.indexOf('@', at + 1)) {
    let from = at;
    while (from > 0 && at - from < 64 && /[A-Za-z0-9._%+-]/.test(body[from - 1]!)) from--;
    let to = at + 1;
    while (to < body.length && to - at < 256 && /[A-Za-z0-9.-]/.test(body[to]!)) to++;
    while (to > at && body[to - 1] === '.') to--; // sentence full stop
    const candidate = body.slice(from, to);
    if (from > 0 && body[from - 1] === '/') continue; // user@host inside a URL
    if (emailPattern.test(candidate) || providerOnly.test(candidate))
      found.push({ kind: 'email', start: from, end: to });
  }
  return found;
}

/** An ISBN is a book, not a phone ("ISBN 0-14-044913-6"). */
function isIsbn(body: string, start: number): boolean {
  const before = body.slice(Math.max(0, start - 12), start).toLowerCase();
  return before.includes('isbn');
}

/** En and em dashes, figure dash, minus sign: separators too ("555–123–4567"). */
const dash = new Set(['\u2012', '\u2013', '\u2014', '\u2212']);

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * Numbers that reach an organisation, never a person, so publishing one shares nobody's personal details: UK
 * freephone (0800, 0808) and the 03 numbers of public bodies and charities (0300, 0330, 0345, 0370), also
 * dialled from abroad (+44 800…); US and Canadian toll-free numbers (1-800, 888, 877, 866, 855, 844, 833).
 * Emergency and helpline short numbers (999, 111, 101, 116 123, 911, 988) are too short to be read as phones.
 */
export function isPublicLine(digits: string): boolean {
  const uk = digits.startsWith('0044')
    ? digits.slice(4)
    : digits.startsWith('44')
      ? digits.slice(2)
      : digits.startsWith('0')
        ? digits.slice(1)
        : '';
  if (/^(?:800|808|300|330|345|370)/.test(uk)) return true;
  const us = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits.length === 10 ? digits : '';
  return /^8(?:00|88|77|66|55|44|33)/.test(us);
}

/**
 * Phone numbers: +CC followed by 8–15 digits; a national number starting with 0 (10–11 digits); a US number
 * grouped 3-3-4 (optionally after a 1), or written (NNN) NNN-NNNN. Years, ranges like 2019-2020, prices and
 * counts are left alone.
 */
export function findPhones(body: string): PersonalInfo[] {
  const found: PersonalInfo[] = [];
  // Jump from one possible start to the next in native code rather than looking at every character (`test`,
  // not `exec`: no match array per digit run; the match is one character, so it ends just before lastIndex).
  const candidates = /[0-9+(]/g;
  let i = 0;
  while (i < body.length) {
    candidates.lastIndex = i;
    if (!candidates.test(body)) break;
    i = candidates.lastIndex - 1;
    const c = body[i]!;
    const startsRun =
      isDigit(c) || ((c === '+' || c === '(') && isDigit(body[i + 1])) || (c === '(' && isDigit(body[i + 1]));
    if (!startsRun || (i > 0 && /[A-Za-z0-9]/.test(body[i - 1]!))) {
      i++;
      continue;
    }
    // Fewer than 8 digits within reach can be no phone number (4.5%, 2019, 1,200): skip the run without
    // building it. Reach: digits and phone separators, at most 40 characters, as the loop below reads.
    let reach = i;
    let digitCount = 0;
    while (reach < body.length && reach - i < 40) {
      const code = body.charCodeAt(reach);
      if (code >= 48 && code <= 57) digitCount++;
      else if (!(
        code === 32 ||
        code === 45 ||
        code === 46 ||
        code === 40 ||
        code === 41 ||
        code === 43 ||
        code === 47 ||
        code === 95 ||
        (code >= 0x2012 && code <= 0x2014) ||
        code === 0x2212
      ))
        break;
      reach++;
    }
    if (digitCount < 8) {
      i = reach > i ? reach : i + 1;
      continue;
    }
    const start = i;
    const groups: string[] = [];
    let current = '';
    let separators = 0;
    // Where to look again if this run is not a phone number: just after its first space, so a number
    // written before the phone number ("since 2019 555-123-4567") does not hide it.
    let retry = -1;
    while (i < body.length && i - start < 40) {
      const ch = body[i]!;
      if (isDigit(ch)) current += ch;
      else if (
        (ch === ' ' ||
          ch === '-' ||
          ch === '.' ||
          ch === '_' ||
          ch === '(' ||
          ch === ')' ||
          ch === '+' ||
          ((dash.has(ch) || ch === '/') && isDigit(body[i + 1]))) &&
        separators < 14
      ) {
        if (ch === ' ' && retry < 0) retry = i + 1;
        if (current) groups.push(current);
        current = '';
        if (ch !== '+' && ch !== '(') separators++;
        // A spaced dash or dot ("555 - 123 - 4567") is one separator.
        if (ch === ' ' && (body[i + 1] === '-' || body[i + 1] === '.') && body[i + 2] === ' ' && isDigit(body[i + 3]))
          i += 2;
        // A separator must be followed by a digit (or an opening parenthesis) to continue the number.
        const next = body[i + 1];
        if (!(isDigit(next) || next === '(' || (ch === ')' && next === ' ' && isDigit(body[i + 2])))) {
          i++;
          break;
        }
      } else break;
      i++;
    }
    if (current) groups.push(current);
    let end = i;
    while (end > start && !isDigit(body[end - 1]!) && body[end - 1] !== ')') end--;
    const text = body.slice(start, end);
    const digits = groups.join('');
    const sizes = groups.map((g) => g.length).join('-');
    // "+44 7700 900123", or the same with 00 for the plus ("(0044) 7700 900123").
    const international =
      (text.startsWith('+') && digits.length >= 8 && digits.length <= 15) ||
      (digits.startsWith('00') && digits[2] !== '0' && digits.length >= 10 && digits.length <= 17);
    // Single digits in a row count as one group ("07700 9 0 0 1 2 3": a number partly spelled out).
    let merged = 0;
    for (let g = 0; g < groups.length; g++)
      if (!(groups[g]!.length === 1 && g > 0 && groups[g - 1]!.length === 1)) merged++;
    const national = digits.startsWith('0') && digits.length >= 10 && digits.length <= 11 && merged <= 4;
    const northAmerican = sizes === '3-3-4' || sizes === '1-3-3-4' || (text.startsWith('(') && digits.length === 10);
    // One digit at a time ("5 5 5 1 2 3 4 5 6 7"): a number spelled out to slip past the patterns above.
    const spacedOut = groups.length >= 10 && groups.length <= 13 && digits.length === groups.length;
    const letterAfter = end < body.length && /[A-Za-z]/.test(body[end]!);
    if (
      (international || national || northAmerican || spacedOut) &&
      !letterAfter &&
      !isIsbn(body, start) &&
      (spacedOut || !isPublicLine(digits))
    )
      found.push({ kind: 'phone', start, end });
    else if (retry > start && retry < end) i = retry;
    if (i === start) i++;
  }
  return found;
}
