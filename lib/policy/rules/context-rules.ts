// Rules that need the comment's context: the account's history, the article, recent activity.
import { count } from '../plural';
import type { CompiledPolicy } from '../compile';
import { accountHolds } from '../standing';
import { collapseRepeats, hasStretch, IL, tokenize, tokenizeAside, WILD } from '../text/normalize';
import { amountWords } from '../text/number-words';
import { trustScore } from '../trust';
import type { Evidence, PolicyContext, Reason } from '../types';
import { describeHours, describeSource, type EffectiveSettings, type Standing } from '../presets';

const minute = 60_000;

/** A text as the duplicate rules compare it: its words, and the amounts in it (see printOf). `size`, `hash`,
 *  `head` and `tail` (the words' length, and hashes of them, of their first and of their last 30 code units) let
 *  samePrint rule out almost every pair from these numbers alone, without reading the words: every new comment
 *  is compared with some twenty recent ones, whose words are rarely still in the processor's cache. */
type Print = {
  words: string;
  amounts: string;
  length: number;
  size: number;
  hash: number;
  head: number;
  tail: number;
};
const prints = new Map<string, Print>();

/** Letters of a text that another may add a few words to and still be the same text. */
const minShared = 30;

/** A word's length (up to 15) and its first two letters, as an index into a 14-bit table. */
const shapeOf = (word: string) =>
  ((word.length & 15) << 10) | ((word.charCodeAt(0) & 31) << 5) | (word.charCodeAt(1) & 31);
/** The shapes of the number words: most words are ruled out by one array read. */
const numberWordShapes = new Uint8Array(1 << 14);
for (const word of Object.keys(amountWords)) numberWordShapes[shapeOf(word)] = 1;

/**
 * What makes two comments the same text: the words as the engine reads them (look-alike letters folded,
 * leetspeak read, accents, case, spacing, punctuation and emoji ignored, letters stretched to three or more
 * collapsed), run together, without the words "a" and "I" (leetspeak writes them as 4 and 1); and apart from them the
 * amounts (numbers of up to six digits, number words as digits). A long text that only changes its amounts ("£85" → "£90", "two weeks" → "2 weeks") is a spam
 * template reposted (sameFingerprint); longer numbers (phone, order or ticket numbers, timestamps) stay in the
 * words, so a text that names another one is new.
 * A repost with one Cyrillic letter, 0 for o, or different spacing has the same fingerprint. Memoised: every
 * new comment is compared with the same recent comments as the one before it.
 */
function printOf(body: string, aside = false): Print {
  const known = prints.get(body);
  if (known !== undefined) return known;
  // Built as lists and joined once: flat strings compare faster than ones grown by +=.
  const words: string[] = [];
  // Each amount is written with one space after it; `count` keeps the length free of those spaces.
  let amounts = '';
  let count = 0;
  for (const token of aside ? tokenizeAside(body) : tokenize(body)) {
    if (!token.hasLetter) {
      const digits = digitsOf(token.text);
      if (digits.length > 6) words.push(digits);
      else if (digits) {
        amounts += `${digits} `;
        count++;
      } else if (token.text.length > 1) words.push(token.text); // symbols alone ("!!!" and "?!" are different texts)
    } else if (token.core.length === 1 || token.text.length === 1) {
      // "a" and "I" are left out: leetspeak writes them as 4 and 1, which count as amounts.
      if (token.spelled !== 'a' && token.spelled !== 'i') words.push(token.spelled);
    } else if (numberWordShapes[shapeOf(token.core)] === 1 && token.core in amountWords) {
      amounts += `${amountWords[token.core]} `;
      count++;
    } else if (!token.disguised || !readAsLetters(token.core)) words.push(token.core);
    else words.push(collapseRepeats(lettersOf(token.core)));
  }
  const joined = words.join('');
  const size = joined.length;
  const print: Print = {
    words: joined,
    amounts,
    length: size + amounts.length - count,
    size,
    hash: hashOf(joined, 0, size),
    head: hashOf(joined, 0, Math.min(size, minShared)),
    tail: hashOf(joined, Math.max(0, size - minShared), size),
  };
  if (prints.size >= 10_000) prints.clear();
  prints.set(body, print);
  return print;
}

/** FNV-1a over the UTF-16 code units from `from` to `to`: equal texts have equal hashes, so unequal hashes
 *  rule a pair out. */
function hashOf(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let k = from; k < to; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
  return hash;
}

/** A word with wildcards, i/l markers or letters stretched to three: its letters are compared collapsed. */
function readAsLetters(word: string): boolean {
  return word.indexOf(WILD) !== -1 || word.indexOf(IL) !== -1 || hasStretch(word);
}

function lettersOf(text: string): string {
  return text.indexOf(WILD) === -1 && text.indexOf(IL) === -1 ? text : text.replaceAll(WILD, '').replaceAll(IL, 'i');
}

function digitsOf(text: string): string {
  return /^[0-9]*$/.test(text) ? text : text.replace(/[^0-9]/g, '');
}

/**
 * Whether `short` may stand in `long` at `at`: its first, middle and last characters are there. Most recent
 * comments differ from the new one within these three reads, before a comparison of the whole text (recent
 * comments on one story often open with the same words).
 */
function sameAt(short: string, long: string, at: number): boolean {
  const last = short.length - 1;
  if (last < 0) return true;
  const middle = last >> 1;
  return (
    short.charCodeAt(last) === long.charCodeAt(at + last) &&
    short.charCodeAt(middle) === long.charCodeAt(at + middle) &&
    short.charCodeAt(0) === long.charCodeAt(at)
  );
}

/** Letters and digits a text needs before the same text from other accounts counts as spam. */
const othersFloor = 30;

/** Words of a text long enough that changed amounts do not make it new. */
const templateLetters = 60;

/**
 * The length of the fingerprint two comments share, or -1 when they are not the same text. Besides equal
 * fingerprints, a text of at least 30 letters with a few words added before or after it ("… Thanks!") is
 * the same text: up to 12 letters, or 15% of it, whichever is more. Amounts must agree too, unless the text
 * has at least 60 letters of words.
 */
export function sameFingerprint(a: string, b: string): number {
  return samePrint(printOf(a), b);
}

/** sameFingerprint with the first text's print already worked out (one lookup less per comparison). */
function samePrint(p: Print, b: string): number {
  const q = printOf(b, true);
  const short = p.size < q.size ? p : q;
  const long = p.size < q.size ? q : p;
  if (short.size === long.size) {
    if (p.hash !== q.hash || p.words !== q.words) return -1;
  } else {
    if (short.size < minShared || long.size - short.size > Math.max(12, short.size * 0.15)) return -1;
    // The shorter text opens or ends the longer one: their first or last 30 code units (hashed) say which may.
    const opens = short.head === long.head;
    const ends = short.tail === long.tail;
    if (!opens && !ends) return -1;
    const s = short.words;
    const l = long.words;
    const tail = l.length - s.length;
    if (!((opens && sameAt(s, l, 0) && l.startsWith(s)) || (ends && sameAt(s, l, tail) && l.endsWith(s)))) return -1;
  }
  return short.size >= templateLetters || p.amounts === q.amounts ? short.length : -1;
}

function formatDay(date: Date) {
  return date.toISOString().slice(0, 10);
}

export function articleReasons(context: PolicyContext, policy: CompiledPolicy): Reason[] {
  const { article, now } = context;
  if (article.presets) return presetReasons(article.presets.standing, article.presets.settings, policy);
  const reasons: Reason[] = [];
  if (policy.enabled('comments-closed') && !article.commentsOpen)
    reasons.push({
      ruleId: 'comments-closed',
      outcome: 'reject',
      clause: 'moderation',
      message: 'Comments are closed on this story.',
      evidence: [{ kind: 'setting', setting: 'article.commentsOpen' }],
    });
  const days = article.autoCloseDays ?? policy.settings.autoCloseDays;
  if (policy.enabled('auto-closed') && days !== null && article.commentsOpen) {
    const closesAt = new Date(article.publishedAt.getTime() + days * 86_400_000);
    if (now >= closesAt)
      reasons.push({
        ruleId: 'auto-closed',
        outcome: 'reject',
        clause: 'moderation',
        message: `Comments on this story closed on ${formatDay(closesAt)}, ${count(days, 'day')} after publication.`,
        evidence: [{ kind: 'setting', setting: 'autoCloseDays' }],
      });
  }
  if (policy.enabled('article-premoderated') && article.premoderate)
    reasons.push({
      ruleId: 'article-premoderated',
      outcome: 'hold',
      clause: 'moderation',
      message: 'Every comment on this story is reviewed by a moderator before it appears.',
      evidence: [{ kind: 'setting', setting: 'article.premoderate' }],
    });
  return reasons;
}

export function activityReasons(body: string, context: PolicyContext, policy: CompiledPolicy): Reason[] {
  const { settings, enabled } = policy;
  const { now, author } = context;
  const reasons: Reason[] = [];

  // Flooding: staff are exempt (they may need to post corrections quickly).
  if (!author.isStaff) {
    const flood = (
      ruleId: 'flood-user' | 'flood-ip',
      entries: readonly { createdAt: Date }[],
      limit: number,
      who: string,
    ) => {
      if (!enabled(ruleId)) return;
      // Counted first: the list is sorted only for a comment over the limit.
      let inWindow = 0;
      for (const c of entries) if (now.getTime() - c.createdAt.getTime() < minute) inWindow++;
      if (inWindow < limit) return;
      const recent = entries
        .map((c) => c.createdAt)
        .filter((t) => now.getTime() - t.getTime() < minute)
        .sort((a, b) => a.getTime() - b.getTime());
      // The oldest comment that must leave the one-minute window before another one fits.
      const oldest = recent[recent.length - limit]!;
      const retry = Math.max(1, Math.ceil((oldest.getTime() + minute - now.getTime()) / 1000));
      reasons.push({
        ruleId,
        outcome: 'reject',
        clause: 'spam',
        message: `${who} posted ${count(recent.length, 'comment')} in the last minute (the limit is ${limit}). Please try again in ${count(retry, 'second')}.`,
        evidence: [
          { kind: 'count', count: recent.length, limit, windowSeconds: 60 },
          { kind: 'retry', retryAfterSeconds: retry },
        ],
      });
    };
    flood('flood-user', context.recentByAuthor, settings.floodPerUserPerMinute, 'You have');
    flood('flood-ip', context.recentFromIp, settings.floodPerIpPerMinute, 'Your network has');
  }

  // The new text's fingerprint is compared with each recent one's (memoised).
  const windowStart = now.getTime() - settings.duplicateWindowMinutes * minute;
  // A shared fingerprint must not be empty (texts of punctuation alone are not duplicates).
  const print = context.recentByAuthor.length || context.recentByOthers.length ? printOf(body) : undefined;
  if (
    enabled('duplicate-self') &&
    context.recentByAuthor.some((c) => c.createdAt.getTime() >= windowStart && samePrint(print!, c.body) > 0)
  )
    reasons.push({
      ruleId: 'duplicate-self',
      outcome: 'reject',
      clause: 'spam',
      message: `You posted the same text within the last ${count(settings.duplicateWindowMinutes, 'minute')} (look-alike letters, spacing and a few added words do not make it new).`,
      evidence: [{ kind: 'count', count: 2, limit: 1, windowSeconds: settings.duplicateWindowMinutes * 60 }],
    });
  // Only texts of at least 30 letters/digits count: a shared fingerprint has the new text's length. Shorter
  // ones are the replies many readers write in the same words ("Thank you for reporting this.", "Thoughts
  // are with the family."). (With a limit below 1 account, which the settings schema rejects, the length
  // must be known without a match.)
  if (enabled('duplicate-others') && (settings.duplicateAccounts >= 1 || printOf(body).length >= othersFloor)) {
    // The set of accounts is made only when a recent comment matches (almost never).
    let accounts: Set<string> | undefined;
    for (const c of context.recentByOthers)
      if (c.createdAt.getTime() >= windowStart && c.authorId !== author.id && samePrint(print!, c.body) >= othersFloor)
        (accounts ??= new Set()).add(c.authorId);
    const accountCount = accounts?.size ?? 0;
    if (accountCount >= settings.duplicateAccounts)
      reasons.push({
        ruleId: 'duplicate-others',
        outcome: 'hold',
        clause: 'spam',
        message: `The same text (look-alike letters, spacing and a few added words aside) was posted from ${count(accountCount, 'other account')} in the last ${count(settings.duplicateWindowMinutes, 'minute')}.`,
        evidence: [
          {
            kind: 'count',
            count: accountCount,
            limit: settings.duplicateAccounts,
            windowSeconds: settings.duplicateWindowMinutes * 60,
          },
        ],
      });
  }

  // A corrected version of a comment a moderator rejected goes back to a moderator: sending it again must not
  // overturn a human decision that no automatic rule could have made (an off-topic comment, say).
  if (enabled('corrects-rejected') && context.corrects?.rejectedBy === 'moderator')
    reasons.push({
      ruleId: 'corrects-rejected',
      outcome: 'hold',
      clause: 'moderation',
      message: 'This corrects a comment a moderator did not publish, so a moderator reviews it before it appears.',
      evidence: [{ kind: 'setting', setting: 'comment.corrects' }],
    });

  // Account-level checks (staff are trusted; their comments are never pre-moderated). The words come from
  // standing.ts, which the reader's profile uses too.
  for (const hold of accountHolds(author, now, settings, enabled))
    reasons.push({
      ruleId: hold.ruleId,
      outcome: 'hold',
      clause: 'moderation',
      message: hold.message,
      evidence: [
        hold.ruleId === 'user-premoderated'
          ? { kind: 'setting', setting: 'user.premoderated' }
          : hold.ruleId === 'new-commenter'
            ? { kind: 'count', count: author.publishedCount, limit: settings.newCommenterHoldCount }
            : {
                kind: 'count',
                count: trustScore({
                  approvedCount: author.approvedCount,
                  rejectedCount: author.rejectedCount,
                  accountAgeDays: (now.getTime() - author.createdAt.getTime()) / 86_400_000,
                }),
                limit: settings.trustThreshold,
              },
      ],
    });
  return reasons;
}

/** The story's standing through its presets (lib/policy/presets.ts): each reason names the preset or setting behind
 *  it, which the audit log and the transparency report carry (evidence `preset:<id>`). */
function presetReasons(standing: Standing, settings: EffectiveSettings, policy: CompiledPolicy): Reason[] {
  const by = describeSource(standing.source);
  const evidence: Evidence[] = [
    {
      kind: 'setting',
      setting:
        standing.source.kind === 'tag' || standing.source.kind === 'section'
          ? `preset:${standing.source.presetId}`
          : standing.source.kind === 'story'
            ? 'article.commentMode'
            : 'autoCloseDays',
    },
  ];
  if (standing.state === 'closed' && !standing.timed && policy.enabled('comments-closed'))
    return [
      {
        ruleId: 'comments-closed',
        outcome: 'reject',
        clause: 'moderation',
        message: `Comments are closed on this story (${by}).`,
        evidence,
      },
    ];
  if (standing.state === 'closed' && standing.timed && policy.enabled('auto-closed') && standing.closesAt)
    return [
      {
        ruleId: 'auto-closed',
        outcome: 'reject',
        clause: 'moderation',
        message: `Comments on this story closed on ${formatDay(standing.closesAt)}, ${describeHours(settings.closeAfterHours.value ?? 0)} after publication (${by}).`,
        evidence,
      },
    ];
  if (standing.state === 'premoderated' && policy.enabled('article-premoderated'))
    return [
      {
        ruleId: 'article-premoderated',
        outcome: 'hold',
        clause: 'moderation',
        message: standing.premoderatedUntil
          ? `Comments on this story are reviewed by a moderator before they appear until ${formatDay(standing.premoderatedUntil)} ${standing.premoderatedUntil.toISOString().slice(11, 16)} UTC (${by}).`
          : `Every comment on this story is reviewed by a moderator before it appears (${by}).`,
        evidence,
      },
    ];
  return [];
}
