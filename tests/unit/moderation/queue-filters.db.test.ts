// The console's queue filters (issue 16) against a real SQLite database: by rule, by clause (held, reported or
// rejected under it), by commenter (part of a name or email, any case), by minimum reports; they combine, and the
// URL parser drops what is not a filter.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '@/lib/db';
import { readQueueFilter } from '@/lib/validation/moderation';
import { useTempDatabase } from '../../support/temp-db';

let db: Db;
let queues: typeof import('@/lib/moderation/queues');

beforeAll(async () => {
  db = await useTempDatabase();
  queues = await import('@/lib/moderation/queues');
}, 60_000);

const reasons = (...hits: [string, string][]) =>
  JSON.stringify(hits.map(([ruleId, clause]) => ({ ruleId, outcome: 'hold', clause, message: '', evidence: [] })));

describe('queue filters', () => {
  test('each filter narrows, and they combine', async () => {
    const author = await db.author.create({ data: { email: 'f@ledger.test', name: 'F Writer', slug: 'f-writer' } });
    const article = await db.article.create({
      data: { slug: 'filters', headline: 'Filters', body: 'x', publishedAt: new Date(), authorId: author.id },
    });
    const ada = await db.user.create({ data: { email: 'ada.lovelace@example.test', displayName: 'Ada L' } });
    const bob = await db.user.create({ data: { email: 'bob@example.test', displayName: 'Bobby Tables' } });
    const comment = (
      id: string,
      userId: string,
      status: 'PENDING' | 'PUBLISHED' | 'REJECTED',
      data: Record<string, unknown>,
    ) => db.comment.create({ data: { id, articleId: article.id, userId, body: id, status, ...data } });
    await comment('ada-phone', ada.id, 'PENDING', { reasons: reasons(['personal-info', 'privacy']) });
    await comment('ada-new', ada.id, 'PENDING', { reasons: reasons(['new-commenter', 'moderation']) });
    await comment('bob-threat', bob.id, 'PENDING', {
      reasons: reasons(['threat-phrases', 'hate-and-threats'], ['new-commenter', 'moderation']),
    });
    await comment('bob-reported', bob.id, 'PUBLISHED', { reportCount: 3 });
    await db.report.create({ data: { commentId: 'bob-reported', userId: ada.id, clause: 'privacy', note: '' } });
    await comment('ada-reported', ada.id, 'PUBLISHED', { reportCount: 1 });

    const ids = async (queue: 'pending' | 'reported', filter: Record<string, unknown>) =>
      (await queues.pageQueue(queue, { articleId: article.id, ...filter }, undefined, 50, 'oldest')).ids.sort();

    expect(await ids('pending', { author: 'LOVELACE' })).toEqual(['ada-new', 'ada-phone']);
    expect(await ids('pending', { author: 'bobby t' })).toEqual(['bob-threat']);
    expect(await ids('pending', { ruleId: 'new-commenter' })).toEqual(['ada-new', 'bob-threat']);
    expect(await ids('pending', { clause: 'privacy' })).toEqual(['ada-phone']);
    expect(await ids('pending', { ruleId: 'new-commenter', author: 'ada' })).toEqual(['ada-new']);
    expect(await ids('reported', { minReports: 2 })).toEqual(['bob-reported']);
    // A report's clause counts as the comment's clause.
    expect(await ids('reported', { clause: 'privacy' })).toEqual(['bob-reported']);
    expect(await ids('reported', { clause: 'privacy', author: 'ada' })).toEqual([]);
    expect((await queues.queueCounts({ articleId: article.id, author: 'bob' })).pending).toBe(1);

    // All: every status, newest first, paged without repeats.
    await comment('ada-rejected', ada.id, 'REJECTED', { rejectClause: 'privacy' });
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await queues.pageAll({ articleId: article.id, author: 'ada' }, after, 2);
      seen.push(...page.ids);
      after = page.next ?? undefined;
    } while (after);
    expect(seen.sort()).toEqual(['ada-new', 'ada-phone', 'ada-rejected', 'ada-reported']);
    expect((await queues.pageAll({ articleId: article.id, q: 'rejected', clause: 'privacy' }, undefined)).ids).toEqual([
      'ada-rejected',
    ]);
  });

  test('the URL parser keeps filters and drops what is not one', () => {
    const params = new URLSearchParams({
      article: 'not an id!',
      author: '  Ada  ',
      rule: 'personal-info',
      clause: 'privacy',
      reports: '2',
    });
    expect(readQueueFilter((name) => params.get(name))).toEqual({
      articleId: undefined,
      author: 'Ada',
      ruleId: 'personal-info',
      clause: 'privacy',
      minReports: 2,
      q: undefined,
    });
    const bad = new URLSearchParams({ rule: 'no-such-rule', clause: 'nothing', reports: '-1' });
    expect(readQueueFilter((name) => bad.get(name))).toEqual({
      articleId: undefined,
      author: undefined,
      ruleId: undefined,
      clause: undefined,
      minReports: undefined,
      q: undefined,
    });
  });

  test('a commenter filter naming few accounts becomes their ids (an index range each); one naming many stays a search', async () => {
    const few = await db.user.create({ data: { email: 'narrow-one@example.test', displayName: 'Narrow One' } });
    expect(await queues.narrowFilter({ author: 'NARROW-ONE', ruleId: 'links' })).toEqual({
      author: undefined,
      authorIds: [few.id],
      ruleId: 'links',
    });
    expect(await queues.narrowFilter({ author: 'nobody-by-this-name' })).toEqual({ author: undefined, authorIds: [] });
    await db.user.createMany({
      data: Array.from({ length: 101 }, (_, i) => ({ email: `crowd-${i}@many.test`, displayName: `Crowd ${i}` })),
    });
    expect(await queues.narrowFilter({ author: 'many.test' })).toEqual({ author: 'many.test' });
    // Either way the queue finds the same comments.
    const author = await db.author.create({ data: { email: 'n@ledger.test', name: 'N Writer', slug: 'n-writer' } });
    const article = await db.article.create({
      data: { slug: 'narrow', headline: 'Narrow', body: 'x', publishedAt: new Date(), authorId: author.id },
    });
    const crowd = await db.user.findFirstOrThrow({ where: { email: 'crowd-7@many.test' } });
    await db.comment.create({
      data: { id: 'narrow-few', articleId: article.id, userId: few.id, body: 'a', status: 'PENDING' },
    });
    await db.comment.create({
      data: { id: 'narrow-many', articleId: article.id, userId: crowd.id, body: 'b', status: 'PENDING' },
    });
    const ids = async (author: string) =>
      (await queues.pageQueue('pending', { articleId: article.id, author }, undefined)).ids;
    expect(await ids('narrow-one')).toEqual(['narrow-few']);
    expect(await ids('many.test')).toEqual(['narrow-many']);
    expect((await queues.queueCounts({ articleId: article.id, author: 'narrow-one' })).pending).toBe(1);
  });
});
