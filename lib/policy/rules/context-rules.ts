// Rules that need the comment's context: the account's history, the article, recent activity.
import type { CompiledPolicy } from '../compile';
import { accountHolds } from '../standing';
import { trustScore } from '../trust';
import type { PolicyContext, Reason } from '../types';

const minute = 60_000;

const prints = new Map<string, string>();

/** Case, spacing and punctuation do not make a repeated comment new. Memoised: every new comment is
 *  compared with the same recent comments as the one before it. */
export function fingerprint(body: string): string {
  const known = prints.get(body);
  if (known !== undefined) return known;
  let out = body.toLowerCase().replace(/[\x00-\x2f\x3a-\x60\x7b-\x7f]+/g, '');
  if (/[^\x00-\x7f]/.test(out)) out = out.replace(/[^\p{L}\p{N}]+/gu, '');
  if (prints.size >= 10_000) prints.clear();
  prints.set(body, out);
  return out;
}

/** A lower-case ASCII letter or a digit: what an ASCII character leaves in a fingerprint. */
function isFingerprintCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/**
 * The length of the fingerprint the two texts share, or -1 when their fingerprints differ. Equal to
 * `fingerprint(a) === fingerprint(b) ? fingerprint(a).length : -1`, but reads both texts side by side and
 * stops at the first difference, so a new comment is never fingerprinted whole just to learn that it
 * differs from recent ones in its first words. ASCII is read directly (its fingerprint is its lower-cased
 * letters and digits, whatever follows); at the first non-ASCII character it falls back to the full
 * (memoised) fingerprints.
 */
export function sameFingerprint(a: string, b: string): number {
  const left = { text: a, at: 0 };
  const right = { text: b, at: 0 };
  for (let shared = 0; ; shared++) {
    const x = nextFingerprintCode(left);
    const y = nextFingerprintCode(right);
    if (x === nonAscii || y === nonAscii) return slowSameFingerprint(a, b);
    if (x !== y) return -1;
    if (x === end) return shared;
  }
}

const end = -1;
const nonAscii = -2;

/** The next character an ASCII text contributes to its fingerprint (lower-cased), `end`, or `nonAscii`. */
function nextFingerprintCode(cursor: { text: string; at: number }): number {
  while (cursor.at < cursor.text.length) {
    let code = cursor.text.charCodeAt(cursor.at++);
    if (code >= 128) return nonAscii;
    if (code >= 65 && code <= 90) code += 32;
    if (isFingerprintCode(code)) return code;
  }
  return end;
}

function slowSameFingerprint(a: string, b: string): number {
  const print = fingerprint(a);
  return print === fingerprint(b) ? print.length : -1;
}

function formatDay(date: Date) {
  return date.toISOString().slice(0, 10);
}

export function articleReasons(context: PolicyContext, policy: CompiledPolicy): Reason[] {
  const { article, now } = context;
  const reasons: Reason[] = [];
  if (policy.enabled('comments-closed') && !article.commentsOpen)
    reasons.push({ ruleId: 'comments-closed', outcome: 'reject', clause: 'moderation', message: 'Comments are closed on this story.', evidence: [{ kind: 'setting', setting: 'article.commentsOpen' }] });
  const days = article.autoCloseDays ?? policy.settings.autoCloseDays;
  if (policy.enabled('auto-closed') && days !== null && article.commentsOpen) {
    const closesAt = new Date(article.publishedAt.getTime() + days * 86_400_000);
    if (now >= closesAt)
      reasons.push({
        ruleId: 'auto-closed',
        outcome: 'reject',
        clause: 'moderation',
        message: `Comments on this story closed on ${formatDay(closesAt)}, ${days} days after publication.`,
        evidence: [{ kind: 'setting', setting: 'autoCloseDays' }],
      });
  }
  if (policy.enabled('article-premoderated') && article.premoderate)
    reasons.push({ ruleId: 'article-premoderated', outcome: 'hold', clause: 'moderation', message: 'Every comment on this story is reviewed by a moderator before it appears.', evidence: [{ kind: 'setting', setting: 'article.premoderate' }] });
  return reasons;
}

export function activityReasons(body: string, context: PolicyContext, policy: CompiledPolicy): Reason[] {
  const { settings, enabled } = policy;
  const { now, author } = context;
  const reasons: Reason[] = [];

  // Flooding: staff are exempt (they may need to post corrections quickly).
  if (!author.isStaff) {
    const flood = (ruleId: 'flood-user' | 'flood-ip', times: Date[], limit: number, who: string) => {
      const recent = times.filter((t) => now.getTime() - t.getTime() < minute).sort((a, b) => a.getTime() - b.getTime());
      if (!enabled(ruleId) || recent.length < limit) return;
      // The oldest comment that must leave the one-minute window before another one fits.
      const oldest = recent[recent.length - limit]!;
      const retry = Math.max(1, Math.ceil((oldest.getTime() + minute - now.getTime()) / 1000));
      reasons.push({
        ruleId,
        outcome: 'reject',
        clause: 'spam',
        message: `${who} posted ${recent.length} comments in the last minute (the limit is ${limit}). Please try again in ${retry} seconds.`,
        evidence: [
          { kind: 'count', count: recent.length, limit, windowSeconds: 60 },
          { kind: 'retry', retryAfterSeconds: retry },
        ],
      });
    };
    flood('flood-user', context.recentByAuthor.map((c) => c.createdAt), settings.floodPerUserPerMinute, 'You have');
    flood('flood-ip', context.recentFromIp.map((c) => c.createdAt), settings.floodPerIpPerMinute, 'Your network has');
  }

  // The new text is compared with each recent one side by side (sameFingerprint), rather than fingerprinted
  // whole: same outcome, but most comparisons stop within the first few letters.
  const windowStart = now.getTime() - settings.duplicateWindowMinutes * minute;
  // A shared fingerprint must not be empty (texts of punctuation alone are not duplicates).
  if (enabled('duplicate-self') && context.recentByAuthor.some((c) => c.createdAt.getTime() >= windowStart && sameFingerprint(body, c.body) > 0))
    reasons.push({
      ruleId: 'duplicate-self',
      outcome: 'reject',
      clause: 'spam',
      message: `You posted the same text within the last ${settings.duplicateWindowMinutes} minutes.`,
      evidence: [{ kind: 'count', count: 2, limit: 1, windowSeconds: settings.duplicateWindowMinutes * 60 }],
    });
  // Only texts of at least 20 letters/digits count: a shared fingerprint has the new text's length. (With a
  // limit below 1 account, which the settings schema rejects, the length must be known without a match.)
  if (enabled('duplicate-others') && (settings.duplicateAccounts >= 1 || fingerprint(body).length >= 20)) {
    const accounts = new Set(context.recentByOthers.filter((c) => c.createdAt.getTime() >= windowStart && c.authorId !== author.id && sameFingerprint(body, c.body) >= 20).map((c) => c.authorId));
    if (accounts.size >= settings.duplicateAccounts)
      reasons.push({
        ruleId: 'duplicate-others',
        outcome: 'hold',
        clause: 'spam',
        message: `The same text was posted from ${accounts.size} other accounts in the last ${settings.duplicateWindowMinutes} minutes.`,
        evidence: [{ kind: 'count', count: accounts.size, limit: settings.duplicateAccounts, windowSeconds: settings.duplicateWindowMinutes * 60 }],
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
            : { kind: 'count', count: trustScore({ approvedCount: author.approvedCount, rejectedCount: author.rejectedCount, accountAgeDays: (now.getTime() - author.createdAt.getTime()) / 86_400_000 }), limit: settings.trustThreshold },
      ],
    });
  return reasons;
}
