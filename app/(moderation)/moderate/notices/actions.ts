'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { readForm } from '@/lib/actions/form-action';
import { invalid, type FormState } from '@/lib/actions/form-state';
import { staffOrNull } from '@/lib/auth/guards';
import { decideNotice } from '@/lib/notices/notices';
import { noticeDecisionSchema, type NoticeDecisionField } from '@/lib/validation/notice';

export async function decideNoticeAction(
  _previous: FormState<NoticeDecisionField>,
  formData: FormData,
): Promise<FormState<NoticeDecisionField>> {
  const form = await readForm(formData, {
    guard: { actor: staffOrNull, refused: 'Only moderators can do this.' },
    schema: noticeDecisionSchema,
    echo: ['clause', 'reason'],
    message: (errors) =>
      errors.noticeId ? 'This notice is out of date: reload the page.' : 'Please complete the decision.',
  });
  if (!form.ok) return form.state;
  const { noticeId, outcome, clause, reason } = form.data;
  const result = await decideNotice(form.actor, noticeId, { outcome, clause, reason });
  if (!result.ok) return invalid({}, result.message, form.echo);
  revalidatePath('/moderate/notices');
  if (result.articleSlug) revalidatePath(`/articles/${result.articleSlug}`);
  // The decided notice leaves the open queue with its card: the queue itself says what was decided.
  redirect(`/moderate/notices?decided=${result.reference}`);
}
