// "Download my data" (issue 17) against a real SQLite database: the export holds the reader's account, comments
// with their statuses, reasons and decisions, reactions, reports, appeals, emails and the notices of illegal content
// sent from the reader's address, and nothing about anyone else
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

    // Notices of illegal content: hers (one decided, one open), the other reader's and a stranger's.
    const { submitNotice, decideNotice } = await import('@/lib/notices/notices');
    const { noticeSchema } = await import('@/lib/validation/notice');
    // Through the form's schema, which stores the address lowercased.
    const notice = (email: string, name: string, explanation: string, commentId?: string) =>
      submitNotice(
        noticeSchema.parse({
          commentId,
          articleSlug: commentId ? undefined : 'library-hours',
          category: 'defamation',
          law: 'Defamation Act 2013',
          explanation,
          name,
          email,
          goodFaith: 'on',
        }),
        '203.0.113.9',
      );
    const mine = await notice(
      me.email,
      'Margaret M.',
      'The comment falsely accuses the librarian of theft.',
      theirs.commentId,
    );
    const mineOpen = await notice(
      me.email.toUpperCase(),
      'Margaret M.',
      'The story names a minor without consent here.',
    );
    const his = await notice(other.email, 'Oswald O.', 'Oswald thinks the headline defames the council leader.');
    const strangers = await notice('sam@elsewhere.test', 'Sam Stranger', 'A stranger objects to a comment strongly.');
    if (!mine.ok || !mineOpen.ok || !his.ok || !strangers.ok) throw new Error('a notice was refused');
    const decidedNotice = await db.legalNotice.findUniqueOrThrow({ where: { reference: mine.reference } });
    expect(
      (
        await decideNotice(moderator, decidedNotice.id, {
          outcome: 'no-action',
          reason: 'The comment is fair comment.',
        })
      ).ok,
    ).toBe(true);
    await decideNotice(
      moderator,
      (await db.legalNotice.findUniqueOrThrow({ where: { reference: his.reference } })).id,
      { outcome: 'no-action', reason: 'Oswald’s notice is about opinion.' },
    );

    const data = await personalData(me.id);
    const text = JSON.stringify(data);

    expect(data.legalNoticesSent).toEqual([
      {
        reference: mine.reference,
        about: {
          story: { headline: 'Library hours cut', path: '/articles/library-hours' },
          commentId: theirs.commentId,
        },
        category: 'defamation',
        law: 'Defamation Act 2013',
        explanation: 'The comment falsely accuses the librarian of theft.',
        yourName: 'Margaret M.',
        receivedAt: expect.any(Date),
        outcome: 'no action',
        decidedAt: expect.any(Date),
        decisionClause: null,
        decisionReasons: 'The comment is fair comment.',
      },
      expect.objectContaining({
        reference: mineOpen.reference,
        about: { story: { headline: 'Library hours cut', path: '/articles/library-hours' }, commentId: null },
        outcome: 'open',
        decidedAt: null,
        decisionReasons: null,
      }),
    ]);

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

    // Nothing about anyone else: the other reader's address and words, the moderator's name, address or id, other
    // people's notices. (The receipt she was sent names the writer of the comment she reported, as the page showed
    // it: the one place his public display name appears.)
    const beyondEmails = JSON.stringify({ ...data, emails: null });
    expect(beyondEmails).not.toContain('Oswald');
    expect(data.emails.filter((e) => e.text.includes('Oswald')).map((e) => e.kind)).toEqual(['notice-receipt']);
    for (const foreign of [
      other.email,
      'Oswald O.',
      'Oswald thinks',
      'Oswald’s notice',
      'council lost its grant',
      moderator.email,
      'Moira',
      moderator.id,
      his.reference,
      strangers.reference,
      'sam@elsewhere.test',
      'Sam Stranger',
      'stranger objects',
    ])
      expect(text).not.toContain(foreign);
  });

  test('a reader with no activity gets an empty but complete document', async () => {
    const { personalData } = await import('@/lib/data/personal-data');
    const quiet = await db.user.create({ data: { email: 'quiet@readers.test' }, select: viewerSelect });
    const data = await personalData(quiet.id);
    expect(data.account.displayName).toBeNull();
    expect(data).toMatchObject({
      comments: [],
      reactions: [],
      reportsMade: [],
      appeals: [],
      emails: [],
      legalNoticesSent: [],
    });
  });
});
