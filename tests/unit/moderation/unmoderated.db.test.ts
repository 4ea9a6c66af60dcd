// The Unmoderated queue (issue 16) against a real SQLite database: published comments no moderator has decided,
// newest first, paged by a cursor that never repeats or skips one; a moderator's decision takes a comment out.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '@/lib/db';
import { useTempDatabase } from '../../support/temp-db';

let db: Db;
let queues: typeof import('@/lib/moderation/queues');

beforeAll(async () => {
  db = await useTempDatabase();
  queues = await import('@/lib/moderation/queues');
}, 60_000);

describe('the Unmoderated queue', () => {
  test('newest first across pages; decided, held and rejected comments are not in it', async () => {
    const author = await db.author.create({ data: { email: 'u@ledger.test', name: 'U Writer', slug: 'u-writer' } });
    const article = await db.article.create({
      data: { slug: 'quay', headline: 'Quay', body: 'x', publishedAt: new Date(), authorId: author.id },
    });
    const moderator = await db.user.create({ data: { email: 'mod@desk.test', role: 'MODERATOR' } });
    const base = Date.UTC(2026, 10, 27, 9);
    const make = (i: number, data: Record<string, unknown> = {}) =>
      db.comment.create({
        data: {
          id: `c${String(i).padStart(3, '0')}`,
          articleId: article.id,
          body: `comment ${i}`,
          status: 'PUBLISHED',
          // Two comments share each minute: the cursor must order by id within the same time.
          createdAt: new Date(base + Math.floor(i / 2) * 60_000),
          ...data,
        },
      });
    for (let i = 0; i < 7; i++) await make(i);
    await make(7, { decidedById: moderator.id, decidedAt: new Date() });
    await make(8, { status: 'PENDING' });
    await make(9, { status: 'REJECTED' });

    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await queues.pageQueue('unmoderated', { articleId: article.id }, after, 3);
      seen.push(...page.ids);
      after = page.next ?? undefined;
    } while (after);
    expect(seen).toEqual(['c006', 'c005', 'c004', 'c003', 'c002', 'c001', 'c000']);
    expect((await queues.queueCounts({ articleId: article.id })).unmoderated).toBe(7);
  });
});
