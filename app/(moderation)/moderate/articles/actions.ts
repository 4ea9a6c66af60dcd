'use server';
import { revalidatePath } from 'next/cache';
import { readForm } from '@/lib/actions/form-action';
import { invalid, type FormState } from '@/lib/actions/form-state';
import { saveArticleSettings } from '@/lib/articles/settings';
import { staffOrNull } from '@/lib/auth/guards';
import { invalidateArticle } from '@/lib/cache/invalidate';
import { articleSettingsSchema, type ArticleSettingsField } from '@/lib/validation/articles';

export async function updateArticleSettingsAction(
  _previous: FormState<ArticleSettingsField>,
  formData: FormData,
): Promise<FormState<ArticleSettingsField>> {
  const form = await readForm(formData, {
    guard: { actor: staffOrNull, refused: 'Only moderators can do this.' },
    schema: articleSettingsSchema,
    echo: ['autoCloseDays', 'commentMode'],
    message: 'Please fix the highlighted field.',
  });
  if (!form.ok) return form.state;
  const { articleId, commentMode, autoCloseDays } = form.data;
  const saved = await saveArticleSettings(form.actor, articleId, { commentMode, autoCloseDays });
  if (!saved) return invalid({}, 'This story no longer exists.');
  // Nothing changed: nothing to record, no page to refresh.
  if (saved.changes.length === 0) return { status: 'done', message: 'No changes to save.', at: Date.now() };
  await invalidateArticle(articleId);
  revalidatePath(`/articles/${saved.slug}`);
  revalidatePath('/moderate/articles');
  return { status: 'done', message: `Saved. Changed ${saved.changes.join(', ')}.`, at: Date.now() };
}
