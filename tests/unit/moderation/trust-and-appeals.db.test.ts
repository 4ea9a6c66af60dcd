// Issue 13 (points 1, 3, 5, 6) against a real SQLite database: appeals lock the comment, new-account holds
// say what is true and end with an approval, refusals name their clause, and trust counts conduct only.
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/lib/db';
import type { Viewer } from '@/lib/auth/permissions';
import { openStoryDatabase, type StoryDatabase } from '../../support/story-db';

// Several real transactions per test: generous on a shared two-core machine.
vi.setConfig({ testTimeout: 30_000 });

let db: Db;
let articleId: string;
let account: StoryDatabase['account'];
let comment: StoryDatabase['comment'];

beforeAll(async () => {
  ({ db, articleId, account, comment } = await openStoryDatabase());
}, 60_000);

async function submit(viewer: Viewer, body: string, now = new Date()) {
  const { submitComment } = await import('@/lib/comments/submit-comment');
  return submitComment({ viewer, articleId, body, idempotencyKey: crypto.randomUUID() }, now);
}

describe('appeals cannot be bypassed (point 1)', () => {
  test('a console tab opened before the appeal cannot reinstate; only another moderator’s appeal decision can, and it closes the appeal', async () => {
    const { decideComment } = await import('@/lib/moderation/decide');
    const { decideAppeal, fileAppeal } = await import('@/lib/moderation/appeals');
    const { queueCounts } = await import('@/lib/moderation/queues');
    const writer = await account();
    const [modA, modB] = [await account('MODERATOR'), await account('MODERATOR')];
    const id = await comment(writer.id, 'PUBLISHED');
    const rejected = await decideComment(modA, id, 0, { kind: 'reject', clause: 'civility' });
    expect(rejected.ok).toBe(true);
    // The stale tab: the Rejected queue as it was right after the rejection.
    const staleVersion = (await db.comment.findUniqueOrThrow({ where: { id } })).version;

    expect((await fileAppeal(writer, id, 'It criticised the policy, not a person.')).ok).toBe(true);
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).version).toBe(staleVersion + 1);

    const bypass = await decideComment(modA, id, staleVersion, { kind: 'approve' });
    expect(bypass.ok).toBe(false);
    expect(bypass.ok ? '' : bypass.message).toMatch(/appealed/);
    // Not even with a fresh card: while the appeal is open only its decision may change the comment.
    const fresh = (await db.comment.findUniqueOrThrow({ where: { id } })).version;
    expect((await decideComment(modB, id, fresh, { kind: 'approve' })).ok).toBe(false);
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).status).toBe('REJECTED');
    expect((await queueCounts({})).appeals).toBe(1);

    expect(
      (
        await decideAppeal(
          modB,
          (await db.appeal.findUniqueOrThrow({ where: { commentId: id } })).id,
          'reinstate',
          null,
        )
      ).ok,
    ).toBe(true);
    expect((await db.appeal.findUniqueOrThrow({ where: { commentId: id } })).status).toBe('REINSTATED');
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).status).toBe('PUBLISHED');
    expect((await queueCounts({})).appeals).toBe(0);
  });

  test('the writer cannot delete a comment while its appeal is open', async () => {
    const { deleteComment } = await import('@/lib/comments/manage-comment');
    const { fileAppeal } = await import('@/lib/moderation/appeals');
    const writer = await account();
    const moderator = await account('MODERATOR');
    const id = await comment(writer.id, 'REJECTED', { decidedById: moderator.id, rejectClause: 'spam' });
    await fileAppeal(writer, id, 'This was a correction, not an advert.');
    expect((await deleteComment(writer, id)).ok).toBe(false);
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).status).toBe('REJECTED');
  });
});

describe('new accounts (point 3)', () => {
  test('a second comment is not told it is the first, and appears once a moderator approves the first', async () => {
    const { decideComment } = await import('@/lib/moderation/decide');
    const newcomer = await account();
    const moderator = await account('MODERATOR');
    const first = await submit(newcomer, 'My first thoughts on the library hours.');
    const second = await submit(newcomer, 'And a second thought on the opening times.');
    const third = await submit(newcomer, 'Write to me at someone@example.com about it.');
    if (!first.ok || !second.ok || !third.ok) throw new Error('refused');
    expect([first.status, second.status, third.status]).toEqual(['PENDING', 'PENDING', 'PENDING']);
    for (const result of [first, second])
      expect(result.reasons.map((r) => r.message).join(' ')).not.toMatch(/first comment/);

    expect((await decideComment(moderator, first.commentId, 0, { kind: 'approve' })).ok).toBe(true);
    const after = await db.comment.findUniqueOrThrow({ where: { id: second.commentId } });
    expect(after.status).toBe('PUBLISHED');
    expect(await db.moderationEvent.count({ where: { commentId: second.commentId, action: 'release' } })).toBe(1);
    // Held for another reason too: it stays held, and no longer says the account is new.
    const other = await db.comment.findUniqueOrThrow({ where: { id: third.commentId } });
    expect(other.status).toBe('PENDING');
    expect(JSON.parse(other.reasons).map((r: { ruleId: string }) => r.ruleId)).toEqual(['personal-info']);
  });
});

describe('holds end when their reason does (point 3)', () => {
  test('taking an account off pre-moderation publishes the comments held only for it', async () => {
    const { applyUserMeasure } = await import('@/lib/moderation/users');
    const reader = await account('READER', new Date(Date.now() - 400 * 86_400_000));
    await comment(reader.id, 'PUBLISHED');
    const moderator = await account('MODERATOR');
    await applyUserMeasure(moderator, reader.id, { kind: 'premoderate', on: true }, null);
    const held = await submit({ ...reader, premoderated: true }, 'A perfectly ordinary remark about the budget.');
    if (!held.ok) throw new Error('refused');
    expect(held.status).toBe('PENDING');
    await applyUserMeasure(moderator, reader.id, { kind: 'premoderate', on: false }, null);
    expect((await db.comment.findUniqueOrThrow({ where: { id: held.commentId } })).status).toBe('PUBLISHED');
  });
});

describe('correcting a rejected comment (point 4)', () => {
  test('replaces it as a new submission; a moderator’s rejection is not overturned by sending it again', async () => {
    const reader = await account('READER', new Date(Date.now() - 400 * 86_400_000));
    await comment(reader.id, 'PUBLISHED');
    const rejected = await submit(reader, 'This plan is bullshit from start to finish.');
    if (!rejected.ok) throw new Error('refused');
    expect(rejected.status).toBe('REJECTED');
    const { submitComment } = await import('@/lib/comments/submit-comment');
    const fixed = await submitComment({
      viewer: reader,
      articleId,
      body: 'This plan is wrong from start to finish.',
      idempotencyKey: crypto.randomUUID(),
      replaces: rejected.commentId,
    });
    expect(fixed.ok && fixed.status).toBe('PUBLISHED');
    expect((await db.comment.findUniqueOrThrow({ where: { id: rejected.commentId } })).status).toBe('DELETED');

    const moderator = await account('MODERATOR');
    const offTopic = await comment(reader.id, 'REJECTED', { decidedById: moderator.id, rejectClause: 'on-topic' });
    const again = await submitComment({
      viewer: reader,
      articleId,
      body: 'The same off-topic remark, sent again.',
      idempotencyKey: crypto.randomUUID(),
      replaces: offTopic,
    });
    expect(again.ok && again.status).toBe('PENDING');
    expect(again.ok ? again.reasons.map((r) => r.ruleId) : []).toContain('corrects-rejected');
  });
});

describe('refusals name their clause (point 5)', () => {
  test('the flood refusal cites §4', async () => {
    const reader = await account('READER', new Date(Date.now() - 400 * 86_400_000));
    await comment(reader.id, 'PUBLISHED');
    const now = new Date();
    for (let i = 0; i < 5; i++)
      expect((await submit(reader, `Flood test number ${i} with different words ${i * 7}`, now)).ok).toBe(true);
    const refused = await submit(reader, 'One more, too soon after the others.', now);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.message).toMatch(/^§4 No spam or self-promotion: You have posted 5 comments/);
  });
});

describe('fair trust (point 6)', () => {
  test('a duplicate rejection and deleting one’s own published comment do not get later comments held', async () => {
    const { deleteComment } = await import('@/lib/comments/manage-comment');
    const { loadConductOf } = await import('@/lib/moderation/conduct');
    const reader = await account();
    await comment(reader.id, 'PUBLISHED');
    const deleted = await comment(reader.id, 'PUBLISHED');
    expect((await deleteComment(reader, deleted)).ok).toBe(true);
    await comment(reader.id, 'REJECTED', {
      reasons: [{ ruleId: 'banned-terms', outcome: 'reject', clause: 'language', message: 'x', evidence: [] }],
    });
    await comment(reader.id, 'REJECTED', {
      reasons: [{ ruleId: 'duplicate-self', outcome: 'reject', clause: 'spam', message: 'x', evidence: [] }],
    });

    const conduct = await loadConductOf(reader.id);
    expect(conduct.approvedCount).toBe(2);
    expect(conduct.breaches).toEqual([{ clause: 'language' }]);
    const next = await submit(reader, 'A calm comment about the council budget.');
    expect(next.ok && next.status).toBe('PUBLISHED');
  });

  test('moderator rejections count, and deleting a rejected comment does not erase it', async () => {
    const { deleteComment } = await import('@/lib/comments/manage-comment');
    const { loadConductOf } = await import('@/lib/moderation/conduct');
    const reader = await account();
    const moderator = await account('MODERATOR');
    const id = await comment(reader.id, 'REJECTED', { decidedById: moderator.id, rejectClause: 'civility' });
    expect((await deleteComment(reader, id)).ok).toBe(true);
    expect((await loadConductOf(reader.id)).breaches).toEqual([{ clause: 'civility' }]);
  });
});
