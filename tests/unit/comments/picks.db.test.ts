// Editors' picks (issue 16) against a real SQLite database: a moderator's "Feature" makes a comment a pick the
// story lists and badges, the Picks sort puts threads opened by a pick first, and the writer is emailed once.
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/lib/db';
import { viewerSelect } from '@/lib/auth/permissions';
import { useTempDatabase } from '../../support/temp-db';

vi.setConfig({ testTimeout: 30_000 });

let db: Db;
let articleId: string;

beforeAll(async () => {
  db = await useTempDatabase();
  const author = await db.author.create({ data: { email: 'p@ledger.test', name: 'P Writer', slug: 'p-writer' } });
  articleId = (
    await db.article.create({
      data: { slug: 'pier', headline: 'Pier reopens', body: 'x', publishedAt: new Date(), authorId: author.id },
    })
  ).id;
}, 60_000);

describe('editors’ picks', () => {
  test('featuring a comment makes it a pick: listed, badged, first in the Picks sort, its writer emailed once', async () => {
    const { decideComment } = await import('@/lib/moderation/decide');
    const { listPicks, listThreads } = await import('@/lib/data/comments');
    const writer = await db.user.create({
      data: { email: 'w@readers.test', displayName: 'Wren' },
      select: viewerSelect,
    });
    const moderator = await db.user.create({
      data: { email: 'mod@desk.test', displayName: 'Desk', role: 'MODERATOR' },
      select: viewerSelect,
    });
    const make = async (body: string, minutesAgo: number, parentId?: string) => {
      const id = crypto.randomUUID();
      await db.comment.create({
        data: {
          id,
          articleId,
          userId: writer.id,
          body,
          status: 'PUBLISHED',
          parentId,
          threadId: parentId ?? id,
          depth: parentId ? 1 : 0,
          createdAt: new Date(Date.now() - minutesAgo * 60_000),
        },
      });
      return id;
    };
    const first = await make('The first thread.', 30);
    const second = await make('The second thread, worth reading.', 20);
    const reply = await make('A reply that adds the council minutes.', 10, first);

    for (const id of [second, reply]) {
      const { version } = await db.comment.findUniqueOrThrow({ where: { id } });
      expect((await decideComment(moderator, id, version, { kind: 'feature', featured: true })).ok).toBe(true);
    }

    expect((await listPicks(articleId)).map((p) => [p.id, p.isReply, p.authorName])).toEqual([
      [reply, true, 'Wren'],
      [second, false, 'Wren'],
    ]);
    const oldest = await listThreads(articleId, null, 'oldest', 20);
    expect(oldest.threads.map((t) => t.id)).toEqual([first, second]);
    const picks = await listThreads(articleId, null, 'picks', 20);
    expect(picks.threads.map((t) => t.id)).toEqual([second, first]);
    expect(picks.threads[0]!.picked).toBe(true);
    expect(picks.threads[1]!.picked).toBe(false);
    expect(picks.threads[1]!.replies.map((r) => [r.id, r.picked])).toEqual([[reply, true]]);

    const mails = await db.outboxMessage.findMany({ where: { to: writer.email, kind: 'pick' } });
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toBe('Your comment is an editors’ pick');
    // Featuring an already picked comment again (a second tab) changes nothing and sends nothing.
    const { version } = await db.comment.findUniqueOrThrow({ where: { id: second } });
    await decideComment(moderator, second, version, { kind: 'feature', featured: true });
    expect(await db.outboxMessage.count({ where: { to: writer.email, kind: 'pick' } })).toBe(2);

    // Unpicked or no longer published: not a pick any more.
    const current = await db.comment.findUniqueOrThrow({ where: { id: reply } });
    await decideComment(moderator, reply, current.version, { kind: 'feature', featured: false });
    const rejected = await db.comment.findUniqueOrThrow({ where: { id: second } });
    await decideComment(moderator, second, rejected.version, { kind: 'reject', clause: 'on-topic' });
    expect(await listPicks(articleId)).toEqual([]);
  });
});
