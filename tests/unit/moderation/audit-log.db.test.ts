// The audit log's filters (issue 16) against a real SQLite database: by person (part of a name or email, any
// case), action, clause (first or any cited), story, date range and note; they combine.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '@/lib/db';
import { readAuditQuery } from '@/lib/validation/moderation';
import { useTempDatabase } from '../../support/temp-db';

let db: Db;
let list: typeof import('@/lib/data/audit-log').listAuditEntries;
const ids = { moira: '', oscar: '', story1: '', story2: '', c1: '', c2: '' };

beforeAll(async () => {
  db = await useTempDatabase();
  ({ listAuditEntries: list } = await import('@/lib/data/audit-log'));
  const author = await db.author.create({ data: { email: 'a@ledger.test', name: 'A Writer', slug: 'a-writer' } });
  const story = (slug: string) =>
    db.article.create({ data: { slug, headline: slug, body: 'x', publishedAt: new Date(), authorId: author.id } });
  ids.story1 = (await story('harbour')).id;
  ids.story2 = (await story('bypass')).id;
  ids.moira = (
    await db.user.create({ data: { email: 'moira@desk.test', displayName: 'Moira Quinn', role: 'MODERATOR' } })
  ).id;
  ids.oscar = (
    await db.user.create({ data: { email: 'oscar@desk.test', displayName: 'Oscar Bell', role: 'MODERATOR' } })
  ).id;
  const comment = async (articleId: string) =>
    (await db.comment.create({ data: { id: crypto.randomUUID(), articleId, body: 'x', status: 'PUBLISHED' } })).id;
  ids.c1 = await comment(ids.story1);
  ids.c2 = await comment(ids.story2);
  const event = (data: Record<string, unknown>, at: string, cited: string[] = []) =>
    db.moderationEvent.create({
      data: {
        actorType: 'moderator',
        fromStatus: 'PENDING',
        toStatus: 'REJECTED',
        createdAt: new Date(at),
        action: 'reject',
        ...data,
        clauses: {
          create: cited.map((clause) => ({
            clause,
            commentId: data.commentId as string,
            actorType: 'moderator',
            action: 'reject',
            createdAt: new Date(at),
          })),
        },
      },
    });
  await event({ actorId: ids.moira, commentId: ids.c1, clause: 'civility' }, '2026-11-01T10:00:00Z', ['civility']);
  await event({ actorId: ids.oscar, commentId: ids.c2, clause: 'privacy' }, '2026-11-02T10:00:00Z', [
    'privacy',
    'civility',
  ]);
  await event(
    { actorId: ids.moira, commentId: ids.c2, action: 'approve', toStatus: 'PUBLISHED' },
    '2026-11-03T23:59:59Z',
  );
  await event(
    { actorType: 'reader', actorId: ids.oscar, commentId: null, action: 'user-rename', note: 'Oz → Oscar Bell' },
    '2026-11-04T08:00:00Z',
  );
}, 60_000);

const query = (search: string) => readAuditQuery(new URLSearchParams(search)).filter;
const actions = async (search: string) =>
  (await list(query(search))).entries.map((e) => `${e.action}@${e.createdAt.toISOString().slice(5, 10)}`);

describe('audit log filters', () => {
  test('by person: part of a display name or email, in any case', async () => {
    expect(await actions('person=moira')).toEqual(['approve@11-03', 'reject@11-01']);
    expect(await actions('person=QUINN')).toEqual(['approve@11-03', 'reject@11-01']);
    expect(await actions('person=oscar@desk')).toEqual(['user-rename@11-04', 'reject@11-02']);
    expect(await actions('person=nobody')).toEqual([]);
  });

  test('by action, and by clause whether cited first or not', async () => {
    expect(await actions('action=approve')).toEqual(['approve@11-03']);
    expect(await actions('clause=civility')).toEqual(['reject@11-02', 'reject@11-01']);
    expect(await actions('clause=privacy')).toEqual(['reject@11-02']);
  });

  test('by story, by one comment, and by note text', async () => {
    expect(await actions(`story=${ids.story2}`)).toEqual(['approve@11-03', 'reject@11-02']);
    expect(await actions(`comment=${ids.c1}`)).toEqual(['reject@11-01']);
    expect(await actions('q=oz →')).toEqual(['user-rename@11-04']);
  });

  test('a date range counts whole days (UTC), the last one included; filters combine', async () => {
    expect(await actions('from=2026-11-02&to=2026-11-03')).toEqual(['approve@11-03', 'reject@11-02']);
    expect(await actions('to=2026-11-01')).toEqual(['reject@11-01']);
    expect(await actions('person=moira&from=2026-11-02')).toEqual(['approve@11-03']);
    expect(await actions(`person=oscar&story=${ids.story1}`)).toEqual([]);
  });

  test('filters that do not parse are dropped, not errors', async () => {
    expect(query('from=yesterday&story=%00bad&to=2026-13-45')).toMatchObject({ from: undefined, articleId: undefined });
    expect(await actions('from=yesterday')).toHaveLength(4);
  });

  test('each entry comes with its comment’s story', async () => {
    const { entries, stories } = await list(query(`comment=${ids.c1}`));
    expect(stories.get(entries[0]!.commentId!)).toEqual({ slug: 'harbour', headline: 'harbour' });
  });
});
