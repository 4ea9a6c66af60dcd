// Writes parsed stories to the database in one transaction: all of them or none.
import type { Db } from '../db';
import type { ParsedStory } from './parse-story';

/** One problem, attributed to the story's source (its file name). */
export type ImportIssue = { source: string; problem: string };

export class ImportError extends Error {
  /** "SOURCE: PROBLEM" lines, one per issue. */
  readonly problems: string[];
  constructor(readonly issues: ImportIssue[]) {
    const problems = issues.map((issue) => `${issue.source}: ${issue.problem}`);
    super(problems.join('; '));
    this.problems = problems;
    this.name = 'ImportError';
  }
}

export type ImportResult = {
  slug: string;
  action: 'created' | 'updated' | 'skipped';
  /** The author's email. */
  author: string;
  /** The author's name as stored (an existing author keeps theirs). */
  authorName: string;
  source: string;
};

/** Thrown inside the transaction to roll a dry run back; carries what would have been written. */
class DryRunRollback extends Error {
  constructor(readonly results: ImportResult[]) {
    super('dry run');
  }
}

/**
 * `onExisting`: what to do when an article with the slug already exists.
 * "fail" (the import command) reports a duplicate slug; "skip" (the demo seed) leaves it as it is.
 * `dryRun`: do everything (checks included) inside the transaction, then roll it back; returns what would happen.
 */
export async function importStories(
  db: Db,
  stories: ParsedStory[],
  {
    onExisting = 'fail',
    authorBios = {},
    dryRun = false,
  }: { onExisting?: 'fail' | 'skip'; authorBios?: Record<string, string>; dryRun?: boolean } = {},
): Promise<ImportResult[]> {
  const issues: ImportIssue[] = [];
  const positionsBySlug = new Map<string, number[]>();
  stories.forEach((story, i) => positionsBySlug.set(story.slug, [...(positionsBySlug.get(story.slug) ?? []), i]));
  for (const [i, story] of stories.entries()) {
    const others = positionsBySlug
      .get(story.slug)!
      .filter((j) => j !== i)
      .map((j) => stories[j].source);
    if (others.length) {
      issues.push({
        source: story.source,
        problem: `duplicate slug "${story.slug}": appears more than once in this import (also ${others.join(', ')})`,
      });
    }
  }

  try {
    return await db.$transaction(
      async (tx) => {
        const existing = await tx.article.findMany({
          where: { slug: { in: [...positionsBySlug.keys()] } },
          select: { slug: true },
        });
        const existingSlugs = new Set(existing.map((article) => article.slug));
        if (onExisting === 'fail') {
          for (const story of stories) {
            if (existingSlugs.has(story.slug)) {
              issues.push({
                source: story.source,
                problem: `duplicate slug "${story.slug}": an article with this slug already exists (choose another with --slug or a "Slug:" line)`,
              });
            }
          }
        }
        if (issues.length) throw new ImportError(issues);

        const results: ImportResult[] = [];
        for (const story of stories) {
          if (existingSlugs.has(story.slug)) {
            results.push({
              slug: story.slug,
              action: 'skipped',
              author: story.author.email,
              authorName: story.author.name,
              source: story.source,
            });
            continue;
          }
          const author =
            (await tx.author.findUnique({ where: { email: story.author.email } })) ??
            (await tx.author.create({
              data: {
                name: story.author.name,
                email: story.author.email,
                slug: await freeAuthorSlug(tx, story.author.slug),
                bio: authorBios[story.author.email] ?? '',
              },
            }));
          await tx.article.create({
            data: {
              slug: story.slug,
              headline: story.headline,
              standfirst: story.standfirst,
              dateline: story.dateline,
              body: story.paragraphs.join('\n\n'),
              publishedAt: story.publishedAt,
              section: story.section,
              tags: JSON.stringify(story.tags),
              authorId: author.id,
            },
          });
          results.push({
            slug: story.slug,
            action: 'created',
            author: author.email,
            authorName: author.name,
            source: story.source,
          });
        }
        if (dryRun) throw new DryRunRollback(results);
        return results;
      },
      // A large batch of files is one transaction; the 5 s default is too short for it.
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof DryRunRollback) return error.results;
    throw error;
  }
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

async function freeAuthorSlug(tx: Tx, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await tx.author.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}
