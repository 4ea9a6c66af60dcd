// Issue 17: notices of illegal content against a real SQLite database — filed with a receipt and an audit entry,
// limited per reporter email, decided once, removal through the ordinary rejection (the writer's statement and
// appeal follow), and counted for the transparency report.
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/lib/db';
import type { NoticeInput } from '@/lib/validation/notice';
import { openStoryDatabase, type StoryDatabase } from '../../support/story-db';

vi.setConfig({ testTimeout: 30_000 });
// Read once by lib/env: two notices per reporter email an hour in this file.
process.env.NOTICES_PER_EMAIL = '2';

let db: Db;
let articleId: string;
let account: StoryDatabase['account'];
let comment: StoryDatabase['comment'];
let counter = 0;

beforeAll(async () => {
  ({ db, articleId, account, comment } = await openStoryDatabase());
}, 60_000);

const notice = (commentId: string, email = `reporter${counter++}@example.org`): NoticeInput => ({
  commentId,
  articleSlug: undefined,
  category: 'defamation',
  law: 'Defamation Act 2013',
  explanation: 'It accuses a named person of a crime they did not commit.',
  name: 'Rita Reporter',
  email,
  goodFaith: 'on',
});

describe('filing a notice', () => {
  test('a published comment: one row, a receipt with the reference, an audit entry; a held comment cannot be noticed', async () => {
    const { submitNotice } = await import('@/lib/notices/notices');
    const writer = await account();
    const id = await comment(writer.id);
    const result = await submitNotice(notice(id, 'rita@example.org'), '203.0.113.7');
    expect(result.ok).toBe(true);
    const reference = result.ok ? result.reference : '';
    expect(reference).toMatch(/^N-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(await db.legalNotice.findUniqueOrThrow({ where: { reference } })).toMatchObject({
      commentId: id,
      articleId,
      status: 'OPEN',
      reporterEmail: 'rita@example.org',
    });
    const receipt = await db.outboxMessage.findFirstOrThrow({
      where: { to: 'rita@example.org', kind: 'notice-receipt' },
    });
    expect(receipt.subject).toBe(`We received your notice ${reference}`);
    expect(await db.moderationEvent.count({ where: { commentId: id, action: 'notice-received' } })).toBe(1);

    const held = await comment(writer.id, 'PENDING');
    const refused = await submitNotice(notice(held), '203.0.113.7');
    expect(refused).toMatchObject({ ok: false, reason: 'not-found' });
    expect(await db.legalNotice.count({ where: { commentId: held } })).toBe(0);
  });

  test('is limited per reporter email', async () => {
    const { submitNotice } = await import('@/lib/notices/notices');
    const id = await comment((await account()).id);
    const email = 'busy@example.org';
    expect((await submitNotice(notice(id, email), '203.0.113.8')).ok).toBe(true);
    expect((await submitNotice(notice(id, email), '203.0.113.9')).ok).toBe(true);
    const third = await submitNotice(notice(id, email), '203.0.113.10');
    expect(third).toMatchObject({ ok: false, reason: 'limited', message: expect.stringMatching(/Too many notices/) });
    expect(await db.legalNotice.count({ where: { reporterEmail: email } })).toBe(2);
  });
});

describe('deciding a notice', () => {
  test('removal rejects the comment through the ordinary path, tells both, and is decided only once', async () => {
    const { submitNotice, decideNotice } = await import('@/lib/notices/notices');
    const writer = await account();
    const moderator = await account('MODERATOR');
    const id = await comment(writer.id);
    const filed = await submitNotice(notice(id, 'ann@example.org'), '198.51.100.1');
    const row = await db.legalNotice.findUniqueOrThrow({ where: { reference: filed.ok ? filed.reference : '' } });

    const decided = await decideNotice(moderator, row.id, {
      outcome: 'removed',
      clause: 'civility',
      reason: 'An unproven allegation of a crime against a named person.',
    });
    expect(decided).toMatchObject({ ok: true, articleSlug: 'story' });
    const removed = await db.comment.findUniqueOrThrow({ where: { id } });
    expect(removed).toMatchObject({ status: 'REJECTED', rejectClause: 'civility', decidedById: moderator.id });
    expect(removed.rejectNote).toContain(row.reference);
    expect(await db.legalNotice.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: 'REMOVED',
      decisionClause: 'civility',
      decidedById: moderator.id,
    });
    const toReporter = await db.outboxMessage.findFirstOrThrow({
      where: { to: 'ann@example.org', kind: 'notice-decision' },
    });
    expect(toReporter.subject).toBe(`Decision on your notice ${row.reference}: content removed`);
    expect(toReporter.text).toContain('Reasons: An unproven allegation');
    const toWriter = await db.outboxMessage.findFirstOrThrow({ where: { to: writer.email, kind: 'decision' } });
    expect(toWriter.text).toContain(row.reference);
    const actions = (
      await db.moderationEvent.findMany({ where: { commentId: id }, orderBy: { createdAt: 'asc' } })
    ).map((event) => event.action);
    expect(actions).toEqual(['notice-received', 'reject', 'notice-removed']);

    const again = await decideNotice(await account('MODERATOR'), row.id, {
      outcome: 'no-action',
      reason: 'Second look.',
    });
    expect(again).toMatchObject({ ok: false, message: expect.stringMatching(/already decided/) });
  });

  test('a moderator cannot decide a notice about their own comment, and a refused removal leaves the notice open', async () => {
    const { submitNotice, decideNotice } = await import('@/lib/notices/notices');
    const { decideComment } = await import('@/lib/moderation/decide');
    const { fileAppeal } = await import('@/lib/moderation/appeals');
    const moderator = await account('MODERATOR');
    const own = await comment(moderator.id);
    const filed = await submitNotice(notice(own), '198.51.100.2');
    const ownNotice = await db.legalNotice.findUniqueOrThrow({ where: { reference: filed.ok ? filed.reference : '' } });
    const self = await decideNotice(moderator, ownNotice.id, { outcome: 'no-action', reason: 'Nothing wrong here.' });
    expect(self).toMatchObject({ ok: false, message: expect.stringMatching(/your own comment/) });
    expect((await db.legalNotice.findUniqueOrThrow({ where: { id: ownNotice.id } })).status).toBe('OPEN');

    // The comment is rejected and appealed after the notice: removal must wait for the appeal, and nothing changes.
    const writer = await account();
    const id = await comment(writer.id);
    const second = await submitNotice(notice(id), '198.51.100.3');
    const row = await db.legalNotice.findUniqueOrThrow({ where: { reference: second.ok ? second.reference : '' } });
    await db.comment.update({ where: { id }, data: { status: 'PENDING' } });
    expect((await decideComment(moderator, id, 0, { kind: 'reject', clause: 'spam' })).ok).toBe(true);
    expect((await fileAppeal(writer, id, 'Please look again.')).ok).toBe(true);
    await db.comment.update({ where: { id }, data: { status: 'PUBLISHED' } });
    const refused = await decideNotice(await account('MODERATOR'), row.id, {
      outcome: 'removed',
      clause: 'civility',
      reason: 'Defamatory allegation.',
    });
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/appealed/) });
    expect(await db.legalNotice.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: 'OPEN',
      decidedById: null,
      decisionReason: null,
    });
  });

  test('the transparency figures count notices received and decided, by outcome, with the median time', async () => {
    const { noticeFigures } = await import('@/lib/data/notices');
    const since = new Date(Date.now() - 86_400_000);
    const figures = await noticeFigures(since);
    const rows = await db.legalNotice.findMany();
    expect(figures.received).toBe(rows.length);
    expect(figures.removed).toBe(rows.filter((r) => r.status === 'REMOVED').length);
    expect(figures.noAction).toBe(rows.filter((r) => r.status === 'NO_ACTION').length);
    expect(figures.open).toBe(rows.filter((r) => r.status === 'OPEN').length);
    expect(figures.decided).toBe(figures.removed + figures.noAction);
    expect(figures.removed).toBe(1);
    expect(figures.medianDecisionMs).toBeGreaterThanOrEqual(0);
  });
});
