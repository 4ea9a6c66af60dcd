// A story's comment settings, changed by a moderator. The audit log records what changed, and only
// when something did: saving the form as it was is not an event.
import { db } from '../db';
import { recordEvent } from '../comments/audit';
import type { Viewer } from '../auth/permissions';

import { storyOwnMode, type CommentMode } from '../policy';

/** What a moderator sets on the story itself: its own comment mode (null follows the presets) and close time. */
export type ArticleSettings = { commentMode: CommentMode | null; autoCloseDays: number | null };

const describe = {
  commentMode: (v: CommentMode | null) => (v === null ? 'follow presets' : v === 'premoderated' ? 'pre-moderated' : v),
  autoCloseDays: (v: number | null) => (v === null ? 'follow presets' : `${v}`),
};
const names = { commentMode: 'comment mode', autoCloseDays: 'close after days' };

/** "comment mode follow presets → pre-moderated" for each setting that differs. */
export function settingChanges(before: ArticleSettings, after: ArticleSettings): string[] {
  const changes: string[] = [];
  if (before.commentMode !== after.commentMode)
    changes.push(
      `${names.commentMode} ${describe.commentMode(before.commentMode)} → ${describe.commentMode(after.commentMode)}`,
    );
  if (before.autoCloseDays !== after.autoCloseDays)
    changes.push(
      `${names.autoCloseDays} ${describe.autoCloseDays(before.autoCloseDays)} → ${describe.autoCloseDays(after.autoCloseDays)}`,
    );
  return changes;
}

/** Writes the settings and one audit entry if anything changed; null when the story does not exist. The older
 *  switches (commentsOpen, premoderate) are kept in step with the mode. */
export async function saveArticleSettings(moderator: Viewer, articleId: string, next: ArticleSettings) {
  return db.$transaction(async (tx) => {
    const row = await tx.article.findUnique({
      where: { id: articleId },
      select: { slug: true, commentMode: true, commentsOpen: true, premoderate: true, autoCloseDays: true },
    });
    if (!row) return null;
    const before = { commentMode: storyOwnMode(row), autoCloseDays: row.autoCloseDays };
    const changes = settingChanges(before, next);
    if (changes.length === 0) return { slug: row.slug, changes };
    await tx.article.update({
      where: { id: articleId },
      data: {
        commentMode: next.commentMode,
        commentsOpen: next.commentMode !== 'closed',
        premoderate: next.commentMode === 'premoderated',
        autoCloseDays: next.autoCloseDays,
      },
    });
    await recordEvent(tx, {
      commentId: null,
      actorType: 'moderator',
      actorId: moderator.id,
      action: 'article-settings',
      fromStatus: null,
      toStatus: null,
      note: `${row.slug}: ${changes.join('; ')}`,
    });
    return { slug: row.slug, changes };
  });
}
