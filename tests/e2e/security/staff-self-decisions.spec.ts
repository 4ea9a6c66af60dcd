// Beyond roles: staff never decide for themselves. A moderator cannot act on a staff account or their own, nor
// decide the appeal of their own decision; no one on staff approves, rejects, features or judges the appeal of
// their own comment (lib/auth/permissions.ts: accountMeasureBlock, canDecideComment, canDecideAppeal).
import { expect, test } from '@playwright/test';
import { testDb } from '../../support/db';
import { createAccount, createArticle } from '../../support/factories';
import { createActor } from '../../support/sessions';
import { callForm } from './scenarios';

test.describe('beyond roles', () => {
  test('moderators cannot act on staff accounts, nor decide the appeal of their own decision', async () => {
    const db = await testDb();
    const moderator = await createActor('moderator');
    const admin = await createAccount('admin', { role: 'ADMIN' });
    const colleague = await createAccount('colleague', { role: 'MODERATOR' });
    for (const target of [admin, colleague])
      await callForm('userMeasureAction', moderator, { userId: target.id, measure: 'ban', clause: 'civility' });
    await callForm('userMeasureAction', moderator, { userId: moderator.user!.id, measure: 'ban', clause: 'civility' });
    expect(
      await db.user.count({
        where: { id: { in: [admin.id, colleague.id, moderator.user!.id] }, bannedAt: { not: null } },
      }),
    ).toBe(0);

    const author = await createAccount('appellant');
    const article = await createArticle('own-decision');
    const comment = await db.comment.create({
      data: {
        articleId: article.id,
        userId: author.id,
        body: 'Rejected by this moderator.',
        status: 'REJECTED',
        rejectClause: 'civility',
        decidedById: moderator.user!.id,
      },
    });
    const appeal = await db.appeal.create({
      data: { commentId: comment.id, userId: author.id, statement: 'Please reconsider.' },
    });
    await callForm('decideAppealAction', moderator, { appealId: appeal.id, outcome: 'reinstate' });
    expect((await db.appeal.findUniqueOrThrow({ where: { id: appeal.id } })).status).toBe('OPEN');
  });

  test('staff decide no appeal of a measure they imposed, nor of one on their own account', async () => {
    const db = await testDb();
    const week = new Date(Date.now() + 7 * 86_400_000);
    async function appealOfSuspension(userId: string, imposedBy: string) {
      await db.user.update({ where: { id: userId }, data: { suspendedUntil: week } });
      const event = await db.moderationEvent.create({
        data: { actorType: 'moderator', actorId: imposedBy, subjectUserId: userId, action: 'user-suspend' },
      });
      return db.appeal.create({
        data: { userId, measureEventId: event.id, measureKind: 'suspend', statement: 'Please reconsider.' },
      });
    }
    const moderator = await createActor('moderator');
    const reader = await createAccount('measured');
    const imposed = await appealOfSuspension(reader.id, moderator.user!.id);
    await callForm('decideMeasureAppealAction', moderator, {
      appealId: imposed.id,
      outcome: 'lift',
      reason: 'Lifting the measure I imposed.',
    });
    expect((await db.appeal.findUniqueOrThrow({ where: { id: imposed.id } })).status).toBe('OPEN');

    const admin = await createActor('admin');
    const otherAdmin = await createAccount('other-admin', { role: 'ADMIN' });
    const own = await appealOfSuspension(admin.user!.id, otherAdmin.id);
    await callForm('decideMeasureAppealAction', admin, {
      appealId: own.id,
      outcome: 'lift',
      reason: 'Lifting my own suspension.',
    });
    expect((await db.appeal.findUniqueOrThrow({ where: { id: own.id } })).status).toBe('OPEN');
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.user!.id } })).suspendedUntil).toEqual(week);

    // A colleague who imposed nothing: the same call lands (so the refusals above are about who is deciding).
    const colleague = await createActor('moderator');
    await callForm('decideMeasureAppealAction', colleague, {
      appealId: imposed.id,
      outcome: 'lift',
      reason: 'A colleague reviewed it.',
    });
    expect((await db.appeal.findUniqueOrThrow({ where: { id: imposed.id } })).status).toBe('LIFTED');
    expect((await db.user.findUniqueOrThrow({ where: { id: reader.id } })).suspendedUntil).toBeNull();
  });

  test('staff cannot decide their own comments: no approving, rejecting or featuring them, no deciding their appeals', async () => {
    const db = await testDb();
    const article = await createArticle('own-comment');
    for (const role of ['moderator', 'admin'] as const) {
      const staff = await createActor(role);
      const colleague = await createAccount('colleague', { role: 'MODERATOR' });
      const held = await db.comment.create({
        data: {
          articleId: article.id,
          userId: staff.user!.id,
          body: `My own held comment (${role}).`,
          status: 'PENDING',
        },
      });
      await callForm('decideAction', staff, { commentId: held.id, version: '0', decision: 'approve' });
      await callForm('bulkDecideAction', staff, { selected: [`${held.id}:0`], decision: 'approve' });
      await callForm('redactAction', staff, {
        commentId: held.id,
        version: '0',
        body: `My own [removed] comment (${role}).`,
        clause: 'privacy',
      });
      expect(await db.comment.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({
        status: 'PENDING',
        originalBody: null,
      });
      const published = await db.comment.create({
        data: {
          articleId: article.id,
          userId: staff.user!.id,
          body: `My own published comment (${role}).`,
          status: 'PUBLISHED',
        },
      });
      await callForm('decideAction', staff, { commentId: published.id, version: '0', decision: 'feature' });
      expect((await db.comment.findUniqueOrThrow({ where: { id: published.id } })).featured).toBe(false);

      // Their own rejected comment, rejected by a colleague and appealed: they cannot decide the appeal either.
      const rejected = await db.comment.create({
        data: {
          articleId: article.id,
          userId: staff.user!.id,
          body: `My own rejected comment (${role}).`,
          status: 'REJECTED',
          rejectClause: 'civility',
          decidedById: colleague.id,
        },
      });
      const appeal = await db.appeal.create({
        data: { commentId: rejected.id, userId: staff.user!.id, statement: 'I should not judge this myself.' },
      });
      await callForm('decideAppealAction', staff, { appealId: appeal.id, outcome: 'reinstate' });
      expect((await db.appeal.findUniqueOrThrow({ where: { id: appeal.id } })).status).toBe('OPEN');
      expect((await db.comment.findUniqueOrThrow({ where: { id: rejected.id } })).status).toBe('REJECTED');
      // Someone else's comment, the same calls: they land (so the refusals above are about ownership).
      const other = await db.comment.create({
        data: {
          articleId: article.id,
          userId: colleague.id,
          body: `A colleague's held comment (${role}).`,
          status: 'PENDING',
        },
      });
      await callForm('decideAction', staff, { commentId: other.id, version: '0', decision: 'approve' });
      expect((await db.comment.findUniqueOrThrow({ where: { id: other.id } })).status).toBe('PUBLISHED');
    }
  });
});
