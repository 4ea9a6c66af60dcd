// Prisma CLI configuration (migrate deploy / status / diff). The app itself builds its client in lib/db.ts.
// Prisma 7's CLI downloads a native schema engine, which these machines cannot do, so we run Prisma 6's
// JavaScript schema engine over the same driver adapters the app uses.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { resolveDbTarget } from './lib/database/target';

const target = resolveDbTarget();

// The JS schema engine reads PostgreSQL's catalogs, whose `name`, `"char"` and information_schema domain
// columns adapter-pg 6.19 cannot map ("Column type 'name' could not be deserialized"). They are all text.
const catalogTextOids = new Set([18, 19, 24, 2205, 2206]);
function catalogSafePool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString });
  const query = pool.query.bind(pool) as unknown as (...args: unknown[]) => Promise<pg.QueryResult>;
  // The adapter only uses the promise form of query().
  (pool as unknown as { query: unknown }).query = async (...args: unknown[]) => {
    const result = await query(...args);
    for (const field of result?.fields ?? []) {
      if (catalogTextOids.has(field.dataTypeID) || (field.dataTypeID >= 10000 && field.dataTypeID < 16384))
        field.dataTypeID = 25;
    }
    return result;
  };
  return pool;
}

function adapter() {
  if (target.provider === 'postgres') return new PrismaPg(catalogSafePool(target.url));
  mkdirSync(path.dirname(target.file), { recursive: true });
  return new PrismaBetterSQLite3({ url: target.file });
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: target.provider === 'postgres' ? 'prisma/postgres/schema.prisma' : 'prisma/schema.prisma',
  migrations: { path: target.provider === 'postgres' ? 'prisma/postgres/migrations' : 'prisma/migrations' },
  adapter: async () => adapter(),
});
