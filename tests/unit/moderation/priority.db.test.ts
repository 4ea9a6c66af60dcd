// Pending's priority order (issue 16) against a real SQLite database: the most urgent clause first (threats, hate and
// personal information before a first comment held for a look), then reports, then age; paged by a cursor that
// never repeats or skips one; "oldest first" and "newest first" stay available.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '@/lib/db';
import { triageKey } from '@/lib/moderation/triage';
import { urgencyOf } from '@/lib/policy/clauses';
import { useTempDatabase } from '../../support/temp-db';

let db: Db;
let queues: typeof import('@/lib/moderation/queues');
let triage: typeof import('@/lib/moderation/triage');

beforeAll(async () => {
  db = await useTempDatabase();
  queues = await import('@/lib/moderation/queues');
  triage = await import('@/lib/moderation/triage');
}, 60_000);

const reason = (clause: string) => ({ ruleId: 'x', outcome: 'hold', clause, message: '', evidence: [] });

describe('the triage key', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 9, minute));
  const key = (clauses: string[], minute: number, reportCount = 0, status = 'PENDING') =>
    triageKey({ status, reasonClauses: clauses, reportClauses: [], reportCount, createdAt: at(minute) });

  test('urgency comes from the clauses: threats and privacy above civility above routine holds', () => {
    expect(urgencyOf(['moderation'])).toBe(0);
    expect(urgencyOf(['moderation', 'privacy'])).toBe(3);
    expect(urgencyOf(['hate-and-threats'])).toBe(3);
    expect(urgencyOf(['civility'])).toBeGreaterThan(urgencyOf(['spam']));
    expect(urgencyOf([])).toBe(0);
  });

  test('descending keys put urgency, then reports, then age first', () => {
    const sorted = [
      key(['moderation'], 1),
      key(['hate-and-threats'], 50),
      key(['moderation'], 0),
      key(['moderation'], 30, 2),
    ].sort((a, b) => b.localeCompare(a));
    expect(sorted).toEqual([
      key(['hate-and-threats'], 50),
      key(['moderation'], 30, 2),
      key(['moderation'], 0),
      key(['moderation'], 1),
    ]);
  });

  test('a comment in neither triage queue has no key', () => {
    expect(key(['hate-and-threats'], 1, 0, 'PUBLISHED')).toBe('');
    expect(key(['hate-and-threats'], 1, 0, 'REJECTED')).toBe('');
    expect(key([], 1, 1, 'PUBLISHED')).not.toBe('');
  });
});

describe('the Pending queue in priority order', () => {
  test('a threat before older first-comment holds, across pages, and a report lifts a published comment', async () => {
    const author = await db.author.create({ data: { email: 'p@ledger.test', name: 'P Writer', slug: 'p-writer' } });
    const article = await db.article.create({
      data: { slug: 'priority', headline: 'Priority', body: 'x', publishedAt: new Date(), authorId: author.id },
    });
    const reader = await db.user.create({ data: { email: 'reader@p.test' } });
    const base = Date.UTC(2026, 10, 27, 9);
    const make = async (i: number, clause: string, status: 'PENDING' | 'PUBLISHED' = 'PENDING') => {
      const id = `p${String(i).padStart(3, '0')}`;
      await db.comment.create({
        data: {
          id,
          articleId: article.id,
          body: `comment ${i}`,
          status,
          reasons: JSON.stringify([reason(clause)]),
          createdAt: new Date(base + i * 60_000),
        },
      });
      await db.$transaction((tx) => triage.refreshTriageKey(tx, id));
      return id;
    };
    for (let i = 0; i < 5; i++) await make(i, 'moderation');
    await make(5, 'hate-and-threats');
    await make(6, 'civility');
    await make(7, 'privacy');

    const walk = async (order: 'priority' | 'oldest' | 'newest', queue: 'pending' | 'reported' = 'pending') => {
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await queues.pageQueue(queue, { articleId: article.id }, after, 3, order);
        seen.push(...page.ids);
        after = page.next ?? undefined;
      } while (after);
      return seen;
    };
    expect(await walk('priority')).toEqual(['p005', 'p007', 'p006', 'p000', 'p001', 'p002', 'p003', 'p004']);
    expect(await walk('oldest')).toEqual(['p000', 'p001', 'p002', 'p003', 'p004', 'p005', 'p006', 'p007']);
    expect(await walk('newest')).toEqual(['p007', 'p006', 'p005', 'p004', 'p003', 'p002', 'p001', 'p000']);

    // Reported: a report citing a threat outranks two reports citing spam.
    const spam = await make(10, 'moderation', 'PUBLISHED');
    const threat = await make(11, 'moderation', 'PUBLISHED');
    const other = await db.user.create({ data: { email: 'other@p.test' } });
    for (const [commentId, userId, clause] of [
      [spam, reader.id, 'spam'],
      [spam, other.id, 'spam'],
      [threat, reader.id, 'hate-and-threats'],
    ] as const) {
      await db.report.create({ data: { commentId, userId, clause, note: '' } });
      await db.comment.update({ where: { id: commentId }, data: { reportCount: { increment: 1 } } });
      await db.$transaction((tx) => triage.refreshTriageKey(tx, commentId));
    }
    expect(await walk('priority', 'reported')).toEqual([threat, spam]);

    const oldest = await queues.oldestWaiting({ articleId: article.id });
    expect(oldest.pending?.toISOString()).toBe(new Date(base).toISOString());
    expect(oldest.reported?.toISOString()).toBe(new Date(base + 10 * 60_000).toISOString());
  });
});
