// Issue 20: a post hands the emails what it already read instead of reading it again inside its transaction.
// These pin what those emails are (who is told, with which text and story), against a real SQLite database.
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/lib/db';
import { viewerSelect, type Viewer } from '@/lib/auth/permissions';
import { useTempDatabase } from '../../support/temp-db';

vi.setConfig({ testTimeout: 30_000 });

let db: Db;
let submitComment: typeof import('@/lib/comments/submit-comment').submitComment;
let sendDue: typeof import('@/lib/notifications/reply-notifications').sendDueReplyNotifications;
let authorId: string;
let counter = 0;

beforeAll(async () => {
  db = await useTempDatabase();
  ({ submitComment } = await import('@/lib/comments/submit-comment'));
  ({ sendDueReplyNotifications: sendDue } = await import('@/lib/notifications/reply-notifications'));
  authorId = (
    await db.author.create({
      data: { email: 'desk@ledger.test', name: 'Desk', slug: 'desk', notifyOnComments: true },
    })
  ).id;
}, 60_000);

async function story(notifyAuthor = true) {
  const n = counter++;
  const author = notifyAuthor
    ? authorId
    : (await db.author.create({ data: { email: `quiet${n}@ledger.test`, name: `Quiet ${n}`, slug: `quiet-${n}` } })).id;
  if (!notifyAuthor) await db.author.update({ where: { id: author }, data: { notifyOnComments: false } });
  return db.article.create({
    data: {
      slug: `story-${n}`,
      headline: `Story ${n}`,
      body: 'A paragraph.',
      publishedAt: new Date(),
      authorId: author,
    },
  });
}

/** A year-old account with published comments elsewhere (not held as a newcomer). */
async function reader(prefs: { notifyReplies?: boolean } = {}): Promise<Viewer> {
  const n = counter++;
  const article = await story(false);
  const viewer = await db.user.create({
    data: {
      email: `reader${n}@readers.test`,
      displayName: `Reader ${n}`,
      role: 'READER',
      createdAt: new Date(Date.now() - 365 * 86_400_000),
      ...prefs,
    },
    select: viewerSelect,
  });
  for (let k = 0; k < 5; k++) {
    const id = crypto.randomUUID();
    await db.comment.create({
      data: {
        id,
        threadId: id,
        articleId: article.id,
        userId: viewer.id,
        body: `Earlier comment ${n}-${k}`,
        status: 'PUBLISHED',
        reasons: '[]',
        createdAt: new Date(Date.now() - 40 * 86_400_000),
      },
    });
  }
  return viewer;
}

async function post(viewer: Viewer, articleId: string, body: string, parentId?: string) {
  const result = await submitComment({ viewer, articleId, parentId, body, idempotencyKey: crypto.randomUUID() });
  expect(result).toMatchObject({ ok: true, status: 'PUBLISHED' });
  return (result as { commentId: string }).commentId;
}

/** The emails queued for `to` once every reply email due within the next hour has gone. */
async function mailTo(to: string) {
  await sendDue(db, new Date(Date.now() + 3_600_000));
  return db.outboxMessage.findMany({ where: { to }, select: { subject: true, text: true } });
}

describe('the emails a post causes', () => {
  test('a reply tells the parent’s writer who replied, on which story, with the reply’s text', async () => {
    const [first, second] = [await reader(), await reader()];
    const article = await story();
    const parentId = await post(first, article.id, 'The council should publish the survey first.');
    await post(second, article.id, 'Agreed, and the minutes of the planning meeting too.', parentId);

    const mail = await mailTo(first.email);
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe(`${second.displayName} replied to your comment`);
    expect(mail[0].text).toContain(`“${article.headline}”`);
    expect(mail[0].text).toContain('Agreed, and the minutes of the planning meeting too.');
    expect(mail[0].text).toContain(`/articles/${article.slug}`);
  });

  test('no email for a reply to oneself, nor to a reader who turned reply emails off', async () => {
    const quiet = await reader({ notifyReplies: false });
    const talker = await reader();
    const article = await story();
    const quietComment = await post(quiet, article.id, 'Turnout was higher than in the last election.');
    await post(talker, article.id, 'It was, by four points in the ward.', quietComment);
    const own = await post(talker, article.id, 'Does anyone have the figures for the county?');
    await post(talker, article.id, 'Found them: the county published them on Friday.', own);

    expect(await mailTo(quiet.email)).toHaveLength(0);
    expect(await mailTo(talker.email)).toHaveLength(0);
  });

  test('the story’s author gets a digest item for each published comment only when they asked for it', async () => {
    const writer = await reader();
    const told = await story(true);
    const quiet = await story(false);
    const toldComment = await post(writer, told.id, 'A clear account of the planning row.');
    await post(writer, quiet.id, 'Thanks for following this up.');

    const items = await db.authorDigestItem.findMany({ where: { articleId: { in: [told.id, quiet.id] } } });
    expect(items).toEqual([expect.objectContaining({ articleId: told.id, commentId: toldComment, authorId })]);
  });
});
