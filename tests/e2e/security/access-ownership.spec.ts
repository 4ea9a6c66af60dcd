// Beyond roles: a reader cannot change someone else's comment, a reply link answers its own comment once and not
// after it expires, and a cross-site call is refused even with a valid session.
import { expect, test } from '@playwright/test';
import { testDb } from '../../support/db';
import { accountDeletionTokenFor, replyLinkFor } from '../../support/email-links';
import { httpRequest } from '../../support/server-actions';
import { createAccount, createArticle } from '../../support/factories';
import { createActor } from '../../support/sessions';
import { callForm, callPlain } from './scenarios';

test.describe('beyond roles', () => {
  test("readers cannot edit, delete or appeal someone else's comment; moderators can delete it", async () => {
    const db = await testDb();
    const article = await createArticle('ownership');
    const owner = await createAccount('owner');
    const intruder = await createActor('reader');
    const moderator = await createActor('moderator');
    const published = await db.comment.create({
      data: { articleId: article.id, userId: owner.id, body: 'Mine, and only mine.', status: 'PUBLISHED' },
    });
    const rejected = await db.comment.create({
      data: {
        articleId: article.id,
        userId: owner.id,
        body: 'Mine, rejected.',
        status: 'REJECTED',
        rejectClause: 'civility',
      },
    });
    await callForm('editCommentAction', intruder, { commentId: published.id, body: 'Rewritten by someone else.' });
    await callPlain('deleteCommentAction', intruder, { commentId: published.id });
    await callForm('appealAction', intruder, { commentId: rejected.id, statement: 'Appealing for someone else.' });
    expect(await db.comment.findUniqueOrThrow({ where: { id: published.id } })).toMatchObject({
      body: 'Mine, and only mine.',
      status: 'PUBLISHED',
    });
    expect(await db.appeal.count({ where: { commentId: rejected.id } })).toBe(0);
    await callPlain('deleteCommentAction', moderator, { commentId: published.id });
    expect((await db.comment.findUniqueOrThrow({ where: { id: published.id } })).status).toBe('DELETED');
  });

  test('a reply link posts one reply, to its own comment only, and not after it expires', async () => {
    const db = await testDb();
    const article = await createArticle('reply-limits');
    const reader = await createAccount('asker');
    const make = async (body: string) => {
      const c = await db.comment.create({
        data: { articleId: article.id, userId: reader.id, body, status: 'PUBLISHED' },
      });
      return db.comment.update({ where: { id: c.id }, data: { threadId: c.id } });
    };
    const [first, second, third] = [
      await make('First question?'),
      await make('Second question?'),
      await make('Third question?'),
    ];
    const bearer = await createActor('reply-link');
    const link = await replyLinkFor(first.id);
    const replies = async (parentId: string) =>
      db.comment.count({ where: { parentId, authorProfileId: { not: null } } });

    // The link for the first comment, presented for the second: refused.
    await callForm('postAuthorReplyAction', bearer, {
      commentId: second.id,
      token: link.token,
      body: 'Answering the wrong comment.',
    });
    expect(await replies(second.id)).toBe(0);
    // Used as intended: one reply, then never again.
    await callForm('postAuthorReplyAction', bearer, {
      commentId: first.id,
      token: link.token,
      body: 'The one answer.',
    });
    await callForm('postAuthorReplyAction', bearer, {
      commentId: first.id,
      token: link.token,
      body: 'A second answer.',
    });
    expect(await replies(first.id)).toBe(1);
    // Expired: refused, even though the signature is good.
    const expired = await replyLinkFor(third.id, { expiresAt: new Date(Date.now() - 1000) });
    await callForm('postAuthorReplyAction', bearer, { commentId: third.id, token: expired.token, body: 'Too late.' });
    expect(await replies(third.id)).toBe(0);
    // The link's page shows its own comment only.
    const page = await httpRequest('GET', `/reply/${second.id}/${link.token}`);
    expect(page.text).not.toContain('Second question?');
  });

  test('a cross-site call with a valid session is refused', async () => {
    const db = await testDb();
    const moderator = await createActor('moderator');
    const article = await createArticle('csrf');
    const held = await db.comment.create({
      data: {
        articleId: article.id,
        userId: (await createAccount('held')).id,
        body: 'Held for review.',
        status: 'PENDING',
      },
    });
    const response = await callForm(
      'decideAction',
      moderator,
      { commentId: held.id, version: '0', decision: 'approve' },
      { origin: 'https://evil.example' },
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect((await db.comment.findUniqueOrThrow({ where: { id: held.id } })).status).toBe('PENDING');
  });

  test("a reader cannot lift someone else's mute, and a deletion link deletes only its own account", async () => {
    const db = await testDb();
    const owner = await createAccount('muter');
    const muted = await createAccount('muted');
    const intruder = await createActor('reader');
    await db.mute.create({ data: { muterId: owner.id, mutedId: muted.id } });
    await callPlain('unmuteCommenterAction', intruder, { userId: muted.id });
    expect(await db.mute.count({ where: { muterId: owner.id, mutedId: muted.id } })).toBe(1);

    // A link signed for one account, tampered to name another, is refused; the caller's session changes nothing.
    const leaving = await createAccount('leaving');
    const token = accountDeletionTokenFor(leaving.id);
    const [, signature] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ v: 1, uid: owner.id, exp: 4102444800 })).toString('base64url')}.${signature}`;
    await callPlain('confirmAccountDeletionAction', intruder, { token: forged });
    expect(await db.user.count({ where: { id: { in: [owner.id, leaving.id] } } })).toBe(2);
    await callPlain('confirmAccountDeletionAction', intruder, { token });
    expect(await db.user.count({ where: { id: leaving.id } })).toBe(0);
    expect(await db.user.count({ where: { id: { in: [owner.id, intruder.user!.id] } } })).toBe(2);
  });
});
