// The benchmarks' own databases: data/bench.db (SQLite) and the `bench` database on the local PostgreSQL
// (BENCH_POSTGRES_URL), each wiped and migrated (tests/support/reset-db.ts) before a benchmark seeds it.
export const sqliteUrl = 'file:./data/bench.db';
export const postgresUrl = benchPostgresUrl(
  process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/bench',
);

// The end-to-end suite's database is `test`: a benchmark that wiped it would break a run in progress.
function benchPostgresUrl(url: string): string {
  if (new URL(url).pathname === '/test')
    throw new Error(
      'BENCH_POSTGRES_URL names the "test" database the end-to-end suite uses: give benchmarks their own',
    );
  return url;
}
