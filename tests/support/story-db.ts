// A fresh, migrated SQLite database with one published story by one author (who gets no digests), and factories for
// accounts and comments on that story: the setup the moderation db tests share.
import type { Db } from '@/lib/db';
import { viewerSelect, type Viewer } from '@/lib/auth/permissions';
import { openTempDatabase } from './temp-db';

export type StoryDatabase = {
  db: Db;
  articleId: string;
  /** A new account, `user<n>@readers.test` named "User <n>". */
  account(role?: 'READER' | 'MODERATOR', createdAt?: Date): Promise<Viewer>;
  /** A top-level comment on the story, posted an hour ago; returns its id. */
  comment(
    userId: string,
    status?: 'PUBLISHED' | 'PENDING' | 'REJECTED',
    extra?: { reasons?: unknown[]; decidedById?: string; rejectClause?: string },
  ): Promise<string>;
};

/** Call from beforeAll (it migrates a database: allow it a minute on a busy machine). */
export async function openStoryDatabase(): Promise<StoryDatabase> {
  const db = await openTempDatabase();
  const author = await db.author.create({
    data: { email: 'writer@ledger.test', name: 'Andrew Blake', slug: 'andrew-blake', notifyOnComments: false },
  });
  const { id: articleId } = await db.article.create({
    data: { slug: 'story', headline: 'Story', body: 'A paragraph.', publishedAt: new Date(), authorId: author.id },
  });
  let counter = 0;
  return {
    db,
    articleId,
    async account(role = 'READER', createdAt = new Date()) {
      const n = counter++;
      return db.user.create({
        data: { email: `user${n}@readers.test`, displayName: `User ${n}`, role, createdAt },
        select: viewerSelect,
      });
    },
    async comment(userId, status = 'PUBLISHED', extra = {}) {
      const id = crypto.randomUUID();
      await db.comment.create({
        data: {
          id,
          threadId: id,
          articleId,
          userId,
          body: `Comment ${id}`,
          status,
          reasons: JSON.stringify(extra.reasons ?? []),
          decidedById: extra.decidedById,
          rejectClause: extra.rejectClause,
          createdAt: new Date(Date.now() - 3_600_000),
        },
      });
      return id;
    },
  };
}
