// The moderation queues, with keyset pagination: the last page of 100,000 items costs what the first does.
// Each cursor condition is written as "key >= c AND (key > c OR id > cid)", which the (status, key) index
// serves as a range scan on both SQLite and PostgreSQL (see BENCHMARKS.md for the plans).
import { db, type Prisma } from '../db';
import { containsText } from '../database/contains';
import { id } from '../validation/fields';

/** Unmoderated: published automatically and not yet seen by a moderator (no human decision), newest first. */
export const queueNames = ['pending', 'reported', 'unmoderated', 'appeals', 'approved', 'rejected'] as const;
export type QueueName = (typeof queueNames)[number];
export const pageSize = 50;

/**
 * Filters that combine (all must hold). `author`: part of a commenter's display name or email, any case. `ruleId`,
 * `clause`: a rule that held the comment, or a clause it was held, reported or rejected under (ids checked by the
 * caller, lib/validation/moderation.ts). `minReports`: at least this many readers' reports.
 */
export type QueueFilter = {
  articleId?: string;
  authorId?: string;
  author?: string;
  /** `author` resolved to the accounts it names, when they are few (narrowed below). */
  authorIds?: string[];
  ruleId?: string;
  clause?: string;
  minReports?: number;
  q?: string;
};

/**
 * Orders a moderator can choose for the triage queues (`?order=`). Priority (lib/moderation/triage.ts) is the
 * default; the others queue strictly by age.
 */
export const queueOrders = ['priority', 'oldest', 'newest'] as const;
export type QueueOrder = (typeof queueOrders)[number];
export const triageQueues: ReadonlySet<QueueName> = new Set<QueueName>(['pending', 'reported']);
/** The queues that can grow without bound get a text search (Pending, Reported and Appeals stay short). */
export const textSearchable: ReadonlySet<QueueName> = new Set<QueueName>(['unmoderated', 'approved', 'rejected']);

type Cursor = { key: string; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}
export function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    // A cursor comes from the URL: only the shapes this module writes (a date or a count, and an id).
    const cursorId = id.safeParse(parsed.id);
    // (A priority key may be empty: a comment written before its key existed.)
    const valid = typeof parsed.key === 'string' && /^[\w.:+-]{0,40}$/.test(parsed.key) && cursorId.success;
    return valid ? { key: parsed.key, id: cursorId.data } : null;
  } catch {
    return null;
  }
}

function filterWhere(filter: QueueFilter): Prisma.CommentWhereInput {
  // One AND list, so no filter collides with a queue's own condition on the same column (reportCount) or with the
  // cursor's OR.
  const all: Prisma.CommentWhereInput[] = [];
  if (filter.articleId) all.push({ articleId: filter.articleId });
  if (filter.authorId) all.push({ userId: filter.authorId });
  if (filter.authorIds) all.push({ userId: { in: filter.authorIds } });
  if (filter.author)
    all.push({ user: { OR: [{ email: containsText(filter.author) }, { displayName: containsText(filter.author) }] } });
  // Reasons are stored as JSON.stringify writes them: `"ruleId":"personal-info"`, no spaces.
  if (filter.ruleId) all.push({ reasons: { contains: `"ruleId":"${filter.ruleId}"` } });
  if (filter.clause)
    all.push({
      OR: [
        { reasons: { contains: `"clause":"${filter.clause}"` } },
        { reports: { some: { clause: filter.clause } } },
        { rejectClause: filter.clause },
      ],
    });
  if (filter.minReports) all.push({ reportCount: { gte: filter.minReports } });
  if (filter.q) all.push({ body: { contains: filter.q } });
  return all.length ? { AND: all } : {};
}

/** A commenter filter that names few accounts becomes their ids, so a queue is read through the (userId, status,
 *  triageKey) index, one range per account, instead of walking the whole queue to find a rare commenter's comments.
 *  One that names many accounts stays a subquery: their comments are dense in the queue, found as fast that way. */
const fewAccounts = 100;
export async function narrowFilter(filter: QueueFilter): Promise<QueueFilter> {
  if (!filter.author) return filter;
  const accounts = await db.user.findMany({
    where: { OR: [{ email: containsText(filter.author) }, { displayName: containsText(filter.author) }] },
    select: { id: true },
    take: fewAccounts + 1,
  });
  if (accounts.length > fewAccounts) return filter;
  return { ...filter, author: undefined, authorIds: accounts.map((account) => account.id) };
}

export function queueWhere(queue: QueueName, filter: QueueFilter): Prisma.CommentWhereInput {
  const base = filterWhere(filter);
  switch (queue) {
    case 'pending':
      return { ...base, status: 'PENDING' };
    case 'reported':
      return { ...base, status: 'PUBLISHED', reportCount: { gt: 0 } };
    case 'appeals':
      // Rejections, and published comments a moderator removed part of (lib/moderation/redact.ts).
      return { ...base, status: { in: ['REJECTED', 'PUBLISHED'] }, appeal: { is: { status: 'OPEN' } } };
    case 'unmoderated':
      return { ...base, status: 'PUBLISHED', decidedById: null };
    case 'approved':
      return { ...base, status: 'PUBLISHED', decidedById: { not: null } };
    case 'rejected':
      return { ...base, status: 'REJECTED' };
  }
}

/**
 * Returns one page of comment ids in queue order, and the cursor of the next page. `order` applies to the triage
 * queues (Pending, Reported), whose default is priority; the other queues have one order each.
 */
export async function pageQueue(
  queue: QueueName,
  filter: QueueFilter,
  after: string | undefined,
  take = pageSize,
  order: QueueOrder = 'priority',
) {
  const cursor = decodeCursor(after);
  const where = queueWhere(queue, await narrowFilter(filter));
  const chosen = triageQueues.has(queue) ? order : null;
  let rows: { id: string; key: string }[];
  if (chosen === 'priority') {
    // Most urgent, most reported, oldest first: one descending key, served by the (status, triageKey, id) index.
    const found = await db.comment.findMany({
      where: {
        ...where,
        ...(cursor
          ? { triageKey: { lte: cursor.key }, OR: [{ triageKey: { lt: cursor.key } }, { id: { lt: cursor.id } }] }
          : {}),
      },
      select: { id: true, triageKey: true },
      orderBy: [{ triageKey: 'desc' }, { id: 'desc' }],
      take: take + 1,
    });
    rows = found.map((row) => ({ id: row.id, key: row.triageKey }));
  } else if (chosen === 'oldest' || queue === 'appeals') {
    // Oldest first.
    const at = cursor && !Number.isNaN(Date.parse(cursor.key)) ? new Date(cursor.key) : null;
    const found = await db.comment.findMany({
      where: {
        ...where,
        ...(at ? { createdAt: { gte: at }, OR: [{ createdAt: { gt: at } }, { id: { gt: cursor!.id } }] } : {}),
      },
      select: { id: true, createdAt: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: take + 1,
    });
    rows = found.map((row) => ({ id: row.id, key: row.createdAt.toISOString() }));
  } else if (chosen === 'newest' || queue === 'unmoderated') {
    // Newest first (Unmoderated: what readers are seeing now, unchecked).
    const at = cursor && !Number.isNaN(Date.parse(cursor.key)) ? new Date(cursor.key) : null;
    const found = await db.comment.findMany({
      where: {
        ...where,
        ...(at ? { createdAt: { lte: at }, OR: [{ createdAt: { lt: at } }, { id: { lt: cursor!.id } }] } : {}),
      },
      select: { id: true, createdAt: true },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: take + 1,
    });
    rows = found.map((row) => ({ id: row.id, key: row.createdAt.toISOString() }));
  } else {
    // Most recent decisions first.
    const at = cursor && !Number.isNaN(Date.parse(cursor.key)) ? new Date(cursor.key) : null;
    const found = await db.comment.findMany({
      where: {
        ...where,
        ...(at ? { decidedAt: { lte: at }, OR: [{ decidedAt: { lt: at } }, { id: { lt: cursor!.id } }] } : {}),
      },
      select: { id: true, decidedAt: true },
      orderBy: [{ decidedAt: 'desc' }, { id: 'desc' }],
      take: take + 1,
    });
    rows = found.map((row) => ({ id: row.id, key: (row.decidedAt ?? new Date(0)).toISOString() }));
  }
  const hasMore = rows.length > take;
  const page = rows.slice(0, take);
  const last = page.at(-1);
  return { ids: page.map((row) => row.id), next: hasMore && last ? encodeCursor(last) : null };
}

/** When the oldest item still waiting in each queue that waits for a moderator arrived (null: none waits). */
export async function oldestWaiting(given: QueueFilter): Promise<Partial<Record<QueueName, Date | null>>> {
  const filter = await narrowFilter(given);
  const waiting = ['pending', 'reported', 'appeals'] as const;
  // MIN rather than ORDER BY … LIMIT 1: the planner may then use each queue's own index (Reported's is on the report
  // count) instead of walking every published comment by date.
  const found = await Promise.all(
    waiting.map((name) => db.comment.aggregate({ where: queueWhere(name, filter), _min: { createdAt: true } })),
  );
  return Object.fromEntries(waiting.map((name, i) => [name, found[i]?._min.createdAt ?? null]));
}

/** Appeals of measures on accounts (issue 16) wait in the Appeals tab above the comments' appeals. The filters are
 *  about comments (story, rule, clause, reports, text, commenter), so a filtered tab shows and counts none of them. */
export const showsMeasureAppeals = (filter: QueueFilter) =>
  !Object.values(filter).some((value) => value !== undefined && value !== '');

export async function queueCounts(given: QueueFilter): Promise<Record<QueueName, number>> {
  const filter = await narrowFilter(given);
  const entries = await Promise.all(
    queueNames.map(async (name) => [name, await db.comment.count({ where: queueWhere(name, filter) })] as const),
  );
  const counts = Object.fromEntries(entries) as Record<QueueName, number>;
  if (showsMeasureAppeals(given))
    counts.appeals += await db.appeal.count({ where: { status: 'OPEN', measureEventId: { not: null } } });
  return counts;
}

// ── All: a search over every comment, whatever its status (issue 16), beside the queues rather than one of them:
// nothing waits in it, so it has no count and no age, and it is searched by text as well as by the filters.

export const allComments = 'all' as const;

/** One page of every comment matching the filter, newest first, and the cursor of the next page. */
export async function pageAll(given: QueueFilter, after: string | undefined, take = pageSize) {
  const filter = await narrowFilter(given);
  const cursor = decodeCursor(after);
  const at = cursor && !Number.isNaN(Date.parse(cursor.key)) ? new Date(cursor.key) : null;
  const found = await db.comment.findMany({
    where: {
      ...filterWhere(filter),
      ...(at ? { createdAt: { lte: at }, OR: [{ createdAt: { lt: at } }, { id: { lt: cursor!.id } }] } : {}),
    },
    select: { id: true, createdAt: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: take + 1,
  });
  const page = found.slice(0, take);
  const last = page.at(-1);
  return {
    ids: page.map((row) => row.id),
    next: found.length > take && last ? encodeCursor({ key: last.createdAt.toISOString(), id: last.id }) : null,
  };
}
