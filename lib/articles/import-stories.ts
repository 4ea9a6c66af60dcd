// Writes parsed stories to the database in one transaction: all of them or none.
import type { Db } from '../db';
import type { ParsedStory } from './parse-story';

export class ImportError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'ImportError';
  }
}

export type ImportResult = { slug: string; action: 'created' | 'updated' | 'skipped'; author: string };

/**
 * `onExisting`: what to do when an article with the slug already exists.
 * "fail" (the import command) reports a duplicate slug; "skip" (the demo seed) leaves it as it is.
 */
export async function importStories(
  db: Db,
  stories: ParsedStory[],
  { onExisting = 'fail', authorBios = {} }: { onExisting?: 'fail' | 'skip'; authorBios?: Record<string, string> } = {},
): Promise<ImportResult[]> {
  const seen = new Set<string>();
  const duplicates = stories.filter((story) => seen.size === seen.add(story.slug).size).map((story) => story.slug);
  if (duplicates.length) throw new ImportError(duplicates.map((slug) => `duplicate slug "${slug}" appears twice in this import`));

  return db.$transaction(async (tx) => {
    const existing = await tx.article.findMany({ where: { slug: { in: [...seen] } }, select: { slug: true } });
    const existingSlugs = new Set(existing.map((article) => article.slug));
    if (onExisting === 'fail' && existingSlugs.size) {
      throw new ImportError([...existingSlugs].map((slug) => `duplicate slug: an article "${slug}" already exists (pass --slug to choose another)`));
    }

    const results: ImportResult[] = [];
    for (const story of stories) {
      if (existingSlugs.has(story.slug)) {
        results.push({ slug: story.slug, action: 'skipped', author: story.author.email });
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
          authorId: author.id,
        },
      });
      results.push({ slug: story.slug, action: 'created', author: author.email });
    }
    return results;
  });
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

async function freeAuthorSlug(tx: Tx, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await tx.author.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}
