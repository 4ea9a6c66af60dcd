// Muting a commenter (issue 17) against a real SQLite database: a reader mutes the writer of a comment, the thread
// marks that writer's comments muted for the muter only (not for another reader, not signed out), the profile lists
// the mute, and unmuting restores the comments.
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/lib/db';
import { viewerSelect } from '@/lib/auth/permissions';
import { useTempDatabase } from '../../support/temp-db';

vi.setConfig({ testTimeout: 30_000 });

let db: Db;
let articleId: string;
let authorId: string;
let counter = 0;

beforeAll(async () => {
  db = await useTempDatabase();
  const author = await db.author.create({ data: { email: 'writer@ledger.test', name: 'Wren Writer', slug: 'wren' } });
  authorId = author.id;
  articleId = (
    await db.article.create({
      data: { slug: 'mutes', headline: 'Mutes', body: 'A paragraph.', publishedAt: new Date(), authorId },
    })
  ).id;
}, 60_000);

async function reader(name: string) {
  return db.user.create({
    data: { email: `${name.toLowerCase()}${counter++}@readers.test`, displayName: `${name} ${counter}` },
    select: viewerSelect,
  });
}

async function comment(userId: string | null, body: string, parentId?: string) {
  const id = crypto.randomUUID();
  return db.comment.create({
    data: {
      id,
      articleId,
      userId,
      authorProfileId: userId ? null : authorId,
      body,
      status: 'PUBLISHED',
      parentId: parentId ?? null,
      threadId: parentId ?? id,
      depth: parentId ? 1 : 0,
    },
  });
}

const viewsOf = async (viewer: Parameters<typeof import('@/lib/data/comments').listThreads>[1]) => {
  const { listThreads } = await import('@/lib/data/comments');
  const { threads } = await listThreads(articleId, viewer, 'oldest', 100);
  return threads.flatMap((thread) => [thread, ...thread.replies]);
};

describe('muting a commenter', () => {
  test('collapses their comments for the muter only, and unmuting restores them', async () => {
    const { muteCommenter, unmuteCommenter } = await import('@/lib/accounts/mutes');
    const { listMutes } = await import('@/lib/data/accounts');
    const muter = await reader('Muter');
    const loud = await reader('Loud');
    const bystander = await reader('Bystander');
    const first = await comment(loud.id, 'Loud says one thing.');
    const second = await comment(loud.id, 'Loud says another.', first.id);
    const calm = await comment(bystander.id, 'Bystander says something calm.');

    const before = await viewsOf(muter);
    expect(before.find((v) => v.id === first.id)).toMatchObject({ muted: false, canMute: true });
    expect(await muteCommenter(muter, first.id)).toMatchObject({ ok: true, articleSlug: 'mutes' });
    // Twice is harmless.
    expect(await muteCommenter(muter, second.id)).toMatchObject({ ok: true });
    expect(await db.mute.count({ where: { muterId: muter.id } })).toBe(1);

    const mine = await viewsOf(muter);
    expect(mine.find((v) => v.id === first.id)).toMatchObject({ muted: true, body: 'Loud says one thing.' });
    expect(mine.find((v) => v.id === second.id)).toMatchObject({ muted: true });
    expect(mine.find((v) => v.id === calm.id)).toMatchObject({ muted: false });
    // Nobody else is affected.
    for (const other of [await viewsOf(bystander), await viewsOf(loud), await viewsOf(null)])
      expect(other.filter((v) => v.muted)).toEqual([]);
    // Signed out, nobody can mute; nor can anyone mute themselves.
    expect((await viewsOf(null)).filter((v) => v.canMute)).toEqual([]);
    expect((await viewsOf(loud)).find((v) => v.id === first.id)).toMatchObject({ canMute: false });

    expect(await listMutes(muter.id)).toEqual([{ userId: loud.id, name: loud.displayName, since: expect.any(Date) }]);
    expect(await listMutes(bystander.id)).toEqual([]);

    expect(await unmuteCommenter(muter, loud.id)).toMatchObject({ ok: true });
    expect((await viewsOf(muter)).filter((v) => v.muted)).toEqual([]);
    expect(await unmuteCommenter(muter, loud.id)).toMatchObject({ ok: false });
  });

  test('refuses oneself, an author’s reply, a deleted comment and an unknown one', async () => {
    const { muteCommenter } = await import('@/lib/accounts/mutes');
    const me = await reader('Self');
    const mine = await comment(me.id, 'My own words.');
    const authorReply = await comment(null, 'The author replies.', mine.id);
    const gone = await comment((await reader('Gone')).id, 'Deleted words.');
    await db.comment.update({ where: { id: gone.id }, data: { status: 'DELETED' } });
    for (const id of [mine.id, authorReply.id, gone.id, 'no-such-comment'])
      expect(await muteCommenter(me, id), id).toMatchObject({ ok: false });
    expect(await db.mute.count({ where: { muterId: me.id } })).toBe(0);
    // An author's reply is not offered for muting either.
    expect((await viewsOf(me)).find((v) => v.id === authorReply.id)).toMatchObject({ canMute: false });
  });

  test('a deleted account takes its mutes, both ways, with it', async () => {
    const { muteCommenter } = await import('@/lib/accounts/mutes');
    const a = await reader('Alpha');
    const b = await reader('Beta');
    await muteCommenter(a, (await comment(b.id, 'Beta speaks.')).id);
    await muteCommenter(b, (await comment(a.id, 'Alpha speaks.')).id);
    await db.user.delete({ where: { id: a.id } });
    expect(await db.mute.count({ where: { OR: [{ muterId: a.id }, { mutedId: a.id }] } })).toBe(0);
  });
});
