'use server';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { readForm } from '@/lib/actions/form-action';
import { invalid, type FormState } from '@/lib/actions/form-state';
import { postAuthorReply, sendFreshReplyLink } from '@/lib/comments/author-reply';
import { authorReplySchema, commentIdSchema } from '@/lib/validation/comment';

// No session here: the signed link in the form is the author's authority, checked by postAuthorReply.
export async function postAuthorReplyAction(
  _previous: FormState<'body'>,
  formData: FormData,
): Promise<FormState<'body'>> {
  const form = await readForm(formData, {
    schema: authorReplySchema,
    echo: ['body'],
    message: 'Please fix the highlighted field.',
  });
  if (!form.ok) return form.state;
  const { commentId, token, body } = form.data;
  const result = await postAuthorReply(commentId, token, body);
  if (!result.ok) return invalid({}, result.message, form.echo);
  revalidatePath(`/articles/${result.articleSlug}`);
  redirect(`/articles/${result.articleSlug}#comment-${result.replyId}`);
}

export async function requestFreshLinkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData, { schema: commentIdSchema });
  // The same answer whatever the id: it must not tell a stranger whose comment it is.
  if (form.ok) await sendFreshReplyLink(form.data.commentId);
  return {
    status: 'done',
    message: 'If this link belonged to a story of yours, a fresh one is on its way to your email address.',
    at: Date.now(),
  };
}
