// Issue 20: the queries one post costs, counted against a real SQLite database, so the write path cannot grow
// a query unnoticed. Each bound is today's count; lower it when a change saves a query (the failure message
// lists them all).
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/lib/db';
import { viewerSelect, type Viewer } from '@/lib/auth/permissions';
import { useTempDatabase } from '../../support/temp-db';

vi.setConfig({ testTimeout: 30_000 });

let db: Db;
let articleId: string;
let submitComment: typeof import('@/lib/comments/submit-comment').submitComment;
const queries: string[] = [];

beforeAll(async () => {
  // lib/db emits every query as an event only when this is set before its first import.
  process.env.DATABASE_QUERY_EVENTS = '1';
  db = await useTempDatabase();
  (db as unknown as { $on(event: 'query', listener: (e: { query: string }) => void): void }).$on('query', (e) =>
    queries.push(e.query.replace(/\s+/g, ' ').slice(0, 160)),
  );
  ({ submitComment } = await import('@/lib/comments/submit-comment'));
  const author = await db.author.create({
    data: { email: 'desk@ledger.test', name: 'Desk', slug: 'desk', notifyOnComments: false },
  });
  articleId = (
    await db.article.create({
      data: {
        slug: 'queries',
        headline: 'Queries',
        body: 'A paragraph.',
        publishedAt: new Date(),
        authorId: author.id,
      },
    })
  ).id;
}, 60_000);

let counter = 0;
/** A year-old account with published comments (not held as a newcomer). */
async function trustedReader(): Promise<Viewer> {
  const n = counter++;
  const viewer = await db.user.create({
    data: {
      email: `reader${n}@readers.test`,
      displayName: `Reader ${n}`,
      role: 'READER',
      createdAt: new Date(Date.now() - 365 * 86_400_000),
    },
    select: viewerSelect,
  });
  for (let k = 0; k < 5; k++) {
    const id = crypto.randomUUID();
    await db.comment.create({
      data: {
        id,
        threadId: id,
        articleId,
        userId: viewer.id,
        body: `Earlier comment ${n}-${k}`,
        status: 'PUBLISHED',
        reasons: '[]',
        createdAt: new Date(Date.now() - 40 * 86_400_000),
      },
    });
  }
  return viewer;
}

/** The queries `run` sends, with its result. */
async function counted<T>(run: () => Promise<T>): Promise<{ result: T; sent: string[] }> {
  queries.length = 0;
  const result = await run();
  return { result, sent: [...queries] };
}

describe('queries per post', () => {
  test('a published top-level comment, a reply, and a retried submit', async () => {
    const reader = await trustedReader();
    // The first post of the process also loads the policy in force: not counted.
    await submitComment({ viewer: reader, articleId, body: 'Warming up the policy cache.', idempotencyKey: 'warm' });

    const post = await counted(() =>
      submitComment({
        viewer: reader,
        articleId,
        body: 'The council should publish the full survey before the vote.',
        idempotencyKey: 'first',
      }),
    );
    expect(post.result).toMatchObject({ ok: true, status: 'PUBLISHED' });
    // The idempotency check, the story and its author's notification setting, the writer's conduct (2), the
    // recent comments (2), and the transaction (begin, insert, count, audit entry, commit). The emails read
    // nothing inside the transaction: the post hands them what it already has (17 queries before that).
    expect(post.sent.length, post.sent.join('\n')).toBeLessThanOrEqual(11);

    const other = await trustedReader();
    const parentId = (post.result as { commentId: string }).commentId;
    const reply = await counted(() =>
      submitComment({
        viewer: other,
        articleId,
        parentId,
        body: 'Agreed, and the minutes of the planning meeting too.',
        idempotencyKey: 'reply',
      }),
    );
    expect(reply.result).toMatchObject({ ok: true, status: 'PUBLISHED' });
    // A reply also reads its parent and its writer's email preferences, and queues their notification (19 before).
    expect(reply.sent.length, reply.sent.join('\n')).toBeLessThanOrEqual(14);

    // A retried submit (same idempotency key) answers from the first comment.
    const retried = await counted(() =>
      submitComment({
        viewer: reader,
        articleId,
        body: 'The council should publish the full survey before the vote.',
        idempotencyKey: 'first',
      }),
    );
    expect(retried.result).toMatchObject({ ok: true, duplicate: true });
    expect(retried.sent.length, retried.sent.join('\n')).toBeLessThanOrEqual(2);
  });
});
