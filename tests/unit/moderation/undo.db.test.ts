// Undo for moderators' decisions (issue 16) against a real SQLite database: an undo within the window puts the
// comment back exactly (status, decision fields, reports, counts), deletes the emails and digest entry the decision
// queued (held until the window's end, so none had gone), reverses the holds an approval released, and records a
// reversal the transparency figures leave out. Refused after the window, by another moderator, and after a later
// change.
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/lib/db';
import { viewerSelect, type Viewer } from '@/lib/auth/permissions';
import { triageKey } from '@/lib/moderation/triage';
import { useTempDatabase } from '../../support/temp-db';

vi.setConfig({ testTimeout: 30_000 });

let db: Db;
let articleId: string;
let counter = 0;

beforeAll(async () => {
  db = await useTempDatabase();
  const author = await db.author.create({
    data: { email: 'writer@ledger.test', name: 'Andrew Blake', slug: 'andrew-blake', notifyOnComments: true },
  });
  articleId = (
    await db.article.create({
      data: { slug: 'story', headline: 'Story', body: 'A paragraph.', publishedAt: new Date(), authorId: author.id },
    })
  ).id;
}, 60_000);

async function account(role: 'READER' | 'MODERATOR' | 'ADMIN' = 'READER'): Promise<Viewer> {
  const n = counter++;
  return db.user.create({
    data: { email: `user${n}@readers.test`, displayName: `User ${n}`, role },
    select: viewerSelect,
  });
}

async function comment(
  userId: string,
  status: 'PUBLISHED' | 'PENDING',
  extra: { parentId?: string; reportCount?: number; hiddenByReports?: boolean } = {},
) {
  const id = crypto.randomUUID();
  const createdAt = new Date(Date.now() - 3_600_000);
  const parent = extra.parentId ? await db.comment.findUniqueOrThrow({ where: { id: extra.parentId } }) : null;
  await db.comment.create({
    data: {
      id,
      threadId: parent?.threadId ?? id,
      parentId: parent?.id,
      depth: parent ? 1 : 0,
      articleId,
      userId,
      body: `Comment ${id}`,
      status,
      reportCount: extra.reportCount ?? 0,
      hiddenByReports: extra.hiddenByReports ?? false,
      triageKey: triageKey({
        status,
        reasonClauses: [],
        reportClauses: [],
        reportCount: extra.reportCount ?? 0,
        createdAt,
      }),
      createdAt,
    },
  });
  return id;
}

const commentCount = async () => (await db.article.findUniqueOrThrow({ where: { id: articleId } })).commentCount;
const decisionFields = (id: string) =>
  db.comment.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      hiddenByReports: true,
      featured: true,
      decidedAt: true,
      decidedById: true,
      rejectClause: true,
      rejectNote: true,
      reportCount: true,
      triageKey: true,
    },
  });

describe('undo within the window', () => {
  test('an approval undone: the comment is held again as it was, and no email or digest entry goes out', async () => {
    const { decideComment } = await import('@/lib/moderation/decide');
    const { undoDecisions } = await import('@/lib/moderation/undo');
    const { deliverDue } = await import('@/lib/mail/sender');
    const { sendDueReplyNotifications } = await import('@/lib/notifications/reply-notifications');
    const [reader, writer, moderator] = [await account(), await account(), await account('MODERATOR')];
    const parent = await comment(reader.id, 'PUBLISHED');
    const reply = await comment(writer.id, 'PENDING', { parentId: parent });
    const before = await decisionFields(reply);
    const count = await commentCount();
    const now = new Date();

    const decided = await decideComment(moderator, reply, 0, { kind: 'approve' }, now, { batchId: 'batch-approve' });
    expect(decided.ok).toBe(true);
    expect(await commentCount()).toBe(count + 1);
    // The statement to the commenter is held for the window; the reply notification to the parent's writer is
    // written when it is due, no sooner than the window's end (lib/notifications/reply-notifications.ts).
    const held = await db.outboxMessage.findMany({ where: { to: { in: [reader.email, writer.email] } } });
    expect(held.map((m) => m.to)).toEqual([writer.email]);
    for (const message of held) expect(message.nextAttemptAt.getTime()).toBe(now.getTime() + 10_000);
    const replyEmail = await db.replyNotification.findFirstOrThrow({ where: { commentId: reply, userId: reader.id } });
    expect(replyEmail.dueAt.getTime()).toBeGreaterThanOrEqual(now.getTime() + 10_000);
    const digest = await db.authorDigestItem.findUniqueOrThrow({ where: { commentId: reply } });
    expect(digest.createdAt.getTime()).toBe(now.getTime() + 10_000);
    const sent: string[] = [];
    const transport = { name: 'test', send: async (m: { to: string }) => void sent.push(m.to) };
    await deliverDue(db, transport, { now: new Date(now.getTime() + 5_000) });
    expect(sent).toEqual([]);

    const undone = await undoDecisions(moderator, 'batch-approve', new Date(now.getTime() + 5_000));
    expect(undone).toMatchObject({ ok: true, commentIds: [reply], articleSlugs: ['story'] });
    expect(await decisionFields(reply)).toEqual(before);
    expect(await commentCount()).toBe(count);
    expect(await db.outboxMessage.count({ where: { to: { in: [reader.email, writer.email] } } })).toBe(0);
    expect(await db.authorDigestItem.count({ where: { commentId: reply } })).toBe(0);
    // When the reply email falls due, the reply is held again: it is cancelled, and nothing reaches anyone.
    await sendDueReplyNotifications(db, new Date(now.getTime() + 3_600_000));
    await deliverDue(db, transport, { now: new Date(now.getTime() + 3_600_000) });
    expect(sent).toEqual([]);
    expect(await db.outboxMessage.count({ where: { to: { in: [reader.email, writer.email] } } })).toBe(0);

    const events = await db.moderationEvent.findMany({ where: { commentId: reply }, orderBy: { createdAt: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['approve', 'decision-undone']);
    expect(events[1]).toMatchObject({
      actorId: moderator.id,
      reversesId: events[0]!.id,
      fromStatus: 'PUBLISHED',
      toStatus: 'PENDING',
    });
    // Once only.
    expect(await undoDecisions(moderator, 'batch-approve', new Date(now.getTime() + 6_000))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/already undone/),
    });
  });

  test('a removal undone: the reports it settled, the report count and the comment count come back', async () => {
    const { decideComment } = await import('@/lib/moderation/decide');
    const { undoDecisions } = await import('@/lib/moderation/undo');
    const [writer, r1, r2, moderator] = [await account(), await account(), await account(), await account('MODERATOR')];
    const id = await comment(writer.id, 'PUBLISHED', { reportCount: 2 });
    for (const reporter of [r1, r2])
      await db.report.create({ data: { commentId: id, userId: reporter.id, clause: 'civility', note: 'rude' } });
    const before = await decisionFields(id);
    const count = await commentCount();

    const removed = await decideComment(
      moderator,
      id,
      0,
      { kind: 'reject', clause: 'civility', note: 'Personal attack.' },
      new Date(),
      { batchId: 'batch-remove' },
    );
    expect(removed.ok).toBe(true);
    expect(await db.report.count({ where: { commentId: id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { to: writer.email, status: 'QUEUED' } })).toBe(1);

    expect((await undoDecisions(moderator, 'batch-remove')).ok).toBe(true);
    expect(await decisionFields(id)).toEqual(before);
    expect(await commentCount()).toBe(count);
    expect((await db.report.findMany({ where: { commentId: id } })).map((r) => r.userId).sort()).toEqual(
      [r1.id, r2.id].sort(),
    );
    expect(await db.outboxMessage.count({ where: { to: writer.email } })).toBe(0);
  });

  test('a bulk rejection is undone as one: every comment comes back', async () => {
    const { decideComment } = await import('@/lib/moderation/decide');
    const { undoDecisions, latestUndoable } = await import('@/lib/moderation/undo');
    const [writer, moderator] = [await account(), await account('MODERATOR')];
    const ids = [await comment(writer.id, 'PENDING'), await comment(writer.id, 'PENDING')];
    for (const id of ids)
      await decideComment(moderator, id, 0, { kind: 'reject', clause: 'spam' }, new Date(), { batchId: 'bulk' });
    expect(await latestUndoable(moderator.id)).toMatchObject({ batchId: 'bulk', label: 'Rejected 2 comments' });

    const undone = await undoDecisions(moderator, 'bulk');
    expect(undone).toMatchObject({ ok: true, message: expect.stringMatching(/^Undone: 2 comments/) });
    for (const id of ids) expect((await decisionFields(id)).status).toBe('PENDING');
    expect(await db.outboxMessage.count({ where: { to: writer.email } })).toBe(0);
    expect(await latestUndoable(moderator.id)).toBeNull();
  });

  test('an approval that released the writer’s other held comments: the undo holds them again', async () => {
    const { decideComment } = await import('@/lib/moderation/decide');
    const { undoDecisions } = await import('@/lib/moderation/undo');
    const { submitComment } = await import('@/lib/comments/submit-comment');
    const [newcomer, moderator] = [await account(), await account('MODERATOR')];
    const submit = (body: string) =>
      submitComment({ viewer: newcomer, articleId, body, idempotencyKey: crypto.randomUUID() });
    const first = await submit('My first thoughts on the library hours.');
    const second = await submit('And a second thought on the opening times.');
    if (!first.ok || !second.ok) throw new Error('refused');
    const heldBefore = await db.comment.findUniqueOrThrow({ where: { id: second.commentId } });
    expect(heldBefore.status).toBe('PENDING');
    const count = await commentCount();

    await decideComment(moderator, first.commentId, 0, { kind: 'approve' }, new Date(), { batchId: 'release' });
    expect((await db.comment.findUniqueOrThrow({ where: { id: second.commentId } })).status).toBe('PUBLISHED');

    expect((await undoDecisions(moderator, 'release')).ok).toBe(true);
    const heldAgain = await db.comment.findUniqueOrThrow({ where: { id: second.commentId } });
    expect(heldAgain).toMatchObject({
      status: 'PENDING',
      reasons: heldBefore.reasons,
      decidedAt: heldBefore.decidedAt,
      triageKey: heldBefore.triageKey,
    });
    expect((await db.comment.findUniqueOrThrow({ where: { id: first.commentId } })).status).toBe('PENDING');
    expect(await commentCount()).toBe(count);
    expect(await db.outboxMessage.count({ where: { to: newcomer.email } })).toBe(0);
    const release = await db.moderationEvent.findFirstOrThrow({
      where: { commentId: second.commentId, action: 'release' },
    });
    expect(
      await db.moderationEvent.count({
        where: { commentId: second.commentId, action: 'decision-undone', reversesId: release.id },
      }),
    ).toBe(1);
  });
});

describe('undo refused', () => {
  test('after the window: nothing changes and the held email goes as planned', async () => {
    const { decideComment } = await import('@/lib/moderation/decide');
    const { undoDecisions } = await import('@/lib/moderation/undo');
    const [writer, moderator] = [await account(), await account('MODERATOR')];
    const id = await comment(writer.id, 'PENDING');
    const at = new Date();
    await decideComment(moderator, id, 0, { kind: 'approve' }, at, { batchId: 'late' });
    const refused = await undoDecisions(moderator, 'late', new Date(at.getTime() + 10_001));
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/^Too late to undo/) });
    expect((await decisionFields(id)).status).toBe('PUBLISHED');
    expect(await db.outboxMessage.count({ where: { to: writer.email, status: 'QUEUED' } })).toBe(1);
    expect(await db.moderationEvent.count({ where: { commentId: id, action: 'decision-undone' } })).toBe(0);
  });

  test('long after: the undo row and its snapshot are gone with the next decision', async () => {
    const { decideComment } = await import('@/lib/moderation/decide');
    const { undoDecisions } = await import('@/lib/moderation/undo');
    const [writer, moderator] = [await account(), await account('MODERATOR')];
    const [old, next] = [await comment(writer.id, 'PENDING'), await comment(writer.id, 'PENDING')];
    const hoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await decideComment(moderator, old, 0, { kind: 'approve' }, hoursAgo, { batchId: 'hours-ago' });
    expect(await db.decisionUndo.count({ where: { batchId: 'hours-ago' } })).toBe(1);
    await decideComment(moderator, next, 0, { kind: 'approve' }, new Date(), { batchId: 'now' });
    expect(await db.decisionUndo.count({ where: { batchId: 'hours-ago' } })).toBe(0);
    expect(await undoDecisions(moderator, 'hours-ago')).toMatchObject({ ok: false, message: /no decision to undo/ });
  });

  test('by another moderator; an admin may', async () => {
    const { decideComment } = await import('@/lib/moderation/decide');
    const { undoDecisions } = await import('@/lib/moderation/undo');
    const [writer, moderator, other, admin] = [
      await account(),
      await account('MODERATOR'),
      await account('MODERATOR'),
      await account('ADMIN'),
    ];
    const id = await comment(writer.id, 'PENDING');
    await decideComment(moderator, id, 0, { kind: 'reject', clause: 'spam' }, new Date(), { batchId: 'theirs' });
    expect(await undoDecisions(other, 'theirs')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Only the moderator who made this decision/),
    });
    expect((await decisionFields(id)).status).toBe('REJECTED');
    expect((await undoDecisions(admin, 'theirs')).ok).toBe(true);
    expect((await decisionFields(id)).status).toBe('PENDING');
  });

  test('after a later change: another moderator’s decision is not overwritten', async () => {
    const { decideComment } = await import('@/lib/moderation/decide');
    const { undoDecisions } = await import('@/lib/moderation/undo');
    const [writer, moderator, other] = [await account(), await account('MODERATOR'), await account('MODERATOR')];
    const id = await comment(writer.id, 'PENDING');
    await decideComment(moderator, id, 0, { kind: 'approve' }, new Date(), { batchId: 'overtaken' });
    expect((await decideComment(other, id, 1, { kind: 'reject', clause: 'civility' })).ok).toBe(true);
    expect(await undoDecisions(moderator, 'overtaken')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/changed since/),
    });
    expect(await decisionFields(id)).toMatchObject({ status: 'REJECTED', decidedById: other.id });
    expect(await db.moderationEvent.count({ where: { commentId: id, action: 'decision-undone' } })).toBe(0);
  });
});

test('an undone decision does not count in the transparency figures or the expected waits', async () => {
  const { decideComment } = await import('@/lib/moderation/decide');
  const { undoDecisions } = await import('@/lib/moderation/undo');
  const { buildTransparencyReport } = await import('@/lib/data/transparency');
  const { loadHeldDecisionSamples } = await import('@/lib/data/wait-times');
  const [writer, moderator] = [await account(), await account('MODERATOR')];
  const id = await comment(writer.id, 'PENDING');
  const figures = async () => {
    const report = await buildTransparencyReport(new Date(), false);
    return {
      approvals: report.moderator.approvals,
      rejections: report.moderator.rejections,
      spam: report.byClause.find((row) => row.clause === 'spam')?.moderatorRejections ?? 0,
      waits: (await loadHeldDecisionSamples(new Date(), false)).length,
    };
  };
  const start = await figures();
  await decideComment(moderator, id, 0, { kind: 'reject', clause: 'spam' }, new Date(), { batchId: 'counted' });
  expect(await figures()).toEqual({
    ...start,
    rejections: start.rejections + 1,
    spam: start.spam + 1,
    waits: start.waits + 1,
  });
  await undoDecisions(moderator, 'counted');
  expect(await figures()).toEqual(start);
  // Decided again for good: it counts once.
  await decideComment(moderator, id, 2, { kind: 'approve' });
  expect(await figures()).toEqual({ ...start, approvals: start.approvals + 1, waits: start.waits + 1 });
});
