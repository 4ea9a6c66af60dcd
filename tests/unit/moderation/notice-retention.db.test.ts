// Issue 17: a notice's reporter details (name, email, explanation) are erased twelve months after its decision, or
// after receipt if it was never decided, by the mail sender's periodic job, in batches, with an audit entry that
// names no one; the outcome, law, clause, reasons and dates stay for the transparency report.
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/lib/db';
import { openStoryDatabase, type StoryDatabase } from '../../support/story-db';

vi.setConfig({ testTimeout: 30_000 });

let db: Db;
let articleId: string;
let account: StoryDatabase['account'];
let counter = 0;
const now = new Date('2027-06-15T12:00:00Z');
const monthsAgo = (months: number, days = 0) => {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - months);
  date.setUTCDate(date.getUTCDate() - days);
  return date;
};

beforeAll(async () => {
  ({ db, articleId, account } = await openStoryDatabase());
}, 60_000);

async function notice(receivedAt: Date, decidedAt: Date | null) {
  const n = counter++;
  return db.legalNotice.create({
    data: {
      reference: `N-TEST${String(n).padStart(4, '0')}`,
      articleId,
      category: 'defamation',
      law: 'Defamation Act 2013',
      explanation: `I am Reporter ${n} and the story defames me personally.`,
      reporterName: `Reporter ${n}`,
      reporterEmail: `reporter${n}@example.org`,
      status: decidedAt ? 'NO_ACTION' : 'OPEN',
      decisionClause: decidedAt ? 'civility' : null,
      decisionReason: decidedAt ? 'Fair comment on a public figure.' : null,
      decidedAt,
      createdAt: receivedAt,
    },
  });
}

describe('erasing notice reporters after twelve months', () => {
  test('decided over a year ago, or received over a year ago and never decided: erased; the record stays', async () => {
    const { eraseExpiredNoticeReporters } = await import('@/lib/notices/retention');
    const decidedLongAgo = await notice(monthsAgo(14), monthsAgo(12, 1));
    const decidedRecently = await notice(monthsAgo(24), monthsAgo(11)); // received long ago, decided this year
    const openLongAgo = await notice(monthsAgo(12, 1), null);
    const openRecently = await notice(monthsAgo(11), null);

    expect(await eraseExpiredNoticeReporters(db, now)).toBe(2);
    const after = async (id: string) => db.legalNotice.findUniqueOrThrow({ where: { id } });
    for (const gone of [decidedLongAgo, openLongAgo]) {
      const row = await after(gone.id);
      expect(row).toMatchObject({ reporterName: '', reporterEmail: '', explanation: '' });
      // What the transparency report and the record need is untouched.
      expect(row).toMatchObject({
        reference: gone.reference,
        articleId,
        category: 'defamation',
        law: 'Defamation Act 2013',
        status: gone.status,
        decisionClause: gone.decisionClause,
        decisionReason: gone.decisionReason,
        decidedAt: gone.decidedAt,
        createdAt: gone.createdAt,
      });
    }
    for (const kept of [decidedRecently, openRecently]) expect(await after(kept.id)).toEqual(kept);

    // One audit entry for the run: the references, no name, address or explanation.
    const audits = await db.moderationEvent.findMany({ where: { action: 'notice-reporters-erased' } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorType: 'system', commentId: null, actorId: null, subjectUserId: null });
    expect(audits[0]!.note).toContain(decidedLongAgo.reference);
    expect(audits[0]!.note).toContain(openLongAgo.reference);
    for (const personal of [decidedLongAgo, openLongAgo].flatMap((n) => [
      n.reporterName,
      n.reporterEmail,
      n.explanation,
    ]))
      expect(audits[0]!.note).not.toContain(personal);

    // Nothing left to erase: no work, no entry.
    expect(await eraseExpiredNoticeReporters(db, now)).toBe(0);
    expect(await db.moderationEvent.count({ where: { action: 'notice-reporters-erased' } })).toBe(1);

    // A notice decided after its details were erased sends no decision email (there is no one to send it to).
    const { decideNotice } = await import('@/lib/notices/notices');
    const moderator = await account('MODERATOR');
    const outbox = await db.outboxMessage.count();
    expect(
      (await decideNotice(moderator, openLongAgo.id, { outcome: 'no-action', reason: 'Too old to act on now.' })).ok,
    ).toBe(true);
    expect(await db.outboxMessage.count()).toBe(outbox);
  });

  test('in batches, each with its entry; two instances at once erase each notice once', async () => {
    const { eraseExpiredNoticeReporters } = await import('@/lib/notices/retention');
    await db.moderationEvent.deleteMany({ where: { action: 'notice-reporters-erased' } });
    for (let k = 0; k < 5; k++) await notice(monthsAgo(20), monthsAgo(13));
    expect(await eraseExpiredNoticeReporters(db, now, { batchSize: 2 })).toBe(5);
    expect(await db.moderationEvent.count({ where: { action: 'notice-reporters-erased' } })).toBe(3);

    for (let k = 0; k < 6; k++) await notice(monthsAgo(20), monthsAgo(13));
    const [a, b] = await Promise.all([
      eraseExpiredNoticeReporters(db, now, { batchSize: 4 }),
      eraseExpiredNoticeReporters(db, now, { batchSize: 4 }),
    ]);
    expect(a + b).toBe(6);
    expect(
      await db.legalNotice.count({ where: { reporterEmail: { not: '' }, decidedAt: { lte: monthsAgo(12) } } }),
    ).toBe(0);
  });

  test('the mail sender runs it at most once an interval', async () => {
    const { hourlyNoticeErasure } = await import('@/lib/notices/retention');
    const job = hourlyNoticeErasure(db, 3_600_000);
    await notice(new Date(Date.now() - 800 * 86_400_000), new Date(Date.now() - 400 * 86_400_000));
    expect(await job()).toBe(1);
    await notice(new Date(Date.now() - 800 * 86_400_000), new Date(Date.now() - 400 * 86_400_000));
    expect(await job()).toBe(0); // within the hour: not run
    expect(await db.legalNotice.count({ where: { reporterEmail: { not: '' } } })).toBeGreaterThan(0);
  });
});
