'use server';
// Every action here is a public POST endpoint: each one checks who is calling, validates with zod
// and returns errors the reader can fix, echoing back what they typed so nothing is lost.
import { revalidatePath } from 'next/cache';
import { readForm } from '@/lib/actions/form-action';
import { invalid, type FormState } from '@/lib/actions/form-state';
import { getViewer } from '@/lib/auth/viewer';
import { draftWarnings, type DraftWarning } from '@/lib/comments/draft-check';
import { deleteComment, editComment, reportComment, toggleReaction } from '@/lib/comments/manage-comment';
import { describeReason } from '@/lib/comments/reasons';
import { submitComment } from '@/lib/comments/submit-comment';
import { clientIp } from '@/lib/security/client-ip';
import {
  commentIdSchema,
  draftSchema,
  editCommentSchema,
  newCommentSchema,
  reportSchema,
  type EditCommentField,
  type PostState,
  type ReportField,
} from '@/lib/validation/comment';

const reader = { actor: getViewer, refused: 'Sign in to take part in the discussion.' };
const fixField = 'Please fix the highlighted field.';

const revalidateArticle = (slug: string) => revalidatePath(`/articles/${slug}`);

export async function postCommentAction(_previous: PostState, formData: FormData): Promise<PostState> {
  const form = await readForm(formData, { guard: reader, schema: newCommentSchema, echo: ['body'], message: fixField });
  if (!form.ok) return form.state;
  const { data, actor: viewer, echo } = form;

  const result = await submitComment({ viewer, ...data, ip: await clientIp() });
  if (!result.ok) return invalid({}, result.message, echo);

  revalidateArticle(result.articleSlug);
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
  return invalid(
    {},
    `Your comment was not published. ${why} Correct it below and send it again, or appeal from your profile.`,
    { body: data.body, replaces: result.commentId },
  );
}

export async function editCommentAction(
  _previous: FormState<EditCommentField>,
  formData: FormData,
): Promise<FormState<EditCommentField>> {
  const form = await readForm(formData, {
    guard: reader,
    schema: editCommentSchema,
    echo: ['body'],
    message: fixField,
  });
  if (!form.ok) return form.state;
  const { data, actor: viewer, echo } = form;
  const result = await editComment(viewer, data.commentId, data.body);
  const why = result.reasons?.map(describeReason).join(' ');
  if (!result.ok) return invalid(why ? { body: [why] } : {}, result.message, echo);
  revalidateArticle(result.articleSlug);
  return {
    status: 'done',
    message: why ? `${result.message} ${why}` : result.message,
    tone: why ? 'warn' : 'ok',
    at: Date.now(),
  };
}

export async function deleteCommentAction(formData: FormData): Promise<void> {
  const form = await readForm(formData, { guard: reader, schema: commentIdSchema });
  if (!form.ok) return;
  const result = await deleteComment(form.actor, form.data.commentId);
  if (result.ok) revalidateArticle(result.articleSlug);
}

export async function toggleReactionAction(formData: FormData): Promise<void> {
  const form = await readForm(formData, { guard: reader, schema: commentIdSchema });
  if (!form.ok) return;
  const result = await toggleReaction(form.actor, form.data.commentId);
  if (result.ok) revalidateArticle(result.articleSlug);
}

export async function reportCommentAction(
  _previous: FormState<ReportField>,
  formData: FormData,
): Promise<FormState<ReportField>> {
  const form = await readForm(formData, {
    guard: reader,
    schema: reportSchema,
    echo: ['note', 'clause'],
    message: fixField,
  });
  if (!form.ok) return form.state;
  const result = await reportComment(form.actor, form.data);
  if (!result.ok) return invalid({}, result.message, form.echo);
  revalidateArticle(result.articleSlug);
  return { status: 'done', message: result.message, tone: 'ok', at: Date.now() };
}

/** The compose box's live check: which clause the draft would trip, and where. Never returns the term lists. */
export async function checkDraftAction(body: unknown): Promise<DraftWarning[]> {
  const parsed = draftSchema.safeParse(body);
  if (!parsed.success || !(await getViewer())) return [];
  return draftWarnings(parsed.data);
}
