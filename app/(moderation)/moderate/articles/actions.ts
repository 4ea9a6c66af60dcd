'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { staffOrNull } from '@/lib/auth/guards';
import { saveArticleSettings } from '@/lib/articles/settings';
import { formValues, invalid, type FormState } from '@/lib/actions/form-state';
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
    .pipe(
      z
        .number({ error: 'Enter a number of days.' })
        .int('Whole days only.')
        .min(1, 'At least 1 day.')
        .max(3650, 'At most 3,650 days.')
        .nullable(),
    ),
});

export type ArticleSettingsField = 'autoCloseDays';

export async function updateArticleSettings(
  _previous: FormState<ArticleSettingsField>,
  formData: FormData,
): Promise<FormState<ArticleSettingsField>> {
  const moderator = await staffOrNull();
  if (!moderator) return invalid({}, 'Only moderators can do this.');
  const values = formValues(formData);
  const parsed = settingsSchema.safeParse(values);
  if (!parsed.success)
    return invalid(
      z.flattenError(parsed.error).fieldErrors as Partial<Record<ArticleSettingsField, string[]>>,
      'Please fix the highlighted field.',
      { autoCloseDays: values.autoCloseDays ?? '' },
    );
  const data = {
    commentsOpen: !!parsed.data.commentsOpen,
    premoderate: !!parsed.data.premoderate,
    autoCloseDays: parsed.data.autoCloseDays,
  };
  const saved = await saveArticleSettings(moderator, parsed.data.articleId, data);
  if (!saved) return invalid({}, 'This story no longer exists.');
  // Nothing changed: nothing to record, no page to refresh.
  if (saved.changes.length === 0) return { status: 'done', message: 'No changes to save.', at: Date.now() };
  await invalidateArticle(parsed.data.articleId);
  revalidatePath(`/articles/${saved.slug}`);
  revalidatePath('/moderate/articles');
  return { status: 'done', message: `Saved. Changed ${saved.changes.join(', ')}.`, at: Date.now() };
}
