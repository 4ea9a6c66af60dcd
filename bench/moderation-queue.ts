// Moderation queue paging: seeds 100,000 pending comments and times the first and the last page of 50, in the
// oldest-first order and in the priority order (one comment in seven held under a threat clause), and in the
// priority order with each of the console's filters (issue 16): a story (one in ten), a commenter (one in a hundred),
// a rare rule and its clause (one in two hundred), at least two reports (one in a hundred), and a rare word in the
// All search (one in two hundred, newest first). A filter's last page is the last page of what it matches.
// on SQLite (a temporary file) and on PostgreSQL (BENCH_POSTGRES_URL, default the local `bench` database,
// created if absent, which this benchmark WIPES; never the `test` database the end-to-end suite uses).
// `npx tsx bench/moderation-queue.ts [--rows N] [--skip-postgres] [--quick] [--json FILE]`
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDb } from '../tests/support/db';
import { resetDatabase } from '../tests/support/reset-db';
import { isMain } from '../tests/support/script';
import { postgresUrl } from './lib/databases';
import { medianMs, writeResult } from './lib/util';
import { printVerdicts } from './targets';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    'skip-postgres': { type: 'boolean', default: false },
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    json: { type: 'string' },
    build: { type: 'boolean', default: false },
  },
});
const rows = values.quick && values.rows === '100000' ? 20_000 : Number(values.rows);
const pgUrl = postgresUrl;

export type QueueBenchResult = {
  database: string;
  rows: number;
  firstPageMs: number;
  lastPageMs: number;
  /** The default order of Pending: urgency, reports, age (lib/moderation/triage.ts). */
  priority?: { firstPageMs: number; lastPageMs: number; plan: string };
  /** Pending in priority order with one filter each (text: the All search, newest first). */
  filters?: { name: string; matches: number; firstPageMs: number; lastPageMs: number }[];
  plan: string;
};

/** What each seeded comment is, by its number: spread so each filter matches a known share. */
const seedShape = (n: number) => ({
  article: n % 10,
  user: n % 100,
  rare: n % 200 === 3,
  threat: n % 7 === 0,
  reports: n % 100 === 5 ? 2 : 0,
  word: n % 200 === 7,
});

async function run(url: string, label: string): Promise<QueueBenchResult> {
  await resetDatabase(url);
  const db = await openDb(url);
  const { pageAll, pageQueue, encodeCursor } = await import('../lib/moderation/queues');
  const { triageKey } = await import('../lib/moderation/triage');

  const author = await db.author.create({
    data: { slug: 'bench', name: 'Bench', email: `bench-${label}@example.test` },
  });
  const articles: string[] = [];
  for (let i = 0; i < 10; i++)
    articles.push(
      (
        await db.article.create({
          data: { slug: `bench-${i}`, headline: 'Bench', body: 'Body', publishedAt: new Date(), authorId: author.id },
        })
      ).id,
    );
  const users: string[] = [];
  for (let i = 0; i < 100; i++) {
    const nn = String(i).padStart(3, '0');
    const email = `queue-${label}-u${nn}@example.test`;
    users.push((await db.user.create({ data: { email, displayName: `Queue ${label} ${i}` } })).id);
  }
  const start = Date.UTC(2026, 0, 1);
  const batch = 2000;
  const keys: { key: string; id: string }[] = [];
  for (let offset = 0; offset < rows; offset += batch) {
    await db.comment.createMany({
      data: Array.from({ length: Math.min(batch, rows - offset) }, (_, i) => {
        const n = offset + i;
        const id = `c${String(n).padStart(7, '0')}`;
        const createdAt = new Date(start + n * 1000);
        const shape = seedShape(n);
        const [ruleId, clause] = shape.rare
          ? ['personal-info', 'privacy']
          : shape.threat
            ? ['threat-phrases', 'hate-and-threats']
            : ['new-commenter', 'moderation'];
        const key = triageKey({
          status: 'PENDING',
          reasonClauses: [clause],
          reportClauses: [],
          reportCount: shape.reports,
          createdAt,
        });
        keys.push({ key, id });
        return {
          id,
          articleId: articles[shape.article]!,
          userId: users[shape.user]!,
          body: `Pending comment number ${n}${shape.word ? ' about the zeppelin' : ''}`,
          status: 'PENDING' as const,
          reasons: JSON.stringify([{ ruleId, outcome: 'hold', clause, message: '', evidence: [] }]),
          reportCount: shape.reports,
          triageKey: key,
          createdAt,
        };
      }),
    });
  }
  if (url.startsWith('postgres')) await db.$executeRawUnsafe('ANALYZE "Comment"');
  else await db.$executeRawUnsafe('ANALYZE');

  const lastCursor = encodeCursor({
    key: new Date(start + (rows - 51) * 1000).toISOString(),
    id: `c${String(rows - 51).padStart(7, '0')}`,
  });
  const firstPageMs = await medianMs(() => pageQueue('pending', {}, undefined, undefined, 'oldest'));
  const lastPage = await pageQueue('pending', {}, lastCursor, undefined, 'oldest');
  if (lastPage.ids.length !== 50 || lastPage.next !== null)
    throw new Error(`last page has ${lastPage.ids.length} rows`);
  const lastPageMs = await medianMs(() => pageQueue('pending', {}, lastCursor, undefined, 'oldest'));

  const iso = new Date(start + (rows - 51) * 1000).toISOString();
  const plan = url.startsWith('postgres')
    ? (
        (await db.$queryRawUnsafe(
          `EXPLAIN SELECT id FROM "Comment" WHERE status = 'PENDING' AND "createdAt" >= $1::timestamp AND ("createdAt" > $1::timestamp OR id > $2) ORDER BY "createdAt", id LIMIT 51`,
          iso,
          'c0099949',
        )) as { 'QUERY PLAN': string }[]
      )
        .map((row) => row['QUERY PLAN'])
        .join('\n')
    : (
        (await db.$queryRawUnsafe(
          `EXPLAIN QUERY PLAN SELECT id FROM "Comment" WHERE status = 'PENDING' AND "createdAt" >= ? AND ("createdAt" > ? OR id > ?) ORDER BY "createdAt", id LIMIT 51`,
          iso,
          iso,
          'c0099949',
        )) as { detail: string }[]
      )
        .map((row) => row.detail)
        .join('\n');

  // Priority order: the page after the 51st-last comment in that order holds the last 50.
  keys.sort((a, b) => (a.key === b.key ? b.id.localeCompare(a.id) : b.key.localeCompare(a.key)));
  const lastPriority = encodeCursor(keys[rows - 51]!);
  const priorityFirstMs = await medianMs(() => pageQueue('pending', {}, undefined, undefined, 'priority'));
  const lastPriorityPage = await pageQueue('pending', {}, lastPriority, undefined, 'priority');
  if (lastPriorityPage.ids.length !== 50 || lastPriorityPage.next !== null)
    throw new Error(`last priority page has ${lastPriorityPage.ids.length} rows`);
  const priorityLastMs = await medianMs(() => pageQueue('pending', {}, lastPriority, undefined, 'priority'));
  const { key: k, id: kid } = keys[rows - 51]!;
  const priorityPlan = url.startsWith('postgres')
    ? (
        (await db.$queryRawUnsafe(
          `EXPLAIN SELECT id FROM "Comment" WHERE status = 'PENDING' AND "triageKey" <= $1 AND ("triageKey" < $1 OR id < $2) ORDER BY "triageKey" DESC, id DESC LIMIT 51`,
          k,
          kid,
        )) as { 'QUERY PLAN': string }[]
      )
        .map((row) => row['QUERY PLAN'])
        .join('\n')
    : (
        (await db.$queryRawUnsafe(
          `EXPLAIN QUERY PLAN SELECT id FROM "Comment" WHERE status = 'PENDING' AND "triageKey" <= ? AND ("triageKey" < ? OR id < ?) ORDER BY "triageKey" DESC, id DESC LIMIT 51`,
          k,
          k,
          kid,
        )) as { detail: string }[]
      )
        .map((row) => row.detail)
        .join('\n');

  // Each filter in priority order: the last page is the one after the 51st-last match.
  const number = (id: string) => Number(id.slice(1));
  const cases = [
    { name: 'story', filter: { articleId: articles[3] }, matches: (n: number) => seedShape(n).article === 3 },
    { name: 'commenter', filter: { author: 'u042' }, matches: (n: number) => seedShape(n).user === 42 },
    { name: 'rule', filter: { ruleId: 'personal-info' }, matches: (n: number) => seedShape(n).rare },
    { name: 'clause', filter: { clause: 'privacy' }, matches: (n: number) => seedShape(n).rare },
    { name: 'min reports', filter: { minReports: 2 }, matches: (n: number) => seedShape(n).reports >= 2 },
  ];
  const filters: NonNullable<QueueBenchResult['filters']> = [];
  for (const { name, filter, matches } of cases) {
    const matching = keys.filter((k) => matches(number(k.id)));
    const cursor = encodeCursor(matching[matching.length - 51]!);
    const first = await medianMs(() => pageQueue('pending', filter, undefined, undefined, 'priority'));
    const lastPage = await pageQueue('pending', filter, cursor, undefined, 'priority');
    if (lastPage.ids.length !== 50 || lastPage.next !== null)
      throw new Error(`${name}: last page has ${lastPage.ids.length} rows`);
    const last = await medianMs(() => pageQueue('pending', filter, cursor, undefined, 'priority'));
    filters.push({ name, matches: matching.length, firstPageMs: first, lastPageMs: last });
  }
  // Text: the All search, newest first.
  const worded = Array.from({ length: rows }, (_, n) => n).filter((n) => seedShape(n).word);
  const textCursor = encodeCursor({
    key: new Date(start + worded[50]! * 1000).toISOString(),
    id: `c${String(worded[50]!).padStart(7, '0')}`,
  });
  const textLast = await pageAll({ q: 'zeppelin' }, textCursor);
  if (textLast.ids.length !== 50 || textLast.next !== null)
    throw new Error(`text: last page has ${textLast.ids.length} rows`);
  filters.push({
    name: 'text (All)',
    matches: worded.length,
    firstPageMs: await medianMs(() => pageAll({ q: 'zeppelin' }, undefined)),
    lastPageMs: await medianMs(() => pageAll({ q: 'zeppelin' }, textCursor)),
  });

  await db.$disconnect();
  return {
    database: label,
    rows,
    firstPageMs,
    lastPageMs,
    priority: { firstPageMs: priorityFirstMs, lastPageMs: priorityLastMs, plan: priorityPlan },
    filters,
    plan,
  };
}

// lib/db binds to DATABASE_URL when first imported, so each database is measured in its own process.
export async function runQueueBench(
  options: { skipPostgres?: boolean; rows?: number } = {},
): Promise<QueueBenchResult[]> {
  const results: QueueBenchResult[] = [];
  for (const only of options.skipPostgres ? ['sqlite'] : ['sqlite', 'postgres']) {
    const out = execFileSync(
      'npx',
      ['tsx', 'bench/moderation-queue.ts', '--only', only, '--rows', String(options.rows ?? rows)],
      { encoding: 'utf8', timeout: 600_000 },
    );
    results.push(JSON.parse(out.trim().split('\n').at(-1)!));
  }
  return results;
}

export async function main(options: { skipPostgres?: boolean; rows?: number } = {}) {
  console.log(`moderation queue benchmark · ${cpus()[0]?.model} × ${cpus().length} · node ${process.version}`);
  const results = await runQueueBench(options);
  for (const r of results) {
    console.log(
      `${r.database}: ${r.rows.toLocaleString('en-US')} pending · first page of 50 ${r.firstPageMs.toFixed(2)} ms · last page ${r.lastPageMs.toFixed(2)} ms`,
    );
    console.log(`  plan: ${r.plan.replace(/\n/g, '\n        ')}`);
    if (r.priority) {
      console.log(
        `  priority order: first page ${r.priority.firstPageMs.toFixed(2)} ms · last page ${r.priority.lastPageMs.toFixed(2)} ms`,
      );
      console.log(`  plan: ${r.priority.plan.replace(/\n/g, '\n        ')}`);
    }
    for (const f of r.filters ?? [])
      console.log(
        `  filter ${f.name} (${f.matches.toLocaleString('en-US')} match): first page ${f.firstPageMs.toFixed(2)} ms · last page ${f.lastPageMs.toFixed(2)} ms`,
      );
  }
  printVerdicts('moderation-queue', { results });
  return { rows: options.rows ?? rows, results };
}

if (values.only) {
  const url =
    values.only === 'postgres'
      ? pgUrl
      : `file:${path.join(mkdtempSync(path.join(tmpdir(), 'queue-bench-')), 'bench.db')}`;
  console.log(JSON.stringify(await run(url, values.only)));
} else if (isMain(import.meta.url)) {
  writeResult(await main({ skipPostgres: values['skip-postgres'], rows }), values.json);
}
