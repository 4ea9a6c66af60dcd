// Query plans of the hot queries, on SQLite and PostgreSQL, with the exact SQL Prisma sends: lib/db's client emits
// its queries as events (DATABASE_QUERY_EVENTS=1, set before it is first imported), the app's own functions run
// (listThreads for a signed-out reader, pageQueue('pending'), submitComment), and every SELECT they issued is
// EXPLAINed. The database holds 101,000 comments: the 1,000-comment discussion plus 100 other stories with
// 1,000 comments each (5 % pending), ANALYZEd.
//   npx tsx --conditions=react-server bench/explain.ts [--db sqlite|postgres] [--quick] [--json FILE]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDb } from '../tests/support/db';
import { createTrustedReaders } from '../tests/support/factories';
import { resetDatabase } from '../tests/support/reset-db';
import { hasFlag, isMain, root, stringFlag } from '../tests/support/script';
import { postgresUrl, sqliteUrl } from './lib/databases';
import { commentText, rng, seedDiscussion } from './lib/discussion';
import { banner, medianMs, writeResult } from './lib/util';

export type PlannedQuery = {
  name: string;
  sql: string;
  plan: string;
  medianMs?: number;
  analyze?: string;
  analyzeWithoutJit?: string;
};
export type ExplainResult = {
  database: 'sqlite' | 'postgres';
  comments: number;
  queries: PlannedQuery[];
  listThreadsMs: { plain: number; withTombstone: number };
};

async function explainOne(database: 'sqlite' | 'postgres', quick: boolean): Promise<ExplainResult> {
  const url = database === 'postgres' ? postgresUrl : sqliteUrl;
  await resetDatabase(url);
  process.env.DATABASE_QUERY_EVENTS = '1';
  type Event = { query: string; params: string };
  const events: Event[] = [];
  const db = await openDb(url);
  // Db is typed without the log option, so its $on does not list 'query'.
  (db as unknown as { $on(event: 'query', cb: (e: Event) => void): void }).$on('query', (e) =>
    events.push({ query: e.query, params: e.params }),
  );

  // Data: the discussion, then filler stories.
  const article = await seedDiscussion();
  const filler = quick ? 10 : 100;
  const r = rng(99);
  const writers = await createTrustedReaders(200, { prefix: 'filler', history: 0, ageDays: 400 });
  const author = await db.author.findFirstOrThrow();
  const start = Date.UTC(2025, 0, 1);
  for (let a = 0; a < filler; a++) {
    const story = await db.article.create({
      data: {
        slug: `filler-${a}`,
        headline: `Filler story ${a}`,
        body: 'A paragraph.',
        publishedAt: new Date(start + a * 86_400_000),
        authorId: author.id,
      },
    });
    const rows = Array.from({ length: 1000 }, (_, i) => {
      const id = `f${a}-${i}`;
      const top = i % 4 === 0;
      const threadId = top ? id : `f${a}-${i - (i % 4)}`;
      return {
        id,
        articleId: story.id,
        userId: writers[(a * 7 + i) % writers.length]!.id,
        parentId: top ? null : threadId,
        threadId,
        depth: top ? 0 : 1,
        body: commentText(r, !top),
        status: (i % 20 === 7 ? 'PENDING' : 'PUBLISHED') as 'PENDING' | 'PUBLISHED',
        createdAt: new Date(start + a * 86_400_000 + i * 60_000),
      };
    });
    await db.comment.createMany({ data: rows });
  }
  const comments = await db.comment.count();
  await db.$executeRawUnsafe(database === 'postgres' ? 'ANALYZE' : 'ANALYZE');

  const { listThreads } = await import('../lib/data/comments');
  const { pageQueue } = await import('../lib/moderation/queues');
  const { submitComment } = await import('../lib/comments/submit-comment');
  const viewer = await db.user.findUniqueOrThrow({ where: { id: writers[0]!.id } });
  const thread = await db.comment.findFirstOrThrow({
    where: { articleId: article.id, depth: 0 },
    orderBy: { createdAt: 'asc' },
  });

  const queries: PlannedQuery[] = [];
  const capture = async (
    label: string,
    run: () => Promise<unknown>,
    names: (sql: string, i: number) => string | null,
  ) => {
    const wholeCallMs = await medianMs(run);
    events.length = 0;
    await run();
    const selects = events.filter((e) => /^\s*SELECT/i.test(e.query));
    for (const [i, e] of selects.entries()) {
      const name = names(e.query, i);
      if (!name) continue;
      const params = JSON.parse(e.params) as unknown[];
      const explain = database === 'postgres' ? `EXPLAIN ${e.query}` : `EXPLAIN QUERY PLAN ${e.query}`;
      const rows = (await db.$queryRawUnsafe(explain, ...params)) as Record<string, unknown>[];
      const plan =
        database === 'postgres'
          ? rows.map((row) => String(row['QUERY PLAN'])).join('\n')
          : rows.map((row) => String(row.detail)).join('\n');
      // PostgreSQL: what executing it costs, JIT compilation included when the planner's estimate triggers it.
      const analyze =
        database === 'postgres'
          ? (
              (await db.$queryRawUnsafe(`EXPLAIN (ANALYZE, SUMMARY ON) ${e.query}`, ...params)) as Record<
                string,
                unknown
              >[]
            )
              .map((row) => String(row['QUERY PLAN']).trim())
              .filter((line) => /^(Planning Time|Execution Time|Timing:)/.test(line))
              .join(' · ')
          : undefined;
      // The same with JIT off for this transaction only, to show what the compilation costs.
      const analyzeWithoutJit =
        database === 'postgres' && analyze?.includes('Timing:')
          ? (
              (
                await db.$transaction([
                  db.$executeRawUnsafe('SET LOCAL jit = off'),
                  db.$queryRawUnsafe(`EXPLAIN (ANALYZE, SUMMARY ON) ${e.query}`, ...params),
                ])
              )[1] as Record<string, unknown>[]
            )
              .map((row) => String(row['QUERY PLAN']).trim())
              .filter((line) => /^(Planning Time|Execution Time)/.test(line))
              .join(' · ')
          : undefined;
      queries.push({
        name: `${label}: ${name}`,
        sql: e.query,
        plan,
        analyze,
        analyzeWithoutJit,
        medianMs: i === 0 ? wholeCallMs : undefined,
      });
    }
  };

  const plain = (sql: string) => sql.replace(/[`"]/g, '').replace(/\b(main|public)\./g, '');
  const relation = (sql: string) =>
    /FROM User /.test(sql)
      ? 'relation load: User by id IN (…)'
      : /FROM Author /.test(sql)
        ? 'relation load: Author by id IN (…)'
        : null;
  await capture(
    'listThreads (signed-out, first 20 threads)',
    () => listThreads(article.id, null, 'oldest', 20),
    (raw) => {
      const sql = plain(raw);
      if (/COUNT\(\*\)/.test(sql)) return 'count of top-level comments';
      if (/threadId IN/.test(sql)) return 'replies by threadId';
      if (/Comment\.depth = /.test(sql)) return 'top-level comments page';
      return relation(sql) ?? 'other';
    },
  );
  await capture(
    'pageQueue',
    () => pageQueue('pending', {}, undefined),
    () => 'pending queue, first page',
  );
  let n = 0;
  await capture(
    'submitComment (trusted reader, published)',
    () =>
      submitComment({
        viewer,
        articleId: article.id,
        parentId: thread.id,
        body: `Explained comment number ${n++}, with its own words ${n * 7919}.`,
        idempotencyKey: `explain-${database}-${n}`,
        ip: '127.0.0.1',
      }),
    (raw) => {
      const sql = plain(raw);
      if (/idempotencyKey = /.test(sql)) return 'idempotency lookup';
      if (/FROM Article /.test(sql)) return 'the article';
      if (/WHERE \(Comment\.id = /.test(sql)) return 'the parent comment';
      if (/GROUP BY/.test(sql)) return "author's history (count by status)";
      if (/userId <> /.test(sql)) return 'recent comments by others (duplicate rule)';
      if (/userId = .*createdAt >= /.test(sql)) return 'recent comments by the author (flood, duplicate rules)';
      if (/Comment\.ip = /.test(sql)) return 'recent comments from the address (flood rule)';
      if (/PolicyVersion/.test(sql)) return 'policy in force';
      return relation(sql) ?? `other: ${/FROM\s+(\S+)/.exec(sql)?.[1] ?? '?'}`;
    },
  );
  // Relation loads repeat with the same plan: keep one of each.
  const seen = new Set<string>();
  const unique = queries.filter((q) => (seen.has(q.name + q.plan) ? false : (seen.add(q.name + q.plan), true)));
  queries.length = 0;
  queries.push(...unique);

  // A deleted comment whose replies are still visible shows as a tombstone: the query's EXISTS branch runs.
  const timeListThreads = () => medianMs(() => listThreads(article.id, null, 'oldest', 20), 7);
  const plainMs = await timeListThreads();
  await db.comment.update({ where: { id: thread.id }, data: { status: 'DELETED', deletedAt: new Date() } });
  const tombstoneMs = await timeListThreads();
  await db.$disconnect();
  return { database, comments, queries, listThreadsMs: { plain: plainMs, withTombstone: tombstoneMs } };
}

export async function main({ quick = false } = {}): Promise<ExplainResult[]> {
  banner('query plans of the hot queries (SQLite and PostgreSQL)');
  const results: ExplainResult[] = [];
  for (const database of ['sqlite', 'postgres'] as const) {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'explain-')), 'result.json');
    // lib/data imports 'server-only': resolve it as on the server (bench/run.ts starts this file the same way).
    const args = ['--conditions=react-server', '--import', 'tsx', 'bench/explain.ts', '--db', database, '--json', file];
    execFileSync(process.execPath, [...args, ...(quick ? ['--quick'] : [])], {
      cwd: root,
      stdio: 'inherit',
      timeout: 900_000,
    });
    results.push(JSON.parse(readFileSync(file, 'utf8')) as ExplainResult);
  }
  return results;
}

function print(result: ExplainResult) {
  console.log(`\n${result.database}: ${result.comments.toLocaleString('en-US')} comments`);
  for (const q of result.queries) {
    console.log(`  ${q.name}${q.medianMs !== undefined ? ` (whole call: median ${q.medianMs} ms)` : ''}`);
    console.log(`    ${q.plan.replace(/\n/g, '\n    ')}`);
    if (q.analyze) console.log(`    [EXPLAIN ANALYZE] ${q.analyze}`);
    if (q.analyzeWithoutJit) console.log(`    [EXPLAIN ANALYZE, jit = off] ${q.analyzeWithoutJit}`);
  }
  console.log(
    `  listThreads, first page, signed-out: median ${result.listThreadsMs.plain} ms; with one deleted top-level comment (tombstone) on the page: ${result.listThreadsMs.withTombstone} ms`,
  );
}

if (isMain(import.meta.url)) {
  const only = stringFlag('db');
  if (only === 'sqlite' || only === 'postgres') {
    const result = await explainOne(only, hasFlag('quick'));
    print(result);
    writeResult(result);
  } else {
    writeResult(await main({ quick: hasFlag('quick') }));
  }
}
