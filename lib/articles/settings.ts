// A story's comment settings, changed by a moderator. The audit log records what changed, and only
// when something did: saving the form as it was is not an event.
import { db } from '../db';
import { recordEvent } from '../comments/audit';
import type { Viewer } from '../auth/permissions';

export type ArticleSettings = { commentsOpen: boolean; premoderate: boolean; autoCloseDays: number | null };

const describe = {
  commentsOpen: (v: boolean) => (v ? 'open' : 'closed'),
  premoderate: (v: boolean) => (v ? 'on' : 'off'),
  autoCloseDays: (v: number | null) => (v === null ? 'policy default' : `${v}`),
};
const names = { commentsOpen: 'comments', premoderate: 'pre-moderation', autoCloseDays: 'close after days' };

/** "pre-moderation off → on" for each setting that differs. */
export function settingChanges(before: ArticleSettings, after: ArticleSettings): string[] {
  const changes: string[] = [];
  if (before.commentsOpen !== after.commentsOpen)
    changes.push(
      `${names.commentsOpen} ${describe.commentsOpen(before.commentsOpen)} → ${describe.commentsOpen(after.commentsOpen)}`,
    );
  if (before.premoderate !== after.premoderate)
    changes.push(
      `${names.premoderate} ${describe.premoderate(before.premoderate)} → ${describe.premoderate(after.premoderate)}`,
    );
  if (before.autoCloseDays !== after.autoCloseDays)
    changes.push(
      `${names.autoCloseDays} ${describe.autoCloseDays(before.autoCloseDays)} → ${describe.autoCloseDays(after.autoCloseDays)}`,
    );
  return changes;
}

/** Writes the settings and one audit entry if anything changed; null when the story does not exist. */
export async function saveArticleSettings(moderator: Viewer, articleId: string, next: ArticleSettings) {
  return db.$transaction(async (tx) => {
    const before = await tx.article.findUnique({
      where: { id: articleId },
      select: { slug: true, commentsOpen: true, premoderate: true, autoCloseDays: true },
    });
    if (!before) return null;
    const changes = settingChanges(before, next);
    if (changes.length === 0) return { slug: before.slug, changes };
    await tx.article.update({ where: { id: articleId }, data: next });
    await recordEvent(tx, {
      commentId: null,
      actorType: 'moderator',
      actorId: moderator.id,
      action: 'article-settings',
      fromStatus: null,
      toStatus: null,
      note: `${before.slug}: ${changes.join('; ')}`,
    });
    return { slug: before.slug, changes };
  });
}
