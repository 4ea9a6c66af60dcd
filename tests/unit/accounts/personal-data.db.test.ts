// "Download my data" (issue 17) against a real SQLite database: the export holds the reader's account, comments
// with their statuses, reasons and decisions, reactions, reports, appeals and emails, and nothing about anyone else
// (no other reader's address or words, no moderator's identity, no live link from an email).
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/lib/db';
import { viewerSelect, type Viewer } from '@/lib/auth/permissions';
import { useTempDatabase } from '../../support/temp-db';

vi.setConfig({ testTimeout: 30_000 });

let db: Db;
let articleId: string;

beforeAll(async () => {
  db = await useTempDatabase();
  const author = await db.author.create({
    data: { email: 'writer@ledger.test', name: 'Andrew Blake', slug: 'andrew-blake', notifyOnComments: false },
  });
  articleId = (
    await db.article.create({
      data: {
        slug: 'library-hours',
        headline: 'Library hours cut',
        body: 'A paragraph.',
        publishedAt: new Date(),
        authorId: author.id,
      },
    })
  ).id;
}, 60_000);

/** An established reader (a year old, with published comments), so nothing is held for being new. */
async function reader(name: string, role: Viewer['role'] = 'READER'): Promise<Viewer> {
  const viewer = await db.user.create({
    data: {
      email: `${name.toLowerCase()}@readers.test`,
      displayName: name,
      role,
      createdAt: new Date(Date.now() - 365 * 86_400_000),
    },
    select: viewerSelect,
  });
  for (let k = 0; k < 3; k++)
    await db.comment.create({
      data: {
        id: crypto.randomUUID(),
        articleId,
        userId: viewer.id,
        body: `Earlier comment ${k} by ${name}.`,
        status: 'PUBLISHED',
        createdAt: new Date(Date.now() - (300 - k) * 86_400_000),
      },
    });
  return viewer;
}

describe('download my data', () => {
  test('the export holds every kind of the reader’s data and nothing of anyone else’s', async () => {
    const { submitComment } = await import('@/lib/comments/submit-comment');
    const { reportComment, toggleReaction } = await import('@/lib/comments/manage-comment');
    const { decideComment } = await import('@/lib/moderation/decide');
    const { fileAppeal } = await import('@/lib/moderation/appeals');
    const { personalData, personalDataFormat } = await import('@/lib/data/personal-data');
    const submit = (viewer: Viewer, body: string) =>
      submitComment({ viewer, articleId, body, idempotencyKey: crypto.randomUUID() });

    const me = await reader('Margaret');
    const other = await reader('Oswald');
    const moderator = await reader('Moira', 'MODERATOR');

    const theirs = await submit(other, 'Opening hours were cut because the council lost its grant.');
    const held = await submit(me, 'Ring me on 07700 900123 and I will tell you what really happened.');
    const published = await submit(me, 'The Thursday evening opening mattered most to students.');
    if (!theirs.ok || !held.ok || !published.ok) throw new Error('a submission was refused');
    expect(held.status).toBe('PENDING');

    expect((await toggleReaction(me, theirs.commentId)).ok).toBe(true);
    expect(
      (await reportComment(me, { commentId: theirs.commentId, clause: 'on-topic', note: 'Off the topic.' })).ok,
    ).toBe(true);
    const version = (await db.comment.findUniqueOrThrow({ where: { id: published.commentId } })).version;
    expect(
      (await decideComment(moderator, published.commentId, version, { kind: 'reject', clause: 'civility' })).ok,
    ).toBe(true);
    expect((await fileAppeal(me, published.commentId, 'It was about opening hours, not a person.')).ok).toBe(true);
    await db.outboxMessage.create({
      data: {
        kind: 'sign-in',
        to: me.email,
        subject: 'Sign in to The Ledger',
        text: 'Sign in: https://ledger.example/api/auth/callback/email?token=secret-token-123&email=x',
        html: '<p>Sign in</p>',
        messageId: `<${crypto.randomUUID()}@ledger.test>`,
      },
    });

    const data = await personalData(me.id);
    const text = JSON.stringify(data);

    expect(data.format).toBe(personalDataFormat);
    expect(data.account).toMatchObject({ id: me.id, email: me.email, displayName: 'Margaret', role: 'READER' });
    expect(data.emailPreferences).toEqual({ replies: true, authorReplies: true, moderationDecisions: true });

    const byId = new Map(data.comments.map((c) => [c.id, c]));
    expect(data.comments).toHaveLength(5); // three earlier, the held one, the rejected one
    expect(byId.get(held.commentId)).toMatchObject({
      status: 'PENDING',
      story: { headline: 'Library hours cut', path: '/articles/library-hours' },
    });
    expect(byId.get(held.commentId)!.statementOfReasons.join(' ')).toMatch(/§\d+ .*privacy/i);
    const rejected = byId.get(published.commentId)!;
    expect(rejected.status).toBe('REJECTED');
    expect(rejected.statementOfReasons.join(' ')).toMatch(/civil/i);
    expect(rejected.decisions.map((d) => [d.action, d.by, d.clause])).toContainEqual([
      expect.stringMatching(/reject/i),
      'moderator',
      'civility',
    ]);

    expect(data.reactions).toEqual([{ commentId: theirs.commentId, createdAt: expect.any(Date) }]);
    expect(data.reportsMade).toEqual([
      { commentId: theirs.commentId, clause: 'on-topic', note: 'Off the topic.', createdAt: expect.any(Date) },
    ]);
    expect(data.appeals).toMatchObject([{ commentId: published.commentId, status: 'OPEN' }]);

    expect(data.emails.map((e) => e.kind)).toContain('sign-in');
    expect(data.emails.some((e) => e.text.includes('[link]'))).toBe(true);
    expect(text).not.toMatch(/https?:\/\//);
    expect(text).not.toContain('secret-token-123');

    // Nothing about anyone else: the other reader's address and words, the moderator's name, address or id.
    for (const foreign of [other.email, 'Oswald', 'council lost its grant', moderator.email, 'Moira', moderator.id])
      expect(text).not.toContain(foreign);
  });

  test('a reader with no activity gets an empty but complete document', async () => {
    const { personalData } = await import('@/lib/data/personal-data');
    const quiet = await db.user.create({ data: { email: 'quiet@readers.test' }, select: viewerSelect });
    const data = await personalData(quiet.id);
    expect(data.account.displayName).toBeNull();
    expect(data).toMatchObject({ comments: [], reactions: [], reportsMade: [], appeals: [], emails: [] });
  });
});
