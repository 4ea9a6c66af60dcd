// Writes prisma/postgres/schema.prisma from prisma/schema.prisma (the SQLite source of truth).
// Prisma fixes the provider per schema file, so the PostgreSQL variant is derived, never edited by hand.
// Runs on every `npm install` (postinstall) and with `--check` in the test suite, which fails when the
// committed copy is stale.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

const source = readFileSync('prisma/schema.prisma', 'utf8');
const derived =
  '// GENERATED from prisma/schema.prisma by scripts/derive-pg-schema.mjs: do not edit.\n' +
  source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:./dev.db"', 'url      = "postgresql://unused@localhost/unused"')
    .replace('output       = "../lib/generated/sqlite"', 'output       = "../../lib/generated/pg"');

for (const marker of ['"postgresql"', 'postgresql://unused', '../../lib/generated/pg']) {
  if (!derived.includes(marker))
    throw new Error(`derive-pg-schema: could not rewrite ${marker} in prisma/schema.prisma`);
}

const target = 'prisma/postgres/schema.prisma';
if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== derived) {
    console.error(`${target} is stale: run node scripts/derive-pg-schema.mjs`);
    process.exit(1);
  }
} else {
  mkdirSync('prisma/postgres', { recursive: true });
  writeFileSync(target, derived);
}
