// Read models for the reader pages: the front page, an article, an author.
import { storyOwnMode, tagsOf } from '../policy';
import { getActivePolicy } from './policy';
import { getActivePresets, presetColumns, storyPolicyWith } from './presets';
import 'server-only';
import { cache } from 'react';
import { db } from '../db';

const authorCard = { id: true, slug: true, name: true, email: true, bio: true, photoUrl: true } as const;

export function listLatestArticles(take = 30) {
  return db.article.findMany({
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take,
    select: {
      id: true,
      slug: true,
      headline: true,
      standfirst: true,
      publishedAt: true,
      commentCount: true,
      author: { select: { slug: true, name: true } },
    },
  });
}

/** Memoised per request: the page and its metadata (generateMetadata) share one lookup. */
export const getArticleBySlug = cache((slug: string) =>
  db.article.findUnique({ where: { slug }, include: { author: { select: authorCard } } }),
);

export function listMoreFromAuthor(authorId: string, exceptArticleId: string, take = 5) {
  return db.article.findMany({
    where: { authorId, id: { not: exceptArticleId } },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take,
    select: { slug: true, headline: true, publishedAt: true },
  });
}

/** Memoised per request, like getArticleBySlug. */
export const getAuthorBySlug = cache((slug: string) =>
  db.author.findUnique({
    where: { slug },
    select: {
      ...authorCard,
      articles: {
        orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
        select: { id: true, slug: true, headline: true, standfirst: true, publishedAt: true, commentCount: true },
      },
    },
  }),
);

/** Stored bodies separate paragraphs with a blank line. */
export function paragraphsOf(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
}

/** The 200 newest stories with their comment settings, and what those settings come to through the presets and
 *  where each comes from (issue 18), for /moderate/articles. */
export async function listArticleSettings(now = new Date()) {
  const [rows, { presets }, policy] = await Promise.all([
    db.article.findMany({
      select: { id: true, slug: true, headline: true, commentCount: true, ...presetColumns },
      orderBy: { publishedAt: 'desc' },
      take: 200,
    }),
    getActivePresets(0),
    getActivePolicy(0),
  ]);
  return rows.map((row) => ({
    ...row,
    tags: tagsOf(row.tags),
    ownMode: storyOwnMode(row),
    policy: storyPolicyWith(row, presets, policy.settings.autoCloseDays, now),
  }));
}
