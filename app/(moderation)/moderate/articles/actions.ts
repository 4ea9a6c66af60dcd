'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { staffOrNull } from '@/lib/auth/guards';
import { recordEvent } from '@/lib/comments/audit';
import { db } from '@/lib/db';
import { formValues, invalid, type FormState } from '@/lib/forms';
import { invalidateArticle } from '@/lib/cache/invalidate';

const settingsSchema = z.object({
  articleId: z.string().min(1).max(64),
  commentsOpen: z.literal('on').optional(),
  premoderate: z.literal('on').optional(),
  autoCloseDays: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .pipe(z.number({ error: 'Enter a number of days.' }).int('Whole days only.').min(1, 'At least 1 day.').max(3650, 'At most 3,650 days.').nullable()),
});

export type ArticleSettingsField = 'autoCloseDays';

export async function updateArticleSettings(_previous: FormState<ArticleSettingsField>, formData: FormData): Promise<FormState<ArticleSettingsField>> {
  const moderator = await staffOrNull();
  if (!moderator) return invalid({}, 'Only moderators can do this.');
  const values = formValues(formData);
  const parsed = settingsSchema.safeParse(values);
  if (!parsed.success) return invalid(z.flattenError(parsed.error).fieldErrors as Partial<Record<ArticleSettingsField, string[]>>, 'Please fix the highlighted field.', { autoCloseDays: values.autoCloseDays ?? '' });
  const data = { commentsOpen: !!parsed.data.commentsOpen, premoderate: !!parsed.data.premoderate, autoCloseDays: parsed.data.autoCloseDays };
  const article = await db.$transaction(async (tx) => {
    const updated = await tx.article.update({ where: { id: parsed.data.articleId }, data, select: { slug: true } });
    await recordEvent(tx, {
      commentId: null,
      actorType: 'moderator',
      actorId: moderator.id,
      action: 'article-settings',
      fromStatus: null,
      toStatus: null,
      note: `${updated.slug}: open=${data.commentsOpen} premoderate=${data.premoderate} autoCloseDays=${data.autoCloseDays ?? 'default'}`,
    });
    return updated;
  });
  await invalidateArticle(parsed.data.articleId);
  revalidatePath(`/articles/${article.slug}`);
  revalidatePath('/moderate/articles');
  return { status: 'done', message: 'Saved.', at: Date.now() };
}
