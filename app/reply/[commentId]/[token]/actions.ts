'use server';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { readForm } from '@/lib/actions/form-action';
import { invalid, type FormState } from '@/lib/actions/form-state';
import { changeAuthorReply, postAuthorReply, sendFreshReplyLink } from '@/lib/comments/author-reply';
import { authorReplyLinkSchema, authorReplySchema, commentIdSchema } from '@/lib/validation/comment';

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

/** Corrects the reply this link posted, within the edit window (the link is the authority, as for posting). */
export async function editAuthorReplyAction(
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
  const result = await changeAuthorReply(commentId, token, { kind: 'edit', body });
  if (!result.ok) return invalid({}, result.message, form.echo);
  revalidatePath(`/articles/${result.articleSlug}`);
  return { status: 'done', message: result.message, at: Date.now() };
}

/** Withdraws the reply this link posted, within the edit window. */
export async function deleteAuthorReplyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData, { schema: authorReplyLinkSchema });
  if (!form.ok) return form.state;
  const result = await changeAuthorReply(form.data.commentId, form.data.token, { kind: 'delete' });
  if (!result.ok) return invalid({}, result.message);
  revalidatePath(`/articles/${result.articleSlug}`);
  redirect(`/articles/${result.articleSlug}#comments`);
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
