// Issue 16, "People": a reader appeals a measure on their account (suspension, ban, pre-moderation) once per
// measure; a moderator other than the one who imposed it (and never the account itself) upholds or lifts it with
// reasons the reader is emailed; a measure that ends first closes its appeal as moot; all of it in the audit log.
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/lib/db';
import { canComment, viewerSelect, type Viewer } from '@/lib/auth/permissions';
import { useTempDatabase } from '../../support/temp-db';

vi.setConfig({ testTimeout: 30_000 });

let db: Db;
let counter = 0;
const day = 86_400_000;

beforeAll(async () => {
  db = await useTempDatabase();
}, 60_000);

async function account(role: 'READER' | 'MODERATOR' | 'ADMIN' = 'READER', notifyModeration = true) {
  const n = counter++;
  return db.user.create({
    data: { email: `measured${n}@readers.test`, displayName: `Measured ${n}`, role, notifyModeration },
    select: viewerSelect,
  });
}

const fresh = (viewer: Viewer) => db.user.findUniqueOrThrow({ where: { id: viewer.id }, select: viewerSelect });

async function suspend(moderator: Viewer, reader: Viewer, days = 7, now = new Date()) {
  const { applyUserMeasure } = await import('@/lib/moderation/users');
  const result = await applyUserMeasure(
    moderator,
    reader.id,
    { kind: 'suspend', days },
    'Off topic, thrice.',
    now,
    'on-topic',
  );
  expect(result.ok).toBe(true);
  return fresh(reader);
}

const appealOf = (userId: string) => db.appeal.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: 'desc' } });

describe('filing an appeal of a measure', () => {
  test('a suspended reader appeals once per measure, audited with the account as its subject', async () => {
    const { fileMeasureAppeal } = await import('@/lib/moderation/measure-appeals');
    const [reader, mod] = [await account(), await account('MODERATOR')];
    const suspended = await suspend(mod, reader);

    // Nothing to appeal of a kind not in force.
    expect((await fileMeasureAppeal(suspended, 'ban', 'I was never banned, was I?')).ok).toBe(false);
    const filed = await fileMeasureAppeal(suspended, 'suspend', 'My comments were on the topic of the ferry.');
    expect(filed).toMatchObject({ ok: true });
    const event = await db.moderationEvent.findFirstOrThrow({
      where: { subjectUserId: reader.id, action: 'user-suspend' },
    });
    expect(await appealOf(reader.id)).toMatchObject({
      commentId: null,
      measureEventId: event.id,
      measureKind: 'suspend',
      status: 'OPEN',
      statement: 'My comments were on the topic of the ferry.',
    });
    expect(
      await db.moderationEvent.findFirstOrThrow({ where: { action: 'measure-appeal', subjectUserId: reader.id } }),
    ).toMatchObject({ actorType: 'reader', actorId: reader.id, clause: 'on-topic' });

    const again = await fileMeasureAppeal(suspended, 'suspend', 'Please look again, I insist.');
    expect(again).toMatchObject({ ok: false, message: expect.stringMatching(/already appealed/) });
    expect(await db.appeal.count({ where: { userId: reader.id } })).toBe(1);

    // The queue counts it in the Appeals tab (unfiltered), and the reader's data export lists it.
    const { queueCounts } = await import('@/lib/moderation/queues');
    expect((await queueCounts({})).appeals).toBeGreaterThanOrEqual(1);
    const { personalData } = await import('@/lib/data/personal-data');
    expect((await personalData(reader.id)).appeals).toEqual([
      expect.objectContaining({ commentId: null, measureKind: 'suspend', status: 'OPEN' }),
    ]);
  });

  test('a reader with no measure in force has nothing to appeal', async () => {
    const { fileMeasureAppeal } = await import('@/lib/moderation/measure-appeals');
    const reader = await account();
    expect((await fileMeasureAppeal(reader, 'suspend', 'Pre-emptive appeal, just in case.')).ok).toBe(false);
    expect(await db.appeal.count({ where: { userId: reader.id } })).toBe(0);
  });
});

describe('deciding an appeal of a measure', () => {
  test('only a moderator other than the one who imposed it decides; upholding keeps the measure and emails the reasons', async () => {
    const { fileMeasureAppeal, decideMeasureAppeal } = await import('@/lib/moderation/measure-appeals');
    const [reader, imposer, other] = [await account(), await account('MODERATOR'), await account('MODERATOR')];
    const suspended = await suspend(imposer, reader);
    await fileMeasureAppeal(suspended, 'suspend', 'My comments were on the topic of the ferry.');
    const appeal = await appealOf(reader.id);

    const refused = await decideMeasureAppeal(imposer, appeal.id, 'lift', 'I changed my mind about it.');
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/You imposed this measure/) });
    const asReader = await decideMeasureAppeal(suspended, appeal.id, 'lift', 'Lifting it myself, thanks.');
    expect(asReader.ok).toBe(false);
    expect((await appealOf(reader.id)).status).toBe('OPEN');

    const since = new Date();
    const upheld = await decideMeasureAppeal(other, appeal.id, 'uphold', 'Three comments were about the weather.');
    expect(upheld).toMatchObject({ ok: true });
    expect(await appealOf(reader.id)).toMatchObject({
      status: 'UPHELD',
      decidedById: other.id,
      decisionNote: 'Three comments were about the weather.',
    });
    expect((await fresh(reader)).suspendedUntil).toEqual(suspended.suspendedUntil);
    expect(
      await db.moderationEvent.findFirstOrThrow({
        where: { action: 'measure-appeal-uphold', subjectUserId: reader.id },
      }),
    ).toMatchObject({ actorId: other.id, note: 'Three comments were about the weather.', clause: 'on-topic' });
    const mail = await db.outboxMessage.findFirstOrThrow({
      where: { to: reader.email, kind: 'measure-appeal', createdAt: { gte: since } },
    });
    expect(mail.subject).toMatch(/suspension stays/);
    expect(mail.text).toContain('Three comments were about the weather.');

    // Decided once.
    expect((await decideMeasureAppeal(other, appeal.id, 'lift', 'Second thoughts on this.')).ok).toBe(false);
  });

  test('a staff account’s appeal is never decided by that account, even by an admin who did not impose it', async () => {
    const { fileMeasureAppeal, decideMeasureAppeal } = await import('@/lib/moderation/measure-appeals');
    const [staffer, admin, admin2] = [await account('MODERATOR'), await account('ADMIN'), await account('ADMIN')];
    const suspended = await suspend(admin, staffer);
    await fileMeasureAppeal(suspended, 'suspend', 'A colleague misread my comment.');
    const appeal = await appealOf(staffer.id);
    const self = await decideMeasureAppeal(suspended, appeal.id, 'lift', 'Lifting my own suspension.');
    expect(self).toMatchObject({ ok: false, message: expect.stringMatching(/your own account/) });
    expect((await fresh(staffer)).suspendedUntil).not.toBeNull();
    // A moderator may not act on a staff account either; another admin may.
    const moderator = await account('MODERATOR');
    expect((await decideMeasureAppeal(moderator, appeal.id, 'lift', 'Lifting a colleague’s.')).ok).toBe(false);
    expect((await decideMeasureAppeal(admin2, appeal.id, 'lift', 'The comment was misread.')).ok).toBe(true);
  });

  test('lifting ends the measure now: the reader may comment again and is emailed the reasons', async () => {
    const { fileMeasureAppeal, decideMeasureAppeal } = await import('@/lib/moderation/measure-appeals');
    const [reader, imposer, other] = [await account(), await account('MODERATOR'), await account('MODERATOR')];
    const suspended = await suspend(imposer, reader);
    expect(canComment(suspended, new Date())).toBe(false);
    await fileMeasureAppeal(suspended, 'suspend', 'My comments were on the topic of the ferry.');
    const appeal = await appealOf(reader.id);
    const lifted = await decideMeasureAppeal(other, appeal.id, 'lift', 'The ferry is the topic: lifted.');
    expect(lifted).toMatchObject({ ok: true });
    const after = await fresh(reader);
    expect(after.suspendedUntil).toBeNull();
    expect(canComment(after, new Date())).toBe(true);
    expect((await appealOf(reader.id)).status).toBe('LIFTED');
    expect(
      await db.moderationEvent.findFirstOrThrow({ where: { action: 'measure-appeal-lift', subjectUserId: reader.id } }),
    ).toMatchObject({ actorId: other.id, toStatus: 'not suspended' });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: reader.email, kind: 'measure-appeal' } });
    expect(mail.subject).toMatch(/suspension is lifted/);
    expect(mail.text).toContain('The ferry is the topic: lifted.');
    // The commenter page lists the appeal and its outcome for the desk.
    const { loadPerson } = await import('@/lib/data/people');
    expect((await loadPerson(reader.id))!.measureAppeals).toEqual([
      expect.objectContaining({
        measureKind: 'suspend',
        status: 'LIFTED',
        decisionNote: 'The ferry is the topic: lifted.',
      }),
    ]);
  });

  test('a ban and pre-moderation are appealed and lifted the same way; a reader who turned off moderation emails gets none', async () => {
    const { applyUserMeasure } = await import('@/lib/moderation/users');
    const { fileMeasureAppeal, decideMeasureAppeal } = await import('@/lib/moderation/measure-appeals');
    const [reader, imposer, other] = [
      await account('READER', false),
      await account('MODERATOR'),
      await account('MODERATOR'),
    ];
    await applyUserMeasure(imposer, reader.id, { kind: 'ban' }, 'Spam.', new Date(), 'spam');
    await applyUserMeasure(imposer, reader.id, { kind: 'premoderate', on: true }, 'Spam.', new Date(), 'spam');
    const measured = await fresh(reader);
    expect((await fileMeasureAppeal(measured, 'ban', 'It was not spam, it was a recipe.')).ok).toBe(true);
    expect((await fileMeasureAppeal(measured, 'premoderate', 'It was not spam, it was a recipe.')).ok).toBe(true);
    const appeals = await db.appeal.findMany({ where: { userId: reader.id }, orderBy: { createdAt: 'asc' } });
    expect(appeals.map((a) => a.measureKind)).toEqual(['ban', 'premoderate']);
    for (const appeal of appeals)
      expect((await decideMeasureAppeal(other, appeal.id, 'lift', 'A recipe is not spam.')).ok).toBe(true);
    expect(await fresh(reader)).toMatchObject({ bannedAt: null, premoderated: false });
    expect(await db.outboxMessage.count({ where: { to: reader.email, kind: 'measure-appeal' } })).toBe(0);
  });
});

describe('an appeal whose measure ends first is moot', () => {
  test('a suspension that expires closes its open appeal as moot, and it can no longer be decided', async () => {
    const { fileMeasureAppeal, decideMeasureAppeal, settleExpiredMeasureAppeals } =
      await import('@/lib/moderation/measure-appeals');
    const [reader, imposer, other] = [await account(), await account('MODERATOR'), await account('MODERATOR')];
    const suspended = await suspend(imposer, reader, 1);
    await fileMeasureAppeal(suspended, 'suspend', 'One day is too long for this.');
    const appeal = await appealOf(reader.id);

    await settleExpiredMeasureAppeals(new Date(), reader.id);
    expect((await appealOf(reader.id)).status).toBe('OPEN'); // still in force
    const later = new Date(Date.now() + 2 * day);
    await settleExpiredMeasureAppeals(later, reader.id);
    expect((await appealOf(reader.id)).status).toBe('MOOT');
    expect(
      await db.moderationEvent.findFirstOrThrow({ where: { action: 'measure-appeal-moot', subjectUserId: reader.id } }),
    ).toMatchObject({ actorType: 'system', toStatus: 'not suspended' });
    expect((await decideMeasureAppeal(other, appeal.id, 'lift', 'Too late for this one.', later)).ok).toBe(false);
  });

  test('staff lifting the measure closes the appeal as moot; a new measure can be appealed again', async () => {
    const { applyUserMeasure } = await import('@/lib/moderation/users');
    const { fileMeasureAppeal } = await import('@/lib/moderation/measure-appeals');
    const [reader, imposer] = [await account(), await account('MODERATOR')];
    await applyUserMeasure(imposer, reader.id, { kind: 'ban' }, 'Spam.', new Date(), 'spam');
    await fileMeasureAppeal(await fresh(reader), 'ban', 'It was not spam, it was a recipe.');
    await applyUserMeasure(imposer, reader.id, { kind: 'unban' }, null, new Date());
    expect((await appealOf(reader.id)).status).toBe('MOOT');

    await applyUserMeasure(imposer, reader.id, { kind: 'ban' }, 'Spam again.', new Date(Date.now() + 1000), 'spam');
    const second = await fileMeasureAppeal(await fresh(reader), 'ban', 'This one was a recipe too.');
    expect(second.ok).toBe(true);
    expect(await db.appeal.count({ where: { userId: reader.id } })).toBe(2);
  });
});

test('the transparency report counts appeals of measures apart from appeals of comments', async () => {
  const { buildTransparencyReport } = await import('@/lib/data/transparency');
  const report = await buildTransparencyReport(new Date(), false);
  const counts = await db.appeal.groupBy({
    by: ['status'],
    where: { measureEventId: { not: null } },
    _count: { _all: true },
  });
  const count = (status: string) => counts.find((row) => row.status === status)?._count._all ?? 0;
  expect(count('LIFTED') + count('UPHELD') + count('MOOT')).toBeGreaterThan(0);
  expect(report.measureAppeals).toEqual({
    open: count('OPEN'),
    upheld: count('UPHELD'),
    lifted: count('LIFTED'),
    moot: count('MOOT'),
  });
  // No appeal of a comment was filed in this file: the comments' figures stay at nothing.
  expect(report.appeals).toEqual({ open: 0, upheld: 0, reinstated: 0 });
});
