// importStories against a real, freshly migrated SQLite database: all or nothing.
import { beforeAll, describe, expect, test } from 'vitest';
import { ImportError, importStories } from '@/lib/articles/import-stories';
import { parseStory, type StoryMeta } from '@/lib/articles/parse-story';
import type { Db } from '@/lib/db';
import { seedStoryText } from '../../support/seed-story';
import { useTempDatabase } from '../../support/temp-db';

let db: Db;
beforeAll(async () => {
  db = await useTempDatabase();
}, 60_000);

const seedText = seedStoryText();

function story(source: string, meta: StoryMeta, author = '• Jane Doe can be reached at JDoe@Example.com.') {
  return parseStory(`Headline: ${source}\nA first paragraph.\nA second paragraph.\n${author}\n`, meta, source);
}

async function counts() {
  return { articles: await db.article.count(), authors: await db.author.count() };
}

/** Runs an import that must fail; returns its ImportError. */
async function failing(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('importStories', () => {
  test('creates the author and the article', async () => {
    const parsed = parseStory(
      seedText,
      {
        headline: 'Huawei signs deal',
        slug: 'huawei-deal',
        dateline: 'Washington',
        published: '2019-06-05T18:30:00Z',
        section: 'Technology / World',
        tags: 'Huawei, Russia, 5G',
      },
      'article.txt',
    );
    const results = await importStories(db, [parsed]);
    expect(results).toEqual([
      {
        slug: 'huawei-deal',
        action: 'created',
        author: 'ablake@washingtontimes.com',
        authorName: 'Andrew Blake',
        source: 'article.txt',
      },
    ]);

    const article = await db.article.findUniqueOrThrow({ where: { slug: 'huawei-deal' }, include: { author: true } });
    expect(article).toMatchObject({ headline: 'Huawei signs deal', dateline: 'Washington', commentCount: 0 });
    expect(article.publishedAt.toISOString()).toBe('2019-06-05T18:30:00.000Z');
    expect(article.section).toBe('Technology / World');
    expect(JSON.parse(article.tags)).toEqual(['Huawei', 'Russia', '5G']);
    expect(article.body.split('\n\n')).toEqual(parsed.paragraphs);
    expect(article.body).not.toMatch(/can be reached|comment policy/);
    expect(article.author).toMatchObject({
      name: 'Andrew Blake',
      email: 'ablake@washingtontimes.com',
      slug: 'andrew-blake',
    });
    expect(await counts()).toEqual({ articles: 1, authors: 1 });
  });

  test('a second story by the same email reuses the author', async () => {
    const before = await counts();
    // Different capitalisation and display name: still the same author (matched by lowercased email).
    const second = parseStory(
      seedText.replace('• Andrew Blake can be reached at ablake@', '• Andy Blake can be reached at ABlake@'),
      { headline: 'Huawei follow-up' },
      'second.txt',
    );
    const [result] = await importStories(db, [second]);
    expect(result).toMatchObject({ slug: 'huawei-follow-up', action: 'created', authorName: 'Andrew Blake' });

    expect(await counts()).toEqual({ articles: before.articles + 1, authors: before.authors });
    const authors = await db.author.findMany({
      include: { articles: { select: { slug: true }, orderBy: { slug: 'asc' } } },
    });
    expect(authors).toHaveLength(1);
    expect(authors[0].articles.map((a) => a.slug)).toEqual(['huawei-deal', 'huawei-follow-up']);
  });

  test('a new author whose name slug is taken gets a free slug', async () => {
    await importStories(db, [
      story('other-blake.txt', { slug: 'other-blake' }, '• Andrew Blake can be reached at andrew.blake@example.com.'),
    ]);
    const author = await db.author.findUniqueOrThrow({ where: { email: 'andrew.blake@example.com' } });
    expect(author.slug).toBe('andrew-blake-2');
  });

  test('a slug that already exists: ImportError naming the file, and nothing of the batch is written', async () => {
    const before = await counts();
    const error = await failing(
      importStories(db, [
        story('fresh.txt', { slug: 'fresh-story' }, '• New Person can be reached at new@example.com.'),
        story('dup.txt', { slug: 'huawei-deal' }),
      ]),
    );
    expect(error.problems).toEqual([
      'dup.txt: duplicate slug "huawei-deal": an article with this slug already exists (choose another with --slug or a "Slug:" line)',
    ]);
    expect(error.issues).toEqual([
      { source: 'dup.txt', problem: expect.stringMatching(/^duplicate slug "huawei-deal"/) },
    ]);

    expect(await counts()).toEqual(before);
    expect(await db.article.findUnique({ where: { slug: 'fresh-story' } })).toBeNull();
    expect(await db.author.findUnique({ where: { email: 'new@example.com' } })).toBeNull();
    expect(await db.author.findUnique({ where: { email: 'jdoe@example.com' } })).toBeNull();
  });

  test('the same slug twice in one batch: ImportError naming both files, nothing written', async () => {
    const before = await counts();
    const error = await failing(
      importStories(db, [
        story('ok.txt', { slug: 'valid-first' }, '• New Person can be reached at new@example.com.'),
        story('a.txt', { slug: 'same-slug' }),
        story('b.txt', { slug: 'same-slug' }),
      ]),
    );
    expect(error.problems).toEqual([
      'a.txt: duplicate slug "same-slug": appears more than once in this import (also b.txt)',
      'b.txt: duplicate slug "same-slug": appears more than once in this import (also a.txt)',
    ]);
    expect(error.message).toContain('a.txt: duplicate slug "same-slug"');
    expect(await counts()).toEqual(before);
    expect(await db.article.findUnique({ where: { slug: 'valid-first' } })).toBeNull();
    expect(await db.author.findUnique({ where: { email: 'new@example.com' } })).toBeNull();
  });

  test('both kinds of duplicate are reported together', async () => {
    const error = await failing(
      importStories(db, [
        story('a.txt', { slug: 'twice' }),
        story('b.txt', { slug: 'twice' }),
        story('c.txt', { slug: 'huawei-follow-up' }),
      ]),
    );
    expect(error.issues.map((issue) => issue.source)).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });

  test('a failure after the first story was written rolls the whole transaction back', async () => {
    const before = await counts();
    // Passes the duplicate checks and writes the first story, then fails on the second (a null headline).
    const first = story(
      'first.txt',
      { slug: 'written-then-undone' },
      '• Roll Back can be reached at rollback@example.com.',
    );
    const broken = { ...story('broken.txt', { slug: 'broken-story' }), headline: null as unknown as string };
    await expect(importStories(db, [first, broken])).rejects.toThrow();
    expect(await counts()).toEqual(before);
    expect(await db.article.findUnique({ where: { slug: 'written-then-undone' } })).toBeNull();
    expect(await db.author.findUnique({ where: { email: 'rollback@example.com' } })).toBeNull();
  });

  test('dryRun checks everything and writes nothing', async () => {
    const before = await counts();
    const results = await importStories(
      db,
      [story('dry.txt', { slug: 'dry-story' }, '• Dry Run can be reached at dry@example.com.')],
      { dryRun: true },
    );
    expect(results).toEqual([
      { slug: 'dry-story', action: 'created', author: 'dry@example.com', authorName: 'Dry Run', source: 'dry.txt' },
    ]);
    expect(await counts()).toEqual(before);
    expect(await db.article.findUnique({ where: { slug: 'dry-story' } })).toBeNull();

    const error = await failing(importStories(db, [story('dup.txt', { slug: 'huawei-deal' })], { dryRun: true }));
    expect(error.problems[0]).toMatch(/^dup\.txt: duplicate slug "huawei-deal"/);
  });

  test('onExisting "skip" (the seed) leaves existing articles alone and imports the rest', async () => {
    const before = await counts();
    const results = await importStories(
      db,
      [story('again.txt', { slug: 'huawei-deal' }), story('new.txt', { slug: 'skip-new' })],
      { onExisting: 'skip' },
    );
    expect(results.map((r) => [r.slug, r.action])).toEqual([
      ['huawei-deal', 'skipped'],
      ['skip-new', 'created'],
    ]);
    expect((await db.article.findUniqueOrThrow({ where: { slug: 'huawei-deal' } })).headline).toBe('Huawei signs deal');
    expect(await counts()).toEqual({ articles: before.articles + 1, authors: before.authors + 1 });
  });
});
