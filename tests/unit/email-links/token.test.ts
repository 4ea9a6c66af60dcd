import { describe, expect, test } from 'vitest';
import { redactSecrets } from '@/lib/mail/redact';
import {
  signAccountDeletionToken,
  signReplyToken,
  signUnsubscribeToken,
  verifyReplyToken,
  verifyAccountDeletionToken,
  verifyUnsubscribeToken,
} from '@/lib/email-links/token';

const secret = 'test-secret-0123456789';
const now = new Date('2026-11-25T12:00:00Z');
const link = {
  linkId: 'link-1',
  authorId: 'author-1',
  commentId: 'comment-1',
  expiresAt: new Date('2026-12-02T12:00:00Z'),
};

describe('reply tokens', () => {
  test('a fresh token verifies and carries the author, comment and link', () => {
    const result = verifyReplyToken(signReplyToken(link, secret), secret, now, 'comment-1');
    expect(result).toEqual({
      ok: true,
      payload: { v: 1, lid: 'link-1', aid: 'author-1', cid: 'comment-1', exp: link.expiresAt.getTime() / 1000 },
    });
  });

  test('a tampered payload fails the signature check', () => {
    const token = signReplyToken(link, secret);
    const [body, signature] = token.split('.');
    const forged = Buffer.from(Buffer.from(body!, 'base64url').toString().replace('author-1', 'author-2')).toString(
      'base64url',
    );
    expect(verifyReplyToken(`${forged}.${signature}`, secret, now)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  test('a tampered signature, another secret or garbage is refused', () => {
    const token = signReplyToken(link, secret);
    const flipped = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect(verifyReplyToken(flipped, secret, now).ok).toBe(false);
    expect(verifyReplyToken(token, 'another-secret-123456', now)).toEqual({ ok: false, reason: 'bad-signature' });
    for (const junk of ['', 'abc', 'a.b.c', '<script>.x', `${'a'.repeat(2000)}.b`])
      expect(verifyReplyToken(junk, secret, now).ok).toBe(false);
  });

  test('an expired token is recognised as genuine but expired', () => {
    const result = verifyReplyToken(signReplyToken(link, secret), secret, new Date('2026-12-02T12:00:01Z'));
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ reason: 'expired', payload: { cid: 'comment-1', aid: 'author-1' } });
  });

  test('a token used against another comment is refused', () => {
    expect(verifyReplyToken(signReplyToken(link, secret), secret, now, 'comment-2')).toMatchObject({
      ok: false,
      reason: 'wrong-comment',
    });
  });

  // The token layer only carries the author id, signed; refusing a token whose author is not its link's
  // is lib/comments/author-reply.ts's job, tested in author-binding.db.test.ts.
  test('the author id is signed into the token: changing it breaks the signature', () => {
    const other = signReplyToken({ ...link, authorId: 'author-2' }, secret);
    const result = verifyReplyToken(other, secret, now, 'comment-1');
    expect(result.ok && result.payload.aid).toBe('author-2');
    const [, signature] = other.split('.');
    const [body] = signReplyToken(link, secret).split('.');
    expect(verifyReplyToken(`${body}.${signature}`, secret, now, 'comment-1')).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });
});

describe('unsubscribe tokens', () => {
  test('round-trip and tamper detection', () => {
    const token = signUnsubscribeToken({ kind: 'user', id: 'u1', topic: 'replies' }, secret);
    expect(verifyUnsubscribeToken(token, secret)).toEqual({ kind: 'user', id: 'u1', topic: 'replies' });
    expect(
      verifyUnsubscribeToken(
        token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
        secret,
      ),
    ).toBeNull();
    expect(verifyUnsubscribeToken(token, 'other-secret-123456')).toBeNull();
    expect(verifyUnsubscribeToken('nonsense', secret)).toBeNull();
  });
});

describe('unsubscribe link generations', () => {
  const subject = { kind: 'author' as const, id: 'a1', topic: 'comments' };
  test('raising the generation revokes every link sent before it', () => {
    const old = signUnsubscribeToken(subject, secret);
    expect(verifyUnsubscribeToken(old, secret, 1)).toEqual(subject);
    expect(verifyUnsubscribeToken(old, secret, 2)).toBeNull();
    const fresh = signUnsubscribeToken(subject, secret, 2);
    expect(verifyUnsubscribeToken(fresh, secret, 2)).toEqual(subject);
    expect(verifyUnsubscribeToken(fresh, secret, 1)).toBeNull();
  });
  test('the generation is signed: editing it breaks the signature', () => {
    const fresh = signUnsubscribeToken(subject, secret, 2);
    const [body, signature] = fresh.split('.') as [string, string];
    const edited = Buffer.from(Buffer.from(body, 'base64url').toString('utf8').replace('"g":2', '"g":3')).toString(
      'base64url',
    );
    expect(verifyUnsubscribeToken(`${edited}.${signature}`, secret, 3)).toBeNull();
  });
});

describe('account deletion tokens (issue 17)', () => {
  const expiresAt = new Date('2026-11-26T12:00:00Z');
  test('verify for their account until they expire', () => {
    const token = signAccountDeletionToken({ userId: 'user-1', expiresAt }, secret);
    expect(verifyAccountDeletionToken(token, secret, now)).toEqual({
      v: 1,
      uid: 'user-1',
      exp: expiresAt.getTime() / 1000,
    });
    expect(verifyAccountDeletionToken(token, secret, expiresAt)).toBe(null);
    expect(verifyAccountDeletionToken(token, 'another-secret-0123456789', now)).toBe(null);
  });

  test('are not interchangeable with unsubscribe or reply tokens, and a forged account fails', () => {
    const token = signAccountDeletionToken({ userId: 'user-1', expiresAt }, secret);
    const [, signature] = token.split('.');
    const other = Buffer.from(JSON.stringify({ v: 1, uid: 'user-2', exp: expiresAt.getTime() / 1000 })).toString(
      'base64url',
    );
    expect(verifyAccountDeletionToken(`${other}.${signature}`, secret, now)).toBe(null);
    expect(verifyUnsubscribeToken(token, secret)).toBe(null);
    const unsubscribe = signUnsubscribeToken({ kind: 'user', id: 'user-1', topic: 'replies' }, secret);
    expect(verifyAccountDeletionToken(unsubscribe, secret, now)).toBe(null);
  });

  test('never reach a log', () => {
    const token = signAccountDeletionToken({ userId: 'user-1', expiresAt }, secret);
    const logged = redactSecrets(`Delete my account:\nhttp://localhost:3000/delete-account/${token}\n`);
    expect(logged).not.toContain(token);
    expect(logged).toContain('/delete-account/[redacted');
  });
});
