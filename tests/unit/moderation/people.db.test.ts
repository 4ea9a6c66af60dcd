// The desk's commenter pages (issue 16) against a real SQLite database: search by part of a name or email in any
// case, one commenter's standing, comments, reports and notes, and who may write a note.
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/lib/db';
import { viewerSelect } from '@/lib/auth/permissions';
import { useTempDatabase } from '../../support/temp-db';

vi.setConfig({ testTimeout: 30_000 });

let db: Db;
let people: typeof import('@/lib/data/people');
let addNote: typeof import('@/lib/moderation/notes').addAccountNote;
let articleId: string;

beforeAll(async () => {
  db = await useTempDatabase();
  people = await import('@/lib/data/people');
  ({ addAccountNote: addNote } = await import('@/lib/moderation/notes'));
  const author = await db.author.create({ data: { email: 'w@ledger.test', name: 'W Riter', slug: 'w-riter' } });
  articleId = (
    await db.article.create({
      data: { slug: 'ferry', headline: 'Ferry fares rise', body: 'x', publishedAt: new Date(), authorId: author.id },
    })
  ).id;
}, 60_000);

const account = (email: string, displayName: string | null, role: 'READER' | 'MODERATOR' | 'ADMIN' = 'READER') =>
  db.user.create({
    data: { email, displayName, role, createdAt: new Date(Date.now() - 40 * 86_400_000) },
    select: viewerSelect,
  });

describe('people', () => {
  test('search finds part of a name or an email in any case, and nothing else', async () => {
    const harriet = await account('harriet.vane@mail.test', 'Harriet Vane');
    await account('peter@mail.test', 'Lord Peter');
    expect((await people.searchPeople('VANE')).map((p) => p.id)).toEqual([harriet.id]);
    expect((await people.searchPeople('harriet.v')).map((p) => p.id)).toEqual([harriet.id]);
    expect(await people.searchPeople('nobody-here')).toEqual([]);
  });

  test('a commenter’s page: counts, trust, reports both ways, decisions and notes with their authors', async () => {
    const reader = await account('bunter@mail.test', 'Bunter');
    const reporter = await account('miss.climpson@mail.test', 'Miss Climpson');
    const moderator = await account('desk@mail.test', 'Desk Editor', 'MODERATOR');
    const comment = (status: 'PUBLISHED' | 'REJECTED', body: string) =>
      db.comment.create({ data: { id: crypto.randomUUID(), articleId, userId: reader.id, body, status } });
    const kept = await comment('PUBLISHED', 'Fares were frozen for a decade.');
    const rejected = await comment('REJECTED', 'Rude words.');
    await db.comment.update({
      where: { id: rejected.id },
      data: { decidedById: moderator.id, rejectClause: 'civility' },
    });
    await db.moderationEvent.create({
      data: {
        commentId: rejected.id,
        actorType: 'moderator',
        actorId: moderator.id,
        action: 'reject',
        clause: 'civility',
      },
    });
    await db.report.create({
      data: { commentId: kept.id, userId: reporter.id, clause: 'on-topic', note: 'Off topic' },
    });
    const theirs = await db.comment.create({
      data: { id: crypto.randomUUID(), articleId, userId: reporter.id, body: 'Another view.', status: 'PUBLISHED' },
    });
    await db.report.create({ data: { commentId: theirs.id, userId: reader.id, clause: 'civility', note: '' } });

    expect(await addNote(moderator, reader.id, 'Warned about tone in the ferry thread.')).toMatchObject({ ok: true });
    const view = (await people.loadPerson(reader.id))!;
    expect(view.counts).toMatchObject({ PUBLISHED: 1, REJECTED: 1 });
    expect(view.accountAgeDays).toBe(40);
    expect(view.trust).toMatchObject({ approvedCount: 1, breaches: [{ clause: 'civility' }] });
    expect(view.reportsReceived).toMatchObject([{ clause: 'on-topic', note: 'Off topic', reporter: 'Miss Climpson' }]);
    expect(view.reportsMade).toMatchObject([{ clause: 'civility', comment: { id: theirs.id } }]);
    const decided = view.comments.find((c) => c.id === rejected.id)!;
    expect(decided.decisions).toMatchObject([{ action: 'reject', clause: 'civility', actorName: 'Desk Editor' }]);
    expect(decided.statement).not.toBeNull();
    expect(view.notes).toMatchObject([{ body: 'Warned about tone in the ferry thread.', author: 'Desk Editor' }]);
    expect(await db.moderationEvent.count({ where: { action: 'user-note', actorId: moderator.id } })).toBe(1);
    expect(await people.loadPerson('no-such-id')).toBeNull();
  });

  test('notes follow the measures’ rule: not on one’s own account, staff accounts by admins only', async () => {
    const moderator = await account('mod2@mail.test', 'Mod Two', 'MODERATOR');
    const colleague = await account('mod3@mail.test', 'Mod Three', 'MODERATOR');
    const admin = await account('admin2@mail.test', 'Admin Two', 'ADMIN');
    expect(await addNote(moderator, moderator.id, 'About myself')).toMatchObject({ ok: false });
    expect(await addNote(admin, admin.id, 'About myself')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/own account/),
    });
    expect(await addNote(moderator, colleague.id, 'About a colleague')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/admin/),
    });
    expect(await addNote(admin, colleague.id, 'Reviewed their decisions with them.')).toMatchObject({ ok: true });
    expect(await db.accountNote.count({ where: { userId: { in: [moderator.id, colleague.id] } } })).toBe(1);
  });
});
