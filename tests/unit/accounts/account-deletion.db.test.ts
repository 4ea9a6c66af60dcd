// "Delete my account" (issue 17) against a real SQLite database.
//
// 1. Every column of every model has a rule saying what deletion does to it, and why (the schema walk: the generated
//    client's model metadata and SQLite's own table list). A new model or column without a rule fails here, so
//    whoever adds personal data decides what erasure does with it.
// 2. A reader with data in every table that can hold it deletes their account: afterwards no row of any table holds
//    their email, name, id, words, address or anything they wrote, while other readers' data and the anonymous
//    moderation record (decision, clause, dates) remain. The same for a moderator, whose decisions stay, unsigned.
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/lib/db';
import { viewerSelect, type Viewer } from '@/lib/auth/permissions';
import { registerPageCacheBus } from '@/lib/cache/bus';
import { useTempDatabase } from '../../support/temp-db';

vi.setConfig({ testTimeout: 60_000 });

/** What deletion does to a column. `row` columns go with their row whenever the row is the person's; `kept`
 *  columns carry no personal data once the rows that name the person are gone; the others are overwritten. */
type Rule = { row: string } | { nulled: string } | { tombstoned: string } | { kept: string };

const theirs = (what: string): Rule => ({ row: what });
const keep = (why: string): Rule => ({ kept: why });

/** The erasure rules, model by model and column by column (lib/accounts/delete-account.ts carries them out). */
const rules: Record<string, Record<string, Rule>> = {
  Author: Object.fromEntries(
    ['id', 'slug', 'name', 'email', 'bio', 'photoUrl', 'notifyOnComments', 'createdAt'].map((column) => [
      column,
      keep('journalists’ public profiles: not reader accounts, untouched by a reader’s deletion'),
    ]),
  ),
  Article: {
    ...Object.fromEntries(
      [
        'id',
        'slug',
        'headline',
        'standfirst',
        'body',
        'dateline',
        'publishedAt',
        'updatedAt',
        'createdAt',
        'authorId',
        'commentsOpen',
        'premoderate',
        'autoCloseDays',
        'commentMode',
        'section',
        'tags',
      ].map((column) => [column, keep('published stories hold no reader data')]),
    ),
    commentCount: keep('an anonymous count, lowered by their published comments'),
  },
  User: Object.fromEntries(
    [
      'id',
      'email',
      'emailVerified',
      'name',
      'image',
      'displayName',
      'role',
      'suspendedUntil',
      'bannedAt',
      'premoderated',
      'notifyReplies',
      'notifyAuthorReplies',
      'notifyModeration',
      'createdAt',
    ].map((column) => [column, theirs('the account row is deleted')]),
  ),
  Account: Object.fromEntries(
    [
      'id',
      'userId',
      'type',
      'provider',
      'providerAccountId',
      'refresh_token',
      'access_token',
      'expires_at',
      'token_type',
      'scope',
      'id_token',
      'session_state',
    ].map((column) => [column, theirs('sign-in accounts are deleted with the user')]),
  ),
  Session: Object.fromEntries(
    ['id', 'sessionToken', 'userId', 'expires'].map((column) => [column, theirs('sessions end and are deleted')]),
  ),
  VerificationToken: Object.fromEntries(
    ['identifier', 'token', 'expires'].map((column) => [
      column,
      theirs('sign-in tokens for their address are deleted'),
    ]),
  ),
  Comment: {
    id: keep('a tombstone keeps its id so its replies keep their place; moderation entries name comments by id'),
    articleId: keep('which story: not about the person'),
    userId: { nulled: 'a tombstone has no author; other comments of theirs are deleted' },
    authorProfileId: keep('author replies belong to journalists'),
    parentId: keep('thread structure'),
    threadId: keep('thread structure'),
    depth: keep('thread structure'),
    body: { tombstoned: 'emptied on a tombstone; deleted with every other comment of theirs' },
    status: { tombstoned: 'DELETED on a tombstone' },
    reasons: { tombstoned: 'emptied: a reason may quote the comment' },
    rejectClause: keep('the decision’s clause: what the law lets the moderation record keep'),
    rejectNote: { tombstoned: 'the moderator’s note may quote the comment' },
    originalBody: { tombstoned: 'what they wrote before a moderator’s redaction: erased with the body' },
    redactClause: keep('the redaction’s clause: what the law lets the moderation record keep'),
    redactNote: { tombstoned: 'the moderator’s note may quote the removed text' },
    idempotencyKey: { tombstoned: 'emptied (a client-side value)' },
    reactionCount: { tombstoned: 'zeroed with the reactions; others’ counts drop by their reactions' },
    reportCount: { tombstoned: 'zeroed on a tombstone; an anonymous count elsewhere' },
    hiddenByReports: { tombstoned: 'reset on a tombstone' },
    featured: { tombstoned: 'reset on a tombstone' },
    triageKey: { tombstoned: 'cleared on a tombstone (a queue-order key: urgency, reports, age; no personal data)' },
    ip: { tombstoned: 'the writer’s address: erased' },
    version: keep('a counter'),
    createdAt: keep('the date: part of the moderation record'),
    editedAt: { tombstoned: 'erased on a tombstone' },
    deletedAt: keep('when it was deleted'),
    decidedAt: keep('the decision’s date'),
    decidedById: { nulled: 'a deleted moderator’s decisions stay, unsigned' },
  },
  Reaction: {
    commentId: theirs('their reactions are deleted, and others’ reactions to their comments'),
    userId: theirs('their reactions are deleted'),
    createdAt: theirs('their reactions are deleted'),
  },
  Report: {
    id: theirs('reports they made are deleted (the counts stay, anonymous)'),
    commentId: theirs('reports about their comments are deleted with the comments (a note may quote them)'),
    userId: theirs('reports they made are deleted'),
    clause: theirs('reports they made are deleted'),
    note: theirs('reports they made are deleted'),
    createdAt: theirs('reports they made are deleted'),
  },
  ModerationEvent: {
    id: keep('the moderation record'),
    commentId: keep('which comment the decision was about (an id; the comment is gone or an empty tombstone)'),
    actorType: keep('reader, moderator, rule…: a role, not a person'),
    actorId: { nulled: 'no link to the person, as actor' },
    subjectUserId: { nulled: 'no link to the person, as subject' },
    action: keep('the decision'),
    fromStatus: keep('the decision'),
    toStatus: keep('the decision'),
    clause: keep('the clause: what the law lets the moderation record keep'),
    note: { nulled: 'notes about them, their comments or by them as a reader may quote them' },
    reversesId: keep('which decision an undo reverses (an id of another entry)'),
    createdAt: keep('the date of the decision'),
  },
  DecisionUndo: Object.fromEntries(
    [
      'eventId',
      'batchId',
      'commentId',
      'moderatorId',
      'action',
      'before',
      'version',
      'expiresAt',
      'undoneAt',
      'createdAt',
    ].map((column) => [
      column,
      theirs('a pending undo about their comments, by them, or holding their report is deleted (it lasts seconds)'),
    ]),
  ),
  DecisionClause: Object.fromEntries(
    ['eventId', 'clause', 'commentId', 'actorType', 'action', 'createdAt'].map((column) => [
      column,
      keep('clause, decision and date only: the transparency report counts them'),
    ]),
  ),
  OutboxMessage: Object.fromEntries(
    [
      'id',
      'kind',
      'to',
      'subject',
      'text',
      'html',
      'headers',
      'messageId',
      'status',
      'attempts',
      'nextAttemptAt',
      'lastError',
      'claimedBy',
      'claimedAt',
      'sentAt',
      'createdAt',
      'heldForEventId',
    ].map((column) => [
      column,
      theirs('mail to them, and copies of mail that quote their name or comments, are deleted'),
    ]),
  ),
  PolicyVersion: {
    id: keep('policy history'),
    settings: keep('policy history'),
    note: keep('the policy change’s reason, about the policy'),
    createdById: { nulled: 'a deleted administrator’s versions stay, unsigned' },
    createdAt: keep('policy history'),
  },
  PresetVersion: {
    id: keep('story-preset history (issue 18)'),
    presets: keep('story-preset history'),
    note: keep('the change’s reason, about the presets'),
    createdById: { nulled: 'a deleted administrator’s versions stay, unsigned' },
    createdAt: keep('story-preset history'),
  },
  Appeal: {
    id: theirs('their appeals are deleted (the decision stays in the moderation record)'),
    commentId: theirs('their appeals are deleted'),
    measureEventId: theirs('their appeals of measures are deleted too (the measure stays in the moderation record)'),
    measureKind: theirs('their appeals of measures are deleted too'),
    userId: theirs('their appeals are deleted'),
    statement: theirs('their appeals are deleted'),
    status: theirs('their appeals are deleted'),
    createdAt: theirs('their appeals are deleted'),
    decidedAt: theirs('their appeals are deleted'),
    decidedById: { nulled: 'a deleted moderator’s appeal decisions stay, unsigned' },
    decisionNote: theirs('their appeals are deleted; a deleted moderator’s notes on others’ appeals stay'),
  },
  // Notices of illegal content (issue 17, DSA art. 16) are filed by name and email, without an account: no link to
  // a user, so deleting an account does not touch them; README's privacy section says how long they are kept.
  LegalNotice: {
    ...Object.fromEntries(
      [
        'id',
        'reference',
        'commentId',
        'articleId',
        'category',
        'law',
        'explanation',
        'status',
        'decisionClause',
        'decisionReason',
        'decidedAt',
        'createdAt',
      ].map((column) => [column, keep('a notice and its decision are the DSA record; no account is linked to it')]),
    ),
    reporterName: keep('given with the notice, not tied to an account; kept 12 months after the decision (README)'),
    reporterEmail: keep('given with the notice, not tied to an account; kept 12 months after the decision (README)'),
    decidedById: { nulled: 'a deleted moderator’s notice decisions stay, unsigned' },
  },
  AuthorDigestItem: Object.fromEntries(
    ['id', 'authorId', 'articleId', 'commentId', 'createdAt', 'sentAt'].map((column) => [
      column,
      theirs('digest entries for their comments are deleted'),
    ]),
  ),
  AuthorReplyLink: Object.fromEntries(
    ['id', 'authorId', 'commentId', 'expiresAt', 'usedAt', 'replyId', 'createdAt'].map((column) => [
      column,
      theirs('reply links to their comments are deleted'),
    ]),
  ),
  AccountNote: {
    id: theirs('notes about them are deleted'),
    userId: theirs('notes about them are deleted'),
    authorId: { nulled: 'a deleted moderator’s notes about others stay, signed by a stand-in' },
    body: theirs('notes about them are deleted'),
    createdAt: theirs('notes about them are deleted'),
  },
  ReplyNotification: Object.fromEntries(
    ['id', 'commentId', 'userId', 'kind', 'dueAt', 'doneAt', 'outcome', 'createdAt'].map((column) => [
      column,
      theirs('reply emails to them, and about their replies, are deleted'),
    ]),
  ),
  Mute: {
    muterId: theirs('their mutes, and others’ mutes of them, are deleted'),
    mutedId: theirs('their mutes, and others’ mutes of them, are deleted'),
    createdAt: theirs('their mutes, and others’ mutes of them, are deleted'),
  },
};

type DataModel = { models: Record<string, { fields: { name: string; kind: string }[] }> };

let db: Db;
let model: DataModel;
const invalidated: string[] = [];

beforeAll(async () => {
  db = await useTempDatabase();
  model = (db as unknown as { _runtimeDataModel: DataModel })._runtimeDataModel;
  registerPageCacheBus({ invalidate: (paths) => invalidated.push(...paths) });
}, 60_000);

const delegate = (name: string) =>
  (db as unknown as Record<string, { findMany(): Promise<Record<string, unknown>[]> }>)[
    name[0]!.toLowerCase() + name.slice(1)
  ]!;

/** Every row of every table, as text. */
async function everyRow(): Promise<{ table: string; row: string }[]> {
  const rows: { table: string; row: string }[] = [];
  for (const name of Object.keys(model.models))
    for (const row of await delegate(name).findMany()) rows.push({ table: name, row: JSON.stringify(row) });
  return rows;
}

describe('the schema walk', () => {
  test('every model and column has an erasure rule, and every rule a column', () => {
    expect(Object.keys(model.models).length).toBeGreaterThan(10);
    const columns = Object.fromEntries(
      Object.entries(model.models).map(([name, m]) => [
        name,
        m.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum').map((f) => f.name),
      ]),
    );
    const missing = Object.entries(columns).flatMap(([name, cols]) =>
      cols.filter((col) => !rules[name]?.[col]).map((col) => `${name}.${col}`),
    );
    expect(missing, 'columns without a rule in account-deletion.db.test.ts').toEqual([]);
    const stale = Object.entries(rules).flatMap(([name, cols]) =>
      Object.keys(cols)
        .filter((col) => !columns[name]?.includes(col))
        .map((col) => `${name}.${col}`),
    );
    expect(stale, 'rules for columns that no longer exist').toEqual([]);
    for (const cols of Object.values(rules))
      for (const rule of Object.values(cols)) expect(Object.values(rule)[0]).toEqual(expect.stringMatching(/\w{3}/));
  });

  test('the database has no table or column the client does not know (and so no rule covers)', async () => {
    const tables = await db.$queryRawUnsafe<{ name: string }[]>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%'",
    );
    expect(tables.map((t) => t.name).sort()).toEqual(Object.keys(rules).sort());
    for (const { name } of tables) {
      const info = await db.$queryRawUnsafe<{ name: string }[]>(`PRAGMA table_info("${name}")`);
      expect(info.map((c) => c.name).sort(), name).toEqual(Object.keys(rules[name]!).sort());
    }
  });
});

let counter = 0;
async function person(name: string, role: Viewer['role'] = 'READER') {
  return db.user.create({
    data: { email: `${name.toLowerCase().replace(/\s+/g, '.')}@erase.test`, displayName: name, role },
    select: viewerSelect,
  });
}

async function story() {
  const n = counter++;
  const author = await db.author.create({
    data: { email: `writer${n}@ledger.test`, name: `Writer ${n}`, slug: `writer-${n}` },
  });
  return db.article.create({
    data: {
      slug: `story-${n}`,
      headline: `Story ${n}`,
      body: 'A paragraph.',
      publishedAt: new Date(),
      authorId: author.id,
      commentCount: 0,
    },
  });
}

async function comment(data: {
  articleId: string;
  userId: string;
  body: string;
  parentId?: string;
  status?: 'PUBLISHED' | 'PENDING' | 'REJECTED';
  extra?: Record<string, unknown>;
}) {
  const id = crypto.randomUUID();
  const parent = data.parentId
    ? await db.comment.findUniqueOrThrow({ where: { id: data.parentId }, select: { threadId: true, depth: true } })
    : null;
  const status = data.status ?? 'PUBLISHED';
  const row = await db.comment.create({
    data: {
      id,
      articleId: data.articleId,
      userId: data.userId,
      body: data.body,
      status,
      parentId: data.parentId ?? null,
      threadId: parent?.threadId ?? id,
      depth: parent ? parent.depth + 1 : 0,
      ...data.extra,
    },
  });
  if (status === 'PUBLISHED')
    await db.article.update({ where: { id: data.articleId }, data: { commentCount: { increment: 1 } } });
  return row;
}

describe('deleting a reader’s account', () => {
  test('leaves no personal data in any table, keeps replies under a tombstone and the anonymous record', async () => {
    const { deleteAccount } = await import('@/lib/accounts/delete-account');
    const { recordEvent } = await import('@/lib/comments/audit');
    const { enqueueMail } = await import('@/lib/mail/outbox');
    const persephone = await person('Persephone Quill');
    const other = await person('Oswin Other');
    const moderator = await person('Mabel Desk', 'MODERATOR');
    const article = await story();
    const elsewhere = await story();
    const secret = {
      replied: 'Persephone thinks the zebra crossing on Quillfield Road is a disgrace.',
      redacted: 'Persephone thinks the zebra crossing is a disgrace; ring her on 01632 960 123.',
      redactedNumber: '01632 960 124',
      alone: 'Nobody answered this remark about marmalade tariffs.',
      reply: 'Persephone agrees about the tramline extension, wholeheartedly.',
      rejected: 'Persephone rejected words about the ombudsman gazette.',
      ip: '203.0.113.77',
      appeal: 'Persephone appeals: the gazette remark was fair comment.',
      reportNote: 'Persephone reports this as spam about cucumbers.',
      noteAbout: 'Persephone was warned about cucumber spam in March.',
      measureNote: 'Persephone suspended for the cucumber campaign.',
      measureAppeal: 'Persephone appeals the suspension: the cucumbers were satire.',
      quotingReport: 'Oswin quotes: zebra crossing on Quillfield Road is a disgrace',
    };

    // Her comments: one others replied to, one alone, a reply of hers, a rejected one with an appeal.
    const replied = await comment({
      articleId: article.id,
      userId: persephone.id,
      body: secret.replied,
      extra: {
        ip: secret.ip,
        idempotencyKey: 'key-persephone-1',
        reasons: JSON.stringify([{ quote: secret.replied }]),
        // A moderator removed her phone number before publishing it (lib/moderation/redact.ts).
        originalBody: secret.redacted,
        redactClause: 'privacy',
        redactNote: `Removed “${secret.redactedNumber}”`,
      },
    });
    const othersReply = await comment({
      articleId: article.id,
      userId: other.id,
      body: 'Oswin answers: the crossing is fine.',
      parentId: replied.id,
    });
    const alone = await comment({ articleId: article.id, userId: persephone.id, body: secret.alone });
    const othersTop = await comment({ articleId: elsewhere.id, userId: other.id, body: 'Oswin on the tramline.' });
    const herReply = await comment({
      articleId: elsewhere.id,
      userId: persephone.id,
      body: secret.reply,
      parentId: othersTop.id,
    });
    const rejected = await comment({
      articleId: elsewhere.id,
      userId: persephone.id,
      body: secret.rejected,
      status: 'REJECTED',
      extra: { rejectClause: 'civility', rejectNote: `Rejected: “${secret.rejected}”`, decidedById: moderator.id },
    });
    await db.appeal.create({ data: { commentId: rejected.id, userId: persephone.id, statement: secret.appeal } });

    // Reactions and reports, both ways.
    await db.reaction.create({ data: { commentId: othersTop.id, userId: persephone.id } });
    await db.comment.update({ where: { id: othersTop.id }, data: { reactionCount: 1 } });
    await db.reaction.create({ data: { commentId: replied.id, userId: other.id } });
    await db.report.create({
      data: { commentId: othersTop.id, userId: persephone.id, clause: 'spam', note: secret.reportNote },
    });
    await db.report.create({
      data: { commentId: replied.id, userId: other.id, clause: 'civility', note: secret.quotingReport },
    });

    // The moderation record: decisions on her comments, a measure on her, her report, a change of her name.
    await recordEvent(db, {
      commentId: rejected.id,
      actorType: 'moderator',
      actorId: moderator.id,
      action: 'reject',
      fromStatus: 'PENDING',
      toStatus: 'REJECTED',
      clause: 'civility',
      clauses: ['civility'],
      note: `Rejected: “${secret.rejected}”`,
    });
    const suspension = await recordEvent(db, {
      commentId: null,
      actorType: 'moderator',
      actorId: moderator.id,
      subjectUserId: persephone.id,
      action: 'user-suspend',
      fromStatus: null,
      toStatus: null,
      clause: 'spam',
      note: secret.measureNote,
    });
    await db.appeal.create({
      data: {
        measureEventId: suspension.id,
        measureKind: 'suspend',
        userId: persephone.id,
        statement: secret.measureAppeal,
      },
    });
    await recordEvent(db, {
      commentId: othersTop.id,
      actorType: 'reader',
      actorId: persephone.id,
      action: 'report',
      fromStatus: 'PUBLISHED',
      toStatus: 'PUBLISHED',
      clause: 'spam',
      note: secret.reportNote,
    });
    await recordEvent(db, {
      commentId: replied.id,
      actorType: 'reader',
      actorId: other.id,
      action: 'report',
      fromStatus: 'PUBLISHED',
      toStatus: 'PUBLISHED',
      clause: 'civility',
      note: secret.quotingReport,
    });
    await recordEvent(db, {
      commentId: null,
      actorType: 'reader',
      actorId: persephone.id,
      subjectUserId: persephone.id,
      action: 'display-name-change',
      fromStatus: null,
      toStatus: null,
      note: 'Persephone Q → Persephone Quill',
    });

    // Sign-in data, mail, notes, digests, reply links, mutes.
    await db.account.create({
      data: { userId: persephone.id, type: 'email', provider: 'email', providerAccountId: persephone.email },
    });
    await db.session.create({
      data: { userId: persephone.id, sessionToken: 'session-persephone', expires: new Date(Date.now() + 86_400_000) },
    });
    await db.verificationToken.create({
      data: {
        identifier: persephone.email,
        token: 'hashed-token-persephone',
        expires: new Date(Date.now() + 3_600_000),
      },
    });
    await enqueueMail(db, {
      kind: 'decision',
      to: persephone.email,
      subject: 'Your comment',
      text: secret.rejected,
      html: secret.rejected,
    });
    await enqueueMail(db, {
      kind: 'reply',
      to: other.email,
      subject: 'A reply to your comment',
      text: `Persephone Quill replied: ${secret.reply}`,
      html: 'html',
    });
    await enqueueMail(db, {
      kind: 'reply',
      to: other.email,
      subject: 'Unrelated',
      text: 'Somebody else replied about buses.',
      html: 'html',
    });
    await db.accountNote.create({ data: { userId: persephone.id, authorId: moderator.id, body: secret.noteAbout } });
    await db.authorDigestItem.create({
      data: { authorId: article.authorId, articleId: article.id, commentId: alone.id },
    });
    await db.authorReplyLink.create({
      data: {
        id: crypto.randomUUID(),
        authorId: article.authorId,
        commentId: alone.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    await db.mute.create({ data: { muterId: persephone.id, mutedId: other.id } });
    await db.mute.create({ data: { muterId: other.id, mutedId: persephone.id } });
    // A reply email waiting to tell her of the others' reply, and one telling another reader of her reply.
    await db.replyNotification.create({
      data: { commentId: othersReply.id, userId: persephone.id, kind: 'reply', dueAt: new Date() },
    });
    await db.replyNotification.create({
      data: { commentId: herReply.id, userId: other.id, kind: 'reply', dueAt: new Date() },
    });

    const traces = [
      persephone.email,
      persephone.id,
      'Persephone',
      'Quillfield',
      'marmalade',
      'tramline extension',
      'ombudsman',
      'cucumber',
      secret.ip,
      'key-persephone-1',
      // Her original words before a moderator's redaction, and the note quoting what was removed.
      '01632 960',
    ];
    const found = async () =>
      (await everyRow()).flatMap(({ table, row }) =>
        traces.filter((trace) => row.includes(trace)).map((trace) => `${table}: ${trace}`),
      );
    // The test can fail: before deletion her data is in every kind of table.
    const before = new Set((await found()).map((hit) => hit.split(':')[0]));
    for (const table of [
      'User',
      'Account',
      'Session',
      'VerificationToken',
      'Comment',
      'Reaction',
      'Report',
      'ModerationEvent',
      'OutboxMessage',
      'Appeal',
      'AccountNote',
      'Mute',
      'ReplyNotification',
    ])
      expect(before, table).toContain(table);

    invalidated.length = 0;
    const result = await deleteAccount(persephone.id);
    expect(result).toEqual({ ok: true, removed: 3, tombstoned: 1 });

    expect(await found()).toEqual([]);

    // The tombstone keeps the others' reply in its place; her other comments are gone.
    const tombstone = await db.comment.findUniqueOrThrow({ where: { id: replied.id } });
    expect(tombstone).toMatchObject({ status: 'DELETED', userId: null, body: '', ip: null, reactionCount: 0 });
    expect(await db.comment.findUnique({ where: { id: othersReply.id } })).toMatchObject({
      status: 'PUBLISHED',
      parentId: replied.id,
    });
    for (const gone of [alone, herReply, rejected])
      expect(await db.comment.findUnique({ where: { id: gone.id } })).toBe(null);
    // Counts readers see: her published comments and her reaction no longer count.
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).commentCount).toBe(1);
    expect((await db.article.findUniqueOrThrow({ where: { id: elsewhere.id } })).commentCount).toBe(1);
    expect((await db.comment.findUniqueOrThrow({ where: { id: othersTop.id } })).reactionCount).toBe(0);

    // The moderation record keeps decisions, clauses and dates, unsigned where they were about her.
    const reject = await db.moderationEvent.findFirstOrThrow({ where: { commentId: rejected.id, action: 'reject' } });
    expect(reject).toMatchObject({ clause: 'civility', toStatus: 'REJECTED', note: null, actorId: moderator.id });
    expect(await db.decisionClause.count({ where: { commentId: rejected.id, clause: 'civility' } })).toBe(1);
    const measure = await db.moderationEvent.findFirstOrThrow({ where: { action: 'user-suspend' } });
    expect(measure).toMatchObject({ clause: 'spam', subjectUserId: null, note: null });
    const audit = await db.moderationEvent.findFirstOrThrow({ where: { action: 'account-deleted' } });
    expect(audit).toMatchObject({ actorType: 'reader', actorId: null, subjectUserId: null });
    expect(audit.note).toEqual(expect.stringMatching(/^A reader deleted their account: 3 comments removed, 1 kept/));

    // Everyone else's data stays.
    expect(await db.user.count({ where: { id: { in: [other.id, moderator.id] } } })).toBe(2);
    expect(await db.outboxMessage.count({ where: { subject: 'Unrelated' } })).toBe(1);
    expect(await db.reaction.count({ where: { userId: other.id } })).toBe(0); // it was on her tombstoned comment
    // Signed-out pages of both stories are invalidated.
    expect(invalidated).toEqual(expect.arrayContaining([`/articles/${article.slug}`, `/articles/${elsewhere.slug}`]));

    // A second confirmation finds nothing to delete.
    expect(await deleteAccount(persephone.id)).toMatchObject({ ok: false, reason: 'invalid-link' });
  });

  test('a moderator’s decisions, notes and policy versions stay, signed by no one', async () => {
    const { deleteAccount, deletedAccountId } = await import('@/lib/accounts/delete-account');
    const { recordEvent } = await import('@/lib/comments/audit');
    const staff = await person('Ignatius Staffer', 'MODERATOR');
    const reader = await person('Rhoda Reader');
    const article = await story();
    const decided = await comment({
      articleId: article.id,
      userId: reader.id,
      body: 'Rhoda on the bypass.',
      status: 'REJECTED',
      extra: { rejectClause: 'civility', decidedById: staff.id, decidedAt: new Date() },
    });
    await db.appeal.create({
      data: {
        commentId: decided.id,
        userId: reader.id,
        statement: 'Rhoda appeals.',
        status: 'UPHELD',
        decidedById: staff.id,
        decisionNote: 'Upheld under civility.',
      },
    });
    await recordEvent(db, {
      commentId: decided.id,
      actorType: 'moderator',
      actorId: staff.id,
      action: 'reject',
      fromStatus: 'PENDING',
      toStatus: 'REJECTED',
      clause: 'civility',
      note: 'Insulting another reader.',
    });
    await db.accountNote.create({ data: { userId: reader.id, authorId: staff.id, body: 'Rhoda was warned once.' } });
    await db.policyVersion.create({ data: { settings: '{}', note: 'Tighter link limit.', createdById: staff.id } });

    expect(await deleteAccount(staff.id)).toMatchObject({ ok: true });

    expect((await everyRow()).filter(({ row }) => row.includes(staff.id) || row.includes('Ignatius'))).toEqual([]);
    expect(await db.comment.findUniqueOrThrow({ where: { id: decided.id } })).toMatchObject({
      decidedById: null,
      rejectClause: 'civility',
      body: 'Rhoda on the bypass.',
    });
    expect(await db.appeal.findUniqueOrThrow({ where: { commentId: decided.id } })).toMatchObject({
      decidedById: null,
      decisionNote: 'Upheld under civility.',
    });
    expect(
      await db.moderationEvent.findFirstOrThrow({ where: { commentId: decided.id, action: 'reject' } }),
    ).toMatchObject({ actorId: null, actorType: 'moderator', note: 'Insulting another reader.' });
    expect(await db.accountNote.findFirstOrThrow({ where: { userId: reader.id } })).toMatchObject({
      authorId: deletedAccountId,
      body: 'Rhoda was warned once.',
    });
    expect(await db.policyVersion.findFirstOrThrow({ where: { note: 'Tighter link limit.' } })).toMatchObject({
      createdById: null,
    });
    const audit = await db.moderationEvent.findFirstOrThrow({
      where: { action: 'account-deleted', actorType: 'moderator' },
    });
    expect(audit.note).toEqual(expect.stringMatching(/^A moderator deleted their account/));
  });

  test('the last administrator cannot delete their account; one of two can', async () => {
    const { deleteAccount, readAccountDeletionLink } = await import('@/lib/accounts/delete-account');
    const { signAccountDeletionToken } = await import('@/lib/email-links/token');
    const { env } = await import('@/lib/env');
    await db.user.updateMany({ where: { role: 'ADMIN' }, data: { role: 'READER' } });
    const only = await person('Ada Only', 'ADMIN');
    const refused = await deleteAccount(only.id);
    expect(refused).toMatchObject({ ok: false, reason: 'blocked' });
    expect(await db.user.count({ where: { id: only.id } })).toBe(1);
    const token = signAccountDeletionToken(
      { userId: only.id, expiresAt: new Date(Date.now() + 3_600_000) },
      env().authSecret,
    );
    expect((await readAccountDeletionLink(token))?.blocked).toEqual(expect.stringMatching(/only administrator/));
    const second = await person('Bea Second', 'ADMIN');
    expect(await deleteAccount(only.id)).toMatchObject({ ok: true });
    expect(await deleteAccount(second.id)).toMatchObject({ ok: false, reason: 'blocked' });
  });

  test('the emailed link: signed, for one account, expiring; opening it changes nothing', async () => {
    const { confirmAccountDeletion, readAccountDeletionLink, requestAccountDeletion } =
      await import('@/lib/accounts/delete-account');
    const { signAccountDeletionToken } = await import('@/lib/email-links/token');
    const { env } = await import('@/lib/env');
    const reader = await person('Linus Link');
    expect(await requestAccountDeletion(reader)).toMatchObject({ ok: true });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: reader.email, kind: 'account-deletion' } });
    const token = /\/delete-account\/([A-Za-z0-9_.-]+)/.exec(mail.text)?.[1];
    expect(token).toEqual(expect.stringMatching(/\./));
    expect(await readAccountDeletionLink(token!)).toMatchObject({ id: reader.id, blocked: null });
    expect(await db.user.count({ where: { id: reader.id } })).toBe(1);
    // A tampered or expired link deletes nothing.
    expect(await confirmAccountDeletion(`${token}x`)).toMatchObject({ ok: false, reason: 'invalid-link' });
    const expired = signAccountDeletionToken(
      { userId: reader.id, expiresAt: new Date(Date.now() - 1000) },
      env().authSecret,
    );
    expect(await confirmAccountDeletion(expired)).toMatchObject({ ok: false, reason: 'invalid-link' });
    expect(await readAccountDeletionLink(expired)).toBe(null);
    expect(await db.user.count({ where: { id: reader.id } })).toBe(1);
    expect(await confirmAccountDeletion(token!)).toMatchObject({ ok: true });
    expect(await db.user.count({ where: { id: reader.id } })).toBe(0);
    expect(await readAccountDeletionLink(token!)).toBe(null);
  });
});
