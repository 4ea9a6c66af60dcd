// What app code calls after a change readers can see. The page cache lives in server.ts, which
// registers a bus on globalThis (shared with the Next.js bundle in the same process) and relays
// invalidations to other instances through Redis. Without server.ts (e.g. `next dev`) these are no-ops.
import { cache } from 'react';
import { db } from '../db';
import { pageCacheBus } from './bus';

/** Where an article's pages live. Memoised per request: the domain function that changed the article and
 *  the server action that answers the reader (Next's revalidatePath) share one lookup. */
export const articleLocation = cache((articleId: string) =>
  db.article.findUnique({ where: { id: articleId }, select: { slug: true, author: { select: { slug: true } } } }),
);

export function invalidatePaths(paths: string[]): void {
  pageCacheBus()?.invalidate(paths);
}

/** Everything may have changed (e.g. a new policy version that closes old stories). */
export function invalidateAllPages(): void {
  invalidatePaths(['*']);
}

/** A moderation queue changed with nothing a reader sees (a comment held or rejected on arrival, an appeal filed or
 *  upheld): no page is cached at `/moderate`, but the drop reaches the queue's live channel on every instance
 *  (lib/live/queue-hub.ts). A change that drops a story's pages wakes the channel too. */
export function invalidateQueues(): void {
  invalidatePaths(['/moderate']);
}

/** An article's page changed (a comment published, edited, deleted, decided, reacted to; its settings): drop
 *  the article page, its author's page and the front page (both show comment counts). */
export async function invalidateArticle(articleId: string): Promise<void> {
  if (!pageCacheBus()) return;
  const article = await articleLocation(articleId);
  invalidatePaths(article ? ['/', `/articles/${article.slug}`, `/authors/${article.author.slug}`] : ['/']);
}
