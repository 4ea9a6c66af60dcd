// Who sees a story's shared signed-in list (issue 20, lib/data/shared-thread.ts) and the version it is kept under,
// against a real SQLite database.
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/lib/db';
import { viewerSelect } from '@/lib/auth/permissions';
import { triageKey } from '@/lib/moderation/triage';
import { useTempDatabase } from '../../support/temp-db';

vi.setConfig({ testTimeout: 30_000 });

let db: Db;
let articleId: string;
let otherArticleId: string;
let counter = 0;

beforeAll(async () => {
  db = await useTempDatabase();
  const author = await db.author.create({ data: { email: 'split@ledger.test', name: 'Sol Split', slug: 'sol' } });
  const story = (slug: string) =>
    db.article.create({
      data: { slug, headline: slug, body: 'A paragraph.', publishedAt: new Date(), authorId: author.id },
    });
  articleId = (await story('shared-list')).id;
  otherArticleId = (await story('other-list')).id;
}, 60_000);

async function reader(role: 'READER' | 'MODERATOR' = 'READER', displayName: string | null = `Reader ${counter}`) {
  return db.user.create({
    data: { email: `split${counter++}@readers.test`, displayName, role },
    select: viewerSelect,
  });
}

async function comment(userId: string, onArticle = articleId, status: 'PUBLISHED' | 'PENDING' = 'PUBLISHED') {
  const id = crypto.randomUUID();
  return db.comment.create({
    data: {
      id,
      threadId: id,
      articleId: onArticle,
      userId,
      body: `Comment ${id}`,
      status,
      ...(status === 'PENDING'
        ? {
            triageKey: triageKey({
              status,
              reasonClauses: [],
              reportClauses: [],
              reportCount: 0,
              createdAt: new Date(),
            }),
          }
        : {}),
    },
  });
}

describe('who sees the shared list', () => {
  test('a reader with nothing on the story does; their comment, reaction or mute, staff rights or a block do not', async () => {
    const { seesSharedThread } = await import('@/lib/data/shared-thread');
    const writer = await reader();
    const written = await comment(writer.id);

    const newcomer = await reader();
    expect(await seesSharedThread(articleId, newcomer)).toBe(true);
    // Elsewhere does not count.
    await comment(newcomer.id, otherArticleId);
    expect(await seesSharedThread(articleId, newcomer)).toBe(true);

    const held = await reader();
    await comment(held.id, articleId, 'PENDING');
    expect(await seesSharedThread(articleId, held)).toBe(false);

    const reacted = await reader();
    await db.reaction.create({ data: { commentId: written.id, userId: reacted.id } });
    expect(await seesSharedThread(articleId, reacted)).toBe(false);

    const muter = await reader();
    await db.mute.create({ data: { muterId: muter.id, mutedId: writer.id } });
    expect(await seesSharedThread(articleId, muter)).toBe(false);

    expect(await seesSharedThread(articleId, await reader('MODERATOR'))).toBe(false);
    expect(await seesSharedThread(articleId, await reader('READER', null))).toBe(false);
    const banned = await reader();
    expect(await seesSharedThread(articleId, { ...banned, bannedAt: new Date() })).toBe(false);
  });
});

describe('the version the list is kept under', () => {
  test('changes with a comment added, edited, reacted to, reported or decided, and not with another story', async () => {
    const { sharedListVersion } = await import('@/lib/data/shared-thread');
    const writer = await reader();
    const seen = new Set<string>();
    const next = async () => {
      const version = await sharedListVersion(articleId);
      expect(seen.has(version)).toBe(false);
      seen.add(version);
    };
    await next();
    const added = await comment(writer.id);
    await next();
    await db.comment.update({ where: { id: added.id }, data: { editedAt: new Date(), body: 'edited' } });
    await next();
    await db.comment.update({ where: { id: added.id }, data: { reactionCount: { increment: 1 } } });
    await next();
    await db.comment.update({ where: { id: added.id }, data: { reportCount: { increment: 1 } } });
    await next();
    await db.comment.update({ where: { id: added.id }, data: { decidedAt: new Date(Date.now() + 1000) } });
    await next();
    const before = await sharedListVersion(articleId);
    await comment(writer.id, otherArticleId);
    expect(await sharedListVersion(articleId)).toBe(before);
  });
});
