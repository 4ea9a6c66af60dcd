// A reply's email to the reader (issue 17) against a real SQLite database: it goes after the delay, written from
// the reply as it is then; a reply deleted or removed meanwhile sends nothing; a reply a moderator publishes later
// sends one email; two senders at once send it once; an edit after it went sends no second one.
import { beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/lib/db';
import { viewerSelect, type Viewer } from '@/lib/auth/permissions';
import { useTempDatabase } from '../../support/temp-db';

vi.setConfig({ testTimeout: 30_000 });

let db: Db;
let articleId: string;
let asker: Viewer & { email: string };
let replier: Viewer;
let moderator: Viewer;
const delayMs = 120_000; // REPLY_NOTIFICATION_DELAY_SECONDS' default

beforeAll(async () => {
  db = await useTempDatabase();
  const author = await db.author.create({ data: { email: 'r@ledger.test', name: 'R Writer', slug: 'r-writer' } });
  articleId = (
    await db.article.create({
      data: {
        slug: 'ferry',
        headline: 'Ferry timetable changes',
        body: 'x',
        publishedAt: new Date(),
        authorId: author.id,
      },
    })
  ).id;
  asker = await db.user.create({
    data: { email: 'asker@readers.test', displayName: 'Asker' },
    select: { ...viewerSelect, email: true },
  });
  replier = await db.user.create({
    data: { email: 'replier@readers.test', displayName: 'Replier' },
    select: viewerSelect,
  });
  moderator = await db.user.create({
    data: { email: 'mod@desk.test', displayName: 'Desk', role: 'MODERATOR' },
    select: viewerSelect,
  });
}, 60_000);

/** A question by the asker and a published (or held) reply to it, published through onCommentPublished. */
async function thread(replyBody: string, status: 'PUBLISHED' | 'PENDING' = 'PUBLISHED', createdAt = new Date()) {
  const { onCommentPublished } = await import('@/lib/notifications/events');
  const question = crypto.randomUUID();
  await db.comment.create({
    data: {
      id: question,
      articleId,
      userId: asker.id,
      body: 'When does the first ferry leave?',
      status: 'PUBLISHED',
      threadId: question,
    },
  });
  const reply = crypto.randomUUID();
  await db.comment.create({
    data: {
      id: reply,
      articleId,
      userId: replier.id,
      body: replyBody,
      status,
      parentId: question,
      threadId: question,
      depth: 1,
      createdAt,
      triageKey: status === 'PENDING' ? '0-000000-0000000000000' : '',
    },
  });
  if (status === 'PUBLISHED') await db.$transaction((tx) => onCommentPublished(tx, reply));
  return reply;
}

// Each test reads only the mail it caused.
beforeEach(async () => {
  await db.outboxMessage.deleteMany();
});
const replyMails = () => db.outboxMessage.findMany({ where: { to: asker.email, kind: 'reply' } });

describe('reply emails', () => {
  test('nothing goes before the delay; an edit made meanwhile is what the email carries', async () => {
    const { sendDueReplyNotifications } = await import('@/lib/notifications/reply-notifications');
    const { editComment } = await import('@/lib/comments/manage-comment');
    const reply = await thread('The first ferry leaves at 6:15.');
    expect(await sendDueReplyNotifications(db, new Date())).toBe(0);
    expect(await replyMails()).toEqual([]);

    const edited = await editComment(replier, reply, 'The first ferry leaves at 6:45 from the new pier.');
    expect(edited.ok).toBe(true);
    expect(await sendDueReplyNotifications(db, new Date(Date.now() + delayMs + 1000))).toBe(1);
    const [mail, ...more] = await replyMails();
    expect(more).toEqual([]);
    expect(mail!.subject).toBe('Replier replied to your comment');
    expect(mail!.text).toContain('6:45 from the new pier');
    expect(mail!.text).not.toContain('6:15');
    expect(mail!.text).toContain('The reply may have been edited since');

    // An edit after the email went sends no second one, and a second pass finds nothing due.
    await editComment(replier, reply, 'The first ferry leaves at 6:45 from the new pier (weekdays).');
    expect(await sendDueReplyNotifications(db, new Date(Date.now() + 2 * delayMs))).toBe(0);
    expect(await replyMails()).toHaveLength(1);
  });

  test('a reply deleted, or rejected by a moderator, before the email went sends nothing', async () => {
    const { sendDueReplyNotifications } = await import('@/lib/notifications/reply-notifications');
    const { deleteComment } = await import('@/lib/comments/manage-comment');
    const { decideComment } = await import('@/lib/moderation/decide');
    const deleted = await thread('Ignore the timetable, it is wrong.');
    expect((await deleteComment(replier, deleted)).ok).toBe(true);
    const removed = await thread('Rude remark about the ferry staff.');
    const { version } = await db.comment.findUniqueOrThrow({ where: { id: removed } });
    expect((await decideComment(moderator, removed, version, { kind: 'reject', clause: 'civility' })).ok).toBe(true);

    expect(await sendDueReplyNotifications(db, new Date(Date.now() + delayMs + 1000))).toBe(0);
    expect(await replyMails()).toEqual([]);
    const rows = await db.replyNotification.findMany({ where: { commentId: { in: [deleted, removed] } } });
    expect(rows.map((row) => row.outcome)).toEqual(['cancelled', 'cancelled']);
  });

  test('a reply held for review sends nothing until a moderator publishes it, then one email', async () => {
    const { sendDueReplyNotifications } = await import('@/lib/notifications/reply-notifications');
    const { decideComment } = await import('@/lib/moderation/decide');
    const reply = await thread('Held: the ferry is run by crooks, see example.biz.', 'PENDING');
    expect(await sendDueReplyNotifications(db, new Date(Date.now() + delayMs + 1000))).toBe(0);
    expect(await db.replyNotification.count({ where: { commentId: reply } })).toBe(0);

    const approvedAt = new Date();
    const { version } = await db.comment.findUniqueOrThrow({ where: { id: reply } });
    expect((await decideComment(moderator, reply, version, { kind: 'approve' }, approvedAt)).ok).toBe(true);
    // Two senders at once (two instances sharing the table): one email.
    const later = new Date(Date.now() + delayMs + 1000);
    const [a, b] = await Promise.all([sendDueReplyNotifications(db, later), sendDueReplyNotifications(db, later)]);
    expect(a + b).toBe(1);
    const mails = await replyMails();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('the ferry is run by crooks');
  });

  test('a reply whose edit is held is not sent until a moderator approves it, then once, as approved', async () => {
    const { sendDueReplyNotifications } = await import('@/lib/notifications/reply-notifications');
    const { editComment } = await import('@/lib/comments/manage-comment');
    const { decideComment } = await import('@/lib/moderation/decide');
    const reply = await thread('Ask at the ticket office.');
    const held = await editComment(replier, reply, 'Ring me on 07700 900123 and I will tell you the times.');
    expect(held).toMatchObject({ ok: true, message: expect.stringMatching(/held/) });
    expect(await sendDueReplyNotifications(db, new Date(Date.now() + delayMs + 1000))).toBe(0);
    expect((await db.replyNotification.findFirstOrThrow({ where: { commentId: reply } })).outcome).toBe('cancelled');

    const { version } = await db.comment.findUniqueOrThrow({ where: { id: reply } });
    expect((await decideComment(moderator, reply, version, { kind: 'approve' })).ok).toBe(true);
    expect(await sendDueReplyNotifications(db, new Date(Date.now() + delayMs + 1000))).toBe(1);
    expect(await sendDueReplyNotifications(db, new Date(Date.now() + 2 * delayMs))).toBe(0);
    const mails = await replyMails();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('I will tell you the times');
  });

  test('a reply hidden by reports waits for the decision; a week-old one is no longer sent', async () => {
    const { sendDueReplyNotifications } = await import('@/lib/notifications/reply-notifications');
    const hidden = await thread('Hidden until a moderator looks.');
    await db.comment.update({ where: { id: hidden }, data: { hiddenByReports: true } });
    const due = new Date(Date.now() + delayMs + 1000);
    expect(await sendDueReplyNotifications(db, due)).toBe(0);
    const waiting = await db.replyNotification.findFirstOrThrow({ where: { commentId: hidden } });
    expect(waiting).toMatchObject({ doneAt: null, outcome: null });
    expect(waiting.dueAt.getTime()).toBeGreaterThan(due.getTime());
    await db.comment.update({ where: { id: hidden }, data: { hiddenByReports: false } });
    expect(await sendDueReplyNotifications(db, new Date(due.getTime() + 3_600_000))).toBe(1);

    const old = await thread('Posted long ago.', 'PUBLISHED', new Date(Date.now() - 8 * 86_400_000));
    expect(await sendDueReplyNotifications(db, due)).toBe(0);
    expect((await db.replyNotification.findFirstOrThrow({ where: { commentId: old } })).outcome).toBe('cancelled');
    expect((await replyMails()).map((mail) => mail.text.includes('Hidden until a moderator looks.'))).toEqual([true]);
  });
});

describe('the author’s digest', () => {
  test('waits as long, and carries the comment as edited meanwhile', async () => {
    const { sendDueAuthorDigests } = await import('@/lib/notifications/author-digest');
    const { editComment } = await import('@/lib/comments/manage-comment');
    await db.authorDigestItem.updateMany({ data: { sentAt: new Date(0) } }); // the earlier tests' comments
    const reply = await thread('The 6:15 ferry is always late.');
    expect(await sendDueAuthorDigests(db, new Date())).toBe(0);
    expect((await editComment(replier, reply, 'The 6:15 ferry was late twice this week.')).ok).toBe(true);
    expect(await sendDueAuthorDigests(db, new Date(Date.now() + delayMs + 1000))).toBe(1);
    const digest = await db.outboxMessage.findFirstOrThrow({ where: { kind: 'author-digest' } });
    expect(digest.text).toContain('late twice this week');
    expect(digest.text).not.toContain('always late');
    expect(digest.text).toContain('may have been edited since');
  });
});
