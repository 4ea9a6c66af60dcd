// An author reply link answers for one author only: a genuinely signed token whose author id is not the one
// its link row was issued to is refused, and so is a link for an author who did not write the story. Against a
// real, migrated SQLite database, through the same functions the /reply/[commentId]/[token] page and action use.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '@/lib/db';
import { useTempDatabase } from '../../support/temp-db';

let db: Db;
let lib: {
  openReplyLink: typeof import('@/lib/comments/author-reply').openReplyLink;
  postAuthorReply: typeof import('@/lib/comments/author-reply').postAuthorReply;
};
let sign: typeof import('@/lib/email-links/token').signReplyToken;
let secret: string;
const ids = {
  writer: randomUUID(),
  other: randomUUID(),
  article: randomUUID(),
  reader: randomUUID(),
  comment: randomUUID(),
  link: randomUUID(),
  otherLink: randomUUID(),
};
const expiresAt = new Date(Date.now() + 86_400_000);

beforeAll(async () => {
  db = await useTempDatabase();
  const authorReply = await import('@/lib/comments/author-reply');
  lib = { openReplyLink: authorReply.openReplyLink, postAuthorReply: authorReply.postAuthorReply };
  sign = (await import('@/lib/email-links/token')).signReplyToken;
  secret = (await import('@/lib/env')).env().authSecret;
  await db.author.create({
    data: { id: ids.writer, slug: 'writer', name: 'Wendy Writer', email: 'writer@ledger.test' },
  });
  await db.author.create({ data: { id: ids.other, slug: 'other', name: 'Oscar Other', email: 'other@ledger.test' } });
  await db.article.create({
    data: {
      id: ids.article,
      slug: 'bound',
      headline: 'Bound',
      body: 'Text.',
      publishedAt: new Date(),
      authorId: ids.writer,
    },
  });
  await db.user.create({ data: { id: ids.reader, email: 'reader@ledger.test', displayName: 'Reader' } });
  await db.comment.create({
    data: {
      id: ids.comment,
      articleId: ids.article,
      userId: ids.reader,
      threadId: ids.comment,
      body: 'A question for the writer.',
      status: 'PUBLISHED',
    },
  });
  await db.authorReplyLink.create({ data: { id: ids.link, authorId: ids.writer, commentId: ids.comment, expiresAt } });
  await db.authorReplyLink.create({
    data: { id: ids.otherLink, authorId: ids.other, commentId: ids.comment, expiresAt },
  });
}, 60_000);

const token = (linkId: string, authorId: string) =>
  sign({ linkId, authorId, commentId: ids.comment, expiresAt }, secret);
const replies = () => db.comment.count({ where: { parentId: ids.comment } });

describe('author reply links are bound to their author', () => {
  test('the writer’s own token for the writer’s link opens the reply form', async () => {
    expect(await lib.openReplyLink(ids.comment, token(ids.link, ids.writer))).toMatchObject({
      kind: 'ready',
      authorName: 'Wendy Writer',
    });
  });

  test('a validly signed token naming another author on the writer’s link is refused, and posts nothing', async () => {
    const wrongAuthor = token(ids.link, ids.other);
    expect(await lib.openReplyLink(ids.comment, wrongAuthor)).toEqual({ kind: 'invalid' });
    expect(await lib.postAuthorReply(ids.comment, wrongAuthor, 'I am not the writer.')).toMatchObject({
      ok: false,
      state: 'invalid',
    });
    expect(await replies()).toBe(0);
    expect((await db.authorReplyLink.findUnique({ where: { id: ids.link } }))?.usedAt).toBeNull();
  });

  test('a link issued to an author who did not write the story is refused, even with its own token', async () => {
    expect(await lib.openReplyLink(ids.comment, token(ids.otherLink, ids.other))).toEqual({ kind: 'invalid' });
    expect(await lib.postAuthorReply(ids.comment, token(ids.otherLink, ids.other), 'Not my story.')).toMatchObject({
      ok: false,
    });
    expect(await replies()).toBe(0);
  });
});
