// Signed "Reply as the author" tokens. Pure: the secret and the clock are arguments.
// Format: base64url(JSON payload) "." base64url(HMAC-SHA256(payload, secret)).
// The payload binds the link id (single use, tracked in AuthorReplyLink), the author, the comment and an expiry.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type ReplyTokenPayload = { v: 1; lid: string; aid: string; cid: string; exp: number };

export type VerifyResult =
  | { ok: true; payload: ReplyTokenPayload }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' | 'wrong-comment'; payload?: ReplyTokenPayload };

export const defaultReplyLinkTtlSeconds = 7 * 24 * 60 * 60;

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** Compares the canonical encodings, so a re-encoded (non-canonical) signature is refused too. */
function sameSignature(given: string, expected: Buffer): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(b64(expected));
  return a.length === b.length && timingSafeEqual(a, b);
}

function sign(body: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(`author-reply:${body}`).digest();
}

export function signReplyToken(
  input: { linkId: string; authorId: string; commentId: string; expiresAt: Date },
  secret: string,
): string {
  const payload: ReplyTokenPayload = {
    v: 1,
    lid: input.linkId,
    aid: input.authorId,
    cid: input.commentId,
    exp: Math.floor(input.expiresAt.getTime() / 1000),
  };
  const body = b64(JSON.stringify(payload));
  return `${body}.${b64(sign(body, secret))}`;
}

export function verifyReplyToken(token: string, secret: string, now: Date, expectedCommentId?: string): VerifyResult {
  if (typeof token !== 'string' || token.length > 1000) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 2 || !/^[A-Za-z0-9_-]+$/.test(parts[0]!) || !/^[A-Za-z0-9_-]+$/.test(parts[1]!))
    return { ok: false, reason: 'malformed' };
  const [body, signature] = parts as [string, string];
  if (!sameSignature(signature, sign(body, secret))) return { ok: false, reason: 'bad-signature' };
  let payload: ReplyTokenPayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (
    payload?.v !== 1 ||
    typeof payload.lid !== 'string' ||
    typeof payload.aid !== 'string' ||
    typeof payload.cid !== 'string' ||
    typeof payload.exp !== 'number'
  )
    return { ok: false, reason: 'malformed' };
  if (payload.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired', payload };
  if (expectedCommentId !== undefined && payload.cid !== expectedCommentId)
    return { ok: false, reason: 'wrong-comment', payload };
  return { ok: true, payload };
}

export type UnsubscribeSubject = { kind: 'author' | 'user'; id: string; topic: string };

/** One-click unsubscribe tokens for List-Unsubscribe: who and what, signed, and the link generation they belong
 *  to. They do not expire (a reader may unsubscribe from a years-old email), but raising the generation
 *  (UNSUBSCRIBE_LINK_VERSION) revokes every link sent before, should links leak. Links from before
 *  generations existed count as generation 1. */
export function signUnsubscribeToken(subject: UnsubscribeSubject, secret: string, generation = 1): string {
  const body = b64(JSON.stringify(generation === 1 ? subject : { ...subject, g: generation }));
  return `${body}.${b64(createHmac('sha256', secret).update(`unsubscribe:${body}`).digest())}`;
}

export function verifyUnsubscribeToken(token: string, secret: string, generation = 1): UnsubscribeSubject | null {
  const [body, signature, extra] = String(token).split('.');
  if (!body || !signature || extra !== undefined) return null;
  if (!sameSignature(signature, createHmac('sha256', secret).update(`unsubscribe:${body}`).digest())) return null;
  try {
    const value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if ((value.g ?? 1) !== generation) return null;
    if (
      (value.kind === 'author' || value.kind === 'user') &&
      typeof value.id === 'string' &&
      typeof value.topic === 'string'
    )
      return { kind: value.kind, id: value.id, topic: value.topic };
  } catch {}
  return null;
}

export type AccountDeletionPayload = { v: 1; uid: string; exp: number };

/** "Delete my account" confirmation links (issue 17): the account and an expiry, signed. Opening the link changes
 *  nothing (mail scanners open links); the page's one button deletes. The account's deletion spends the link. */
export function signAccountDeletionToken(input: { userId: string; expiresAt: Date }, secret: string): string {
  const payload: AccountDeletionPayload = {
    v: 1,
    uid: input.userId,
    exp: Math.floor(input.expiresAt.getTime() / 1000),
  };
  const body = b64(JSON.stringify(payload));
  return `${body}.${b64(createHmac('sha256', secret).update(`account-deletion:${body}`).digest())}`;
}

export function verifyAccountDeletionToken(token: string, secret: string, now: Date): AccountDeletionPayload | null {
  if (typeof token !== 'string' || token.length > 1000) return null;
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return null;
  if (!sameSignature(signature, createHmac('sha256', secret).update(`account-deletion:${body}`).digest())) return null;
  try {
    const value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (value?.v !== 1 || typeof value.uid !== 'string' || typeof value.exp !== 'number') return null;
    if (value.exp * 1000 <= now.getTime()) return null;
    return { v: 1, uid: value.uid, exp: value.exp };
  } catch {
    return null;
  }
}
