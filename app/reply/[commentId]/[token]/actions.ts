'use server';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { postAuthorReply, sendFreshReplyLink } from '@/lib/comments/author-reply';
import { formValues, invalid, type FormState } from '@/lib/actions/form-state';
import { commentBody } from '@/lib/validation/comment';

const replySchema = z.object({
  commentId: z.string().min(1).max(64),
  token: z.string().min(1).max(1000),
  body: commentBody,
});

export async function postAuthorReplyAction(
  _previous: FormState<'body'>,
  formData: FormData,
): Promise<FormState<'body'>> {
  const values = formValues(formData);
  const echo = { body: values.body ?? '' };
  const parsed = replySchema.safeParse(values);
  if (!parsed.success)
    return invalid(
      z.flattenError(parsed.error).fieldErrors as Partial<Record<'body', string[]>>,
      'Please fix the highlighted field.',
      echo,
    );
  const result = await postAuthorReply(parsed.data.commentId, parsed.data.token, parsed.data.body);
  if (!result.ok) return invalid({}, result.message, echo);
  revalidatePath(`/articles/${result.articleSlug}`);
  redirect(`/articles/${result.articleSlug}#comment-${result.replyId}`);
}

const freshSchema = z.object({
  commentId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
});

export async function requestFreshLinkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = freshSchema.safeParse(formValues(formData));
  if (parsed.success) await sendFreshReplyLink(parsed.data.commentId);
  return {
    status: 'done',
    message: 'If this link belonged to a story of yours, a fresh one is on its way to your email address.',
    at: Date.now(),
  };
}
