'use server';
// Every action here is a public POST endpoint: each one checks who is calling, validates with zod
// and returns errors the reader can fix, echoing back what they typed so nothing is lost.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getViewer } from '@/lib/auth/viewer';
import { articleLocation } from '@/lib/cache/invalidate';
import { deleteComment, editComment, reportComment, toggleReaction } from '@/lib/comments/manage-comment';
import { describeReason, submitComment } from '@/lib/comments/submit-comment';
import { getActivePolicy } from '@/lib/data/policy';
import { db } from '@/lib/db';
import { checkDraft } from '@/lib/policy';
import { clauseHref, clauseLabel } from '@/lib/policy/clauses';
import { formValues, invalid, type FormState } from '@/lib/actions/form-state';
import { clientIp } from '@/lib/security/client-ip';
import {
  commentMaxLength,
  commentIdSchema,
  editCommentSchema,
  newCommentSchema,
  reportSchema,
  type EditCommentField,
  type NewCommentField,
  type ReportField,
} from '@/lib/validation/comment';

export type PostState = FormState<NewCommentField> & { commentId?: string };

const signInMessage = 'Sign in to take part in the discussion.';

async function revalidateArticle(articleId: string) {
  const article = await articleLocation(articleId);
  if (article) revalidatePath(`/articles/${article.slug}`);
}

export async function postComment(_previous: PostState, formData: FormData): Promise<PostState> {
  const values = formValues(formData);
  const echo = { body: values.body ?? '' };
  const viewer = await getViewer();
  if (!viewer) return invalid<NewCommentField>({}, signInMessage, echo);
  const parsed = newCommentSchema.safeParse(values);
  if (!parsed.success)
    return invalid(z.flattenError(parsed.error).fieldErrors, 'Please fix the highlighted field.', echo);

  const result = await submitComment({ viewer, ...parsed.data, ip: await clientIp() });
  if (!result.ok) return invalid<NewCommentField>({}, result.message, echo);

  await revalidateArticle(parsed.data.articleId);
  if (result.status === 'PUBLISHED')
    return {
      status: 'done',
      message: 'Your comment is published.',
      tone: 'ok',
      commentId: result.commentId,
      at: Date.now(),
    };
  const why = result.reasons.map(describeReason).join(' ');
  if (result.status === 'PENDING')
    return {
      status: 'done',
      tone: 'warn',
      commentId: result.commentId,
      at: Date.now(),
      message: `Your comment is held for review. ${why} Only you can see it until a moderator approves it.`,
    };
  // Rejected: the text stays in the box, and sending it again corrects the rejected comment (a new submission
  // that withdraws it) rather than adding a second copy. Without JavaScript the page renders this state too.
  return invalid<NewCommentField>(
    {},
    `Your comment was not published. ${why} Correct it below and send it again, or appeal from your profile.`,
    { body: parsed.data.body, replaces: result.commentId },
  );
}

export async function editCommentAction(
  _previous: FormState<EditCommentField>,
  formData: FormData,
): Promise<FormState<EditCommentField>> {
  const values = formValues(formData);
  const echo = { body: values.body ?? '' };
  const viewer = await getViewer();
  if (!viewer) return invalid<EditCommentField>({}, signInMessage, echo);
  const parsed = editCommentSchema.safeParse(values);
  if (!parsed.success)
    return invalid(z.flattenError(parsed.error).fieldErrors, 'Please fix the highlighted field.', echo);
  const result = await editComment(viewer, parsed.data.commentId, parsed.data.body);
  const why = result.reasons?.map(describeReason).join(' ');
  if (!result.ok) return invalid<EditCommentField>(why ? { body: [why] } : {}, result.message, echo);
  await revalidateCommentArticle(parsed.data.commentId);
  return {
    status: 'done',
    message: why ? `${result.message} ${why}` : result.message,
    tone: why ? 'warn' : 'ok',
    at: Date.now(),
  };
}

export async function deleteCommentAction(formData: FormData): Promise<void> {
  const viewer = await getViewer();
  const parsed = commentIdSchema.safeParse(formValues(formData));
  if (!viewer || !parsed.success) return;
  const result = await deleteComment(viewer, parsed.data.commentId);
  if (result.ok) await revalidateCommentArticle(parsed.data.commentId);
}

export async function toggleReactionAction(formData: FormData): Promise<void> {
  const viewer = await getViewer();
  const parsed = commentIdSchema.safeParse(formValues(formData));
  if (!viewer || !parsed.success) return;
  const result = await toggleReaction(viewer, parsed.data.commentId);
  if (result.ok) await revalidateCommentArticle(parsed.data.commentId);
}

export async function reportCommentAction(
  _previous: FormState<ReportField>,
  formData: FormData,
): Promise<FormState<ReportField>> {
  const values = formValues(formData);
  const echo = { note: values.note ?? '', clause: values.clause ?? '' };
  const viewer = await getViewer();
  if (!viewer) return invalid<ReportField>({}, signInMessage, echo);
  const parsed = reportSchema.safeParse(values);
  if (!parsed.success)
    return invalid(z.flattenError(parsed.error).fieldErrors, 'Please fix the highlighted field.', echo);
  const result = await reportComment(viewer, parsed.data);
  if (!result.ok) return invalid<ReportField>({}, result.message, echo);
  await revalidateCommentArticle(parsed.data.commentId);
  return { status: 'done', message: result.message, tone: 'ok', at: Date.now() };
}

async function revalidateCommentArticle(commentId: string) {
  const comment = await db.comment.findUnique({ where: { id: commentId }, select: { articleId: true } });
  if (comment) await revalidateArticle(comment.articleId);
}

export type DraftWarning = {
  clause: string;
  clauseHref: string;
  message: string;
  outcome: 'hold' | 'reject';
  spans: { start: number; end: number }[];
};

/** The compose box's live check: which clause the draft would trip, and where. Never returns the term lists. */
export async function checkDraftAction(body: unknown): Promise<DraftWarning[]> {
  const parsed = z
    .string()
    .max(commentMaxLength * 2)
    .safeParse(body);
  if (!parsed.success || !(await getViewer())) return [];
  const reasons = checkDraft(parsed.data, (await getActivePolicy()).compiled);
  return reasons.map((reason) => ({
    clause: clauseLabel(reason.clause),
    clauseHref: clauseHref(reason.clause),
    message: reason.message,
    outcome: reason.outcome,
    spans: reason.evidence.flatMap((evidence) =>
      evidence.kind === 'span' ? [{ start: evidence.start, end: evidence.end }] : [],
    ),
  }));
}
