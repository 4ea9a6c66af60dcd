// `npm run import` end to end: the real CLI (npx tsx scripts/import.ts) in a child process against a
// temporary, migrated SQLite database (DATABASE_URL set by useTempDatabase and inherited by the child).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '@/lib/db';
import { seedStoryPath } from '../../support/seed-story';
import { useTempDatabase } from '../../support/temp-db';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const seedArticle = seedStoryPath;
const headline = 'Huawei signs deal to build Russia’s 5G networks after U.S. ban';
const slug = 'huawei-signs-deal-to-build-russias-5g-networks-after-u-s-ban';

let db: Db;
let dir: string;

beforeAll(async () => {
  db = await useTempDatabase();
  expect(process.env.DATABASE_URL).toMatch(/^file:.*ledger-test-/);
  dir = mkdtempSync(path.join(tmpdir(), 'import-cli-'));
}, 60_000);

type Run = { code: number | null; stdout: string; stderr: string };

function runImport(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'scripts/import.ts', ...args], {
      cwd: root,
      env: { ...process.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const articleCount = () => db.article.count();

describe('npm run import', () => {
  test('imports the seed article with --headline', async () => {
    const run = await runImport(
      seedArticle,
      '--headline',
      headline,
      '--dateline',
      'Washington',
      '--published',
      '2019-06-05T18:30:00Z',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`created  /articles/${slug}  by Andrew Blake <ablake@washingtontimes.com>`);

    const article = await db.article.findUniqueOrThrow({ where: { slug }, include: { author: true } });
    expect(article).toMatchObject({ headline, dateline: 'Washington' });
    expect(article.publishedAt.toISOString()).toBe('2019-06-05T18:30:00.000Z');
    expect(article.body.split('\n\n')).toHaveLength(9);
    expect(article.body).not.toContain('can be reached at');
    expect(article.author.email).toBe('ablake@washingtontimes.com');
    expect(await articleCount()).toBe(1);
  }, 30_000);

  test('the same again: duplicate slug, exit 1, still one row', async () => {
    const run = await runImport(seedArticle, '--headline', headline);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${seedArticle}:`);
    expect(run.stderr).toContain(`duplicate slug "${slug}"`);
    expect(run.stderr).toContain('nothing was written');
    expect(await db.article.count({ where: { slug } })).toBe(1);
    expect(await articleCount()).toBe(1);
  }, 30_000);

  test('--dry-run checks and reports but writes nothing', async () => {
    const ok = await runImport(seedArticle, '--headline', 'A dry run headline', '--dry-run');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(
      'would create  /articles/a-dry-run-headline  by Andrew Blake <ablake@washingtontimes.com>',
    );
    expect(ok.stdout).toContain('nothing written');
    expect(await db.article.findUnique({ where: { slug: 'a-dry-run-headline' } })).toBeNull();
    expect(await articleCount()).toBe(1);
    expect(await db.author.count()).toBe(1);

    // A dry run also catches a duplicate slug in the database.
    const duplicate = await runImport(seedArticle, '--headline', headline, '--dry-run');
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain(`duplicate slug "${slug}"`);
  }, 30_000);

  test('all or nothing: a good file next to an empty one is not written; every problem is listed per file', async () => {
    const good = path.join(dir, 'council.txt');
    copyFileSync(path.join(root, 'prisma/seed/council-bike-lanes.txt'), good);
    const empty = path.join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const noAuthor = path.join(dir, 'no-author.txt');
    writeFileSync(noAuthor, 'Headline: No author here\nJust a paragraph.\n');

    const run = await runImport(good, empty, noAuthor);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^import: 2 problems; nothing was written/);
    expect(run.stderr).toContain(`${empty}:\n  - the file is empty`);
    expect(run.stderr).toContain(`${noAuthor}:\n  - no author line`);
    expect(run.stderr).not.toContain(`${good}:`);
    expect(await articleCount()).toBe(1);
    expect(await db.author.findUnique({ where: { email: 'dreyes@example-news.com' } })).toBeNull();
  }, 30_000);

  test('an empty file, a missing file, options with several files, --help', async () => {
    const empty = path.join(dir, 'only-empty.txt');
    writeFileSync(empty, '\n\n');
    const missing = path.join(dir, 'does-not-exist.txt');
    const [emptyRun, missingRun, severalRun, helpRun, noFilesRun] = await Promise.all([
      runImport(empty, '--headline', 'Empty'),
      runImport(missing, '--headline', 'Missing'),
      runImport(seedArticle, empty, '--headline', 'Two files'),
      runImport('--help'),
      runImport(),
    ]);

    expect(emptyRun.code).toBe(1);
    expect(emptyRun.stderr).toContain(`${empty}:\n  - the file is empty`);

    expect(missingRun.code).toBe(1);
    expect(missingRun.stderr).toContain(missing);
    expect(missingRun.stderr).toContain('does not exist');

    expect(severalRun.code).toBe(1);
    expect(severalRun.stderr).toContain('--headline can only be used with a single FILE');

    expect(helpRun.code).toBe(0);
    expect(helpRun.stdout).toMatch(/^usage: npm run import -- FILE/);
    expect(helpRun.stdout).toContain('--dry-run');

    expect(noFilesRun.code).toBe(1);
    expect(noFilesRun.stderr).toContain('usage: npm run import');

    expect(await articleCount()).toBe(1);
  }, 30_000);
});
