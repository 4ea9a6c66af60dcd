// What the moderation queue's live channel asks the database (lib/data/live-queue.ts) against a real SQLite file:
// who holds a session (staff only with an unexpired session of a moderator or admin), and what a console shows:
// the counts with its filters and how many items entered its queue since it was rendered (held, re-held by an edit,
// first reported, appealed, decided), with the filters too.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '@/lib/db';
import { useTempDatabase } from '../../support/temp-db';

let db: Db;
let live: typeof import('@/lib/data/live-queue');

beforeAll(async () => {
  db = await useTempDatabase();
  live = await import('@/lib/data/live-queue');
}, 60_000);

const hour = 3_600_000;

describe('sessionHolder', () => {
  test('staff only for a live session of a moderator or admin', async () => {
    const later = new Date(Date.now() + hour);
    const mod = await db.user.create({ data: { email: 'm@live.test', displayName: 'M', role: 'MODERATOR' } });
    const admin = await db.user.create({ data: { email: 'a@live.test', displayName: 'A', role: 'ADMIN' } });
    const reader = await db.user.create({ data: { email: 'r@live.test', displayName: 'R' } });
    await db.session.createMany({
      data: [
        { sessionToken: 'mod-live', userId: mod.id, expires: later },
        { sessionToken: 'mod-expired', userId: mod.id, expires: new Date(Date.now() - 1000) },
        { sessionToken: 'admin-live', userId: admin.id, expires: later },
        { sessionToken: 'reader-live', userId: reader.id, expires: later },
      ],
    });
    expect(await live.sessionHolder(['mod-live'])).toBe('staff');
    expect(await live.sessionHolder(['admin-live'])).toBe('staff');
    expect(await live.sessionHolder(['reader-live'])).toBe('signed-in');
    expect(await live.sessionHolder(['mod-expired'])).toBeNull();
    expect(await live.sessionHolder(['no-such-token'])).toBeNull();
    expect(await live.sessionHolder([])).toBeNull();
  });
});

describe('lookQueue', () => {
  test('counts with the console’s filters, and what entered its queue since the render', async () => {
    const author = await db.author.create({ data: { email: 'w@live.test', name: 'W', slug: 'w-live' } });
    const story = (slug: string) =>
      db.article.create({ data: { slug, headline: slug, body: 'x', publishedAt: new Date(), authorId: author.id } });
    const one = await story('live-one');
    const two = await story('live-two');
    const user = await db.user.create({ data: { email: 'c@live.test', displayName: 'Commenter' } });
    const reporter = await db.user.create({ data: { email: 'rep@live.test', displayName: 'Reporter' } });
    const rendered = Date.now() - hour;
    const before = new Date(rendered - hour);
    const after = new Date(rendered + 60_000);
    const comment = (id: string, articleId: string, status: 'PENDING' | 'PUBLISHED' | 'REJECTED', data = {}) =>
      db.comment.create({ data: { id, articleId, userId: user.id, body: id, status, createdAt: before, ...data } });

    await comment('old-held', one.id, 'PENDING');
    await comment('new-held', one.id, 'PENDING', { createdAt: after });
    await comment('re-held', one.id, 'PENDING', { editedAt: after });
    await comment('elsewhere-held', two.id, 'PENDING', { createdAt: after });
    await comment('old-reported', one.id, 'PUBLISHED', { reportCount: 2 });
    await db.report.create({
      data: { commentId: 'old-reported', userId: reporter.id, clause: 'spam', createdAt: before },
    });
    await comment('new-reported', one.id, 'PUBLISHED', { reportCount: 1 });
    await db.report.create({
      data: { commentId: 'new-reported', userId: reporter.id, clause: 'spam', createdAt: after },
    });
    await comment('appealed', one.id, 'REJECTED', { decidedAt: before, rejectClause: 'spam' });
    await db.appeal.create({ data: { commentId: 'appealed', userId: user.id, statement: 'Please', createdAt: after } });

    const onOne = `article=${one.id}`;
    const pending = await live.lookQueue(`${onOne}&queue=pending`, rendered);
    expect(pending.counts).toMatchObject({ pending: 3, reported: 2, appeals: 1, rejected: 1 });
    expect(pending.fresh).toBe(2);
    expect((await live.lookQueue(`queue=pending`, rendered)).fresh).toBe(3);
    expect((await live.lookQueue(`${onOne}&queue=reported`, rendered)).fresh).toBe(1);
    expect((await live.lookQueue(`${onOne}&queue=appeals`, rendered)).fresh).toBe(1);
    expect((await live.lookQueue(`${onOne}&queue=rejected`, rendered)).fresh).toBe(0);
    // The All search has no queue to count new items in; a console that gave no render time neither.
    expect((await live.lookQueue(`${onOne}&queue=all`, rendered)).fresh).toBeNull();
    expect((await live.lookQueue(`${onOne}&queue=pending`, null)).fresh).toBeNull();
    // Filters that do not parse are dropped, as on the page.
    expect((await live.lookQueue(`article=%00bad&queue=nonsense`, rendered)).counts.pending).toBe(4);
  });
});
