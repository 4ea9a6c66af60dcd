// "Edit and approve" (issue 16) against a real SQLite database: a moderator removes a phone number from a held
// comment and publishes the rest; the original is kept for staff and the writer, never for readers or the policy.
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/lib/db';
import { viewerSelect, type Viewer } from '@/lib/auth/permissions';
import { removedMarker } from '@/lib/policy/redaction';
import { triageKey } from '@/lib/moderation/triage';
import { useTempDatabase } from '../../support/temp-db';

vi.setConfig({ testTimeout: 30_000 });

let db: Db;
let articleId: string;
let counter = 0;

const phone = '07700 900123';
const original = `Great reporting. The landlord is my neighbour, ring me on ${phone} and I will tell you more.`;
const edit = 'Great reporting. The landlord is my neighbour, ring me on [removed] and I will tell you more.';

beforeAll(async () => {
  db = await useTempDatabase();
  const author = await db.author.create({
    data: { email: 'writer@ledger.test', name: 'Andrew Blake', slug: 'andrew-blake', notifyOnComments: false },
  });
  articleId = (
    await db.article.create({
      data: { slug: 'story', headline: 'Story', body: 'A paragraph.', publishedAt: new Date(), authorId: author.id },
    })
  ).id;
}, 60_000);

async function account(role: 'READER' | 'MODERATOR' = 'READER', notifyModeration = true): Promise<Viewer> {
  const n = counter++;
  return db.user.create({
    data: { email: `user${n}@readers.test`, displayName: `User ${n}`, role, notifyModeration },
    select: viewerSelect,
  });
}

async function held(userId: string, body = original) {
  const id = crypto.randomUUID();
  const reasons = [{ clause: 'privacy', ruleId: 'contact-details', message: 'It contains a phone number.' }];
  await db.comment.create({
    data: {
      id,
      threadId: id,
      articleId,
      userId,
      body,
      status: 'PENDING',
      reasons: JSON.stringify(reasons),
      triageKey: triageKey({
        status: 'PENDING',
        reasonClauses: ['privacy'],
        reportClauses: [],
        reportCount: 0,
        createdAt: new Date(),
      }),
    },
  });
  return id;
}

const redactAndApprove = async () => (await import('@/lib/moderation/redact')).redactAndApprove;

describe('redactAndApprove', () => {
  test('publishes the rest, keeps the original, audits the clause and tells the writer what was removed', async () => {
    const writer = await account();
    const moderator = await account('MODERATOR');
    const id = await held(writer.id);
    const countBefore = (await db.article.findUniqueOrThrow({ where: { id: articleId } })).commentCount;

    const result = await (
      await redactAndApprove()
    )(moderator, id, 0, {
      edited: edit,
      clause: 'privacy',
      note: 'Contact details stay private.',
    });
    expect(result).toEqual({ ok: true, commentId: id, articleSlug: 'story' });

    const row = await db.comment.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      status: 'PUBLISHED',
      body: `Great reporting. The landlord is my neighbour, ring me on ${removedMarker} and I will tell you more.`,
      originalBody: original,
      redactClause: 'privacy',
      redactNote: 'Contact details stay private.',
      decidedById: moderator.id,
      version: 1,
      triageKey: '',
    });
    expect((await db.article.findUniqueOrThrow({ where: { id: articleId } })).commentCount).toBe(countBefore + 1);

    const events = await db.moderationEvent.findMany({ where: { commentId: id }, include: { clauses: true } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'redact-approve',
      actorType: 'moderator',
      actorId: moderator.id,
      fromStatus: 'PENDING',
      toStatus: 'PUBLISHED',
      clause: 'privacy',
      note: 'Contact details stay private.',
    });
    expect(events[0].clauses.map((c) => c.clause)).toEqual(['privacy']);
    // The audit entry names the clause; the removed words live only in originalBody (erased with the account).
    expect(JSON.stringify(events)).not.toContain(phone);

    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: writer.email, kind: 'decision' } });
    expect(mail.subject).toBe('Your comment is published, with part of it removed');
    expect(mail.text).toContain(`Removed: “${phone}”`);
    expect(mail.text).toMatch(/Part of your comment was removed under §\d+ /);
    expect(mail.text).toContain('Contact details stay private.');
  });

  test('the writer sees what was removed and why; readers see the markers and never the original', async () => {
    const writer = await account();
    const moderator = await account('MODERATOR');
    const reader = await account();
    const id = await held(writer.id);
    expect((await (await redactAndApprove())(moderator, id, 0, { edited: edit, clause: 'privacy' })).ok).toBe(true);

    const { listThreads } = await import('@/lib/data/comments');
    for (const viewer of [null, reader]) {
      const { threads } = await listThreads(articleId, viewer, 'oldest', 50);
      const view = threads.find((t) => t.id === id)!;
      expect(view.body).toContain(removedMarker);
      expect(view.moderatorEdited).toBe(true);
      expect(view.statement).toBeNull();
      expect(JSON.stringify(threads)).not.toContain(phone);
    }
    const own = (await listThreads(articleId, writer, 'oldest', 50)).threads.find((t) => t.id === id)!;
    expect(own.statement).toMatchObject({
      headline: expect.stringContaining('Part of your comment was removed'),
      removed: [phone],
      lines: [expect.objectContaining({ clause: 'privacy' })],
    });
    // An edit by the writer could put the number back: the Edit button goes, and the edit is refused.
    expect(own.editableUntil).toBeNull();
    const { editComment } = await import('@/lib/comments/manage-comment');
    const refused = await editComment(writer, id, original);
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining('moderator removed part') });
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).body).not.toContain(phone);

    // Their own data export holds the original: it is theirs.
    const { personalData } = await import('@/lib/data/personal-data');
    const exported = (await personalData(writer.id)).comments.find((c) => c.id === id)!;
    expect(exported.originalBody).toBe(original);
    expect(exported.statementOfReasons.join(' ')).toContain(`Removed: “${phone}”`);
  });

  test('the policy’s duplicate checks no longer see the original text', async () => {
    const writer = await account();
    const moderator = await account('MODERATOR');
    const other = await account();
    const id = await held(writer.id);
    await (
      await redactAndApprove()
    )(moderator, id, 0, { edited: edit, clause: 'privacy' });
    const { loadContext } = await import('@/lib/comments/submission-context');
    const article = { commentsOpen: true, premoderate: false, publishedAt: new Date(), autoCloseDays: null };
    const settings = { floodPerUserPerMinute: 5, floodPerIpPerMinute: 5 };
    const others = await loadContext({ viewer: { ...other, createdAt: new Date() } }, article, new Date(), settings);
    const own = await loadContext({ viewer: { ...writer, createdAt: new Date() } }, article, new Date(), settings);
    const seen = JSON.stringify([others.recentByOthers, own.recentByAuthor]);
    expect(seen).toContain(removedMarker);
    expect(seen).not.toContain(phone);
  });

  test('an edit that adds or changes words is refused as a field error, and nothing changes', async () => {
    const writer = await account();
    const moderator = await account('MODERATOR');
    const id = await held(writer.id);
    const redact = await redactAndApprove();
    const added = await redact(moderator, id, 0, {
      edited: 'Great reporting. The landlord is not my neighbour, ring me on [removed].',
      clause: 'privacy',
    });
    expect(added).toMatchObject({ ok: false, field: 'body', message: expect.stringContaining('“not”') });
    const unchanged = await redact(moderator, id, 0, { edited: original, clause: 'privacy' });
    expect(unchanged).toMatchObject({
      ok: false,
      field: 'body',
      message: expect.stringContaining('Nothing was removed'),
    });
    expect(await db.comment.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'PENDING',
      body: original,
      originalBody: null,
      version: 0,
    });
    expect(await db.moderationEvent.count({ where: { commentId: id } })).toBe(0);
  });

  test('respects the writer’s email preferences, settles reports, and refuses own comments, stale cards and a second redaction', async () => {
    const quiet = await account('READER', false);
    const moderator = await account('MODERATOR');
    const reporter = await account();
    const id = crypto.randomUUID();
    await db.comment.create({
      data: {
        id,
        threadId: id,
        articleId,
        userId: quiet.id,
        body: original,
        status: 'PUBLISHED',
        hiddenByReports: true,
        reportCount: 1,
        triageKey: 'x',
      },
    });
    await db.report.create({ data: { commentId: id, userId: reporter.id, clause: 'privacy' } });
    const redact = await redactAndApprove();

    expect(await redact(moderator, id, 3, { edited: edit, clause: 'privacy' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Already decided/),
    });
    const own = await held(moderator.id);
    expect(await redact(moderator, own, 0, { edited: edit, clause: 'privacy' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/your own comment/),
    });

    expect((await redact(moderator, id, 0, { edited: edit, clause: 'privacy' })).ok).toBe(true);
    expect(await db.comment.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'PUBLISHED',
      hiddenByReports: false,
      reportCount: 0,
      triageKey: '',
      originalBody: original,
    });
    expect(await db.report.count({ where: { commentId: id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { to: quiet.email } })).toBe(0);

    const again = await redact(moderator, id, 1, { edited: 'Great reporting. [removed]', clause: 'privacy' });
    expect(again).toMatchObject({ ok: false, message: expect.stringContaining('already removed part') });
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).originalBody).toBe(original);
  });

  test('the writer can appeal a redaction: upheld leaves it, reinstated publishes the original again', async () => {
    const { fileAppeal, decideAppeal } = await import('@/lib/moderation/appeals');
    const { pageQueue } = await import('@/lib/moderation/queues');
    const moderator = await account('MODERATOR');
    const second = await account('MODERATOR');
    const redact = await redactAndApprove();

    for (const outcome of ['uphold', 'reinstate'] as const) {
      const writer = await account();
      const id = await held(writer.id);
      await redact(moderator, id, 0, { edited: edit, clause: 'privacy' });
      const redacted = await db.comment.findUniqueOrThrow({ where: { id } });

      expect(await fileAppeal(writer, id, 'The number is my office line, published on our website.')).toMatchObject({
        ok: true,
      });
      expect((await pageQueue('appeals', {}, undefined, 500)).ids).toContain(id);
      // The moderator who removed it cannot decide the appeal.
      expect(
        (
          await decideAppeal(
            moderator,
            (await db.appeal.findUniqueOrThrow({ where: { commentId: id } })).id,
            outcome,
            null,
          )
        ).ok,
      ).toBe(false);
      const appealId = (await db.appeal.findUniqueOrThrow({ where: { commentId: id } })).id;
      expect(await decideAppeal(second, appealId, outcome, 'Reviewed.')).toMatchObject({ ok: true });

      const row = await db.comment.findUniqueOrThrow({ where: { id } });
      if (outcome === 'uphold') {
        expect(row).toMatchObject({ status: 'PUBLISHED', body: redacted.body, originalBody: original });
      } else {
        expect(row).toMatchObject({ status: 'PUBLISHED', body: original, originalBody: null, redactClause: null });
      }
      const last = await db.moderationEvent.findFirstOrThrow({
        where: { commentId: id },
        orderBy: { createdAt: 'desc' },
      });
      expect(last).toMatchObject({
        action: `appeal-${outcome}`,
        fromStatus: 'PUBLISHED',
        toStatus: 'PUBLISHED',
        clause: 'privacy',
      });
    }
  });
});
