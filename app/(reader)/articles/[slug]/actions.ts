'use server';
// Every action here is a public POST endpoint: each one checks who is calling, validates with zod
// and returns errors the reader can fix, echoing back what they typed so nothing is lost.
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { createElement } from 'react';
import { CommentThread } from '@/components/comments/comment-thread';
import { readForm } from '@/lib/actions/form-action';
import { invalid, type FormState } from '@/lib/actions/form-state';
import { muteCommenter } from '@/lib/accounts/mutes';
import { getViewer } from '@/lib/auth/viewer';
import { draftWarnings, type DraftWarning } from '@/lib/comments/draft-check';
import { deleteComment, editComment, reportComment, toggleReaction } from '@/lib/comments/manage-comment';
import { postOutcome } from '@/lib/comments/post-outcome';
import { describeReason } from '@/lib/comments/reasons';
import { submitComment } from '@/lib/comments/submit-comment';
import {
  commentLinks,
  readThreadQuery,
  threadQueryFields,
  threadQueryHref,
  threadsPerPage,
} from '@/lib/comments/thread-query';
import { loadPostedComment } from '@/lib/data/comments';
import { clientIp } from '@/lib/security/client-ip';
import { muteSchema } from '@/lib/validation/account';
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
  const {
    data: { sort, shown, ...post },
    actor: viewer,
    echo,
  } = form;
  const { query } = readThreadQuery(new URLSearchParams({ ...(sort && { sort }), ...(shown && { shown }) }));

  const result = await submitComment({ viewer, ...post, ip: await clientIp() });
  if (!result.ok) return invalid({}, result.message, echo);
  const path = `/articles/${result.articleSlug}`;

  if (result.status === 'REJECTED') {
    // The text stays in the box, and sending it again corrects the rejected comment (a new submission that
    // withdraws it) rather than adding a second copy; the page shows the rejected comment with its reasons.
    // Without JavaScript the page renders this state too.
    revalidateArticle(result.articleSlug);
    const why = result.reasons.map(describeReason).join(' ');
    return invalid(
      {},
      `Your comment was not published. ${why} Correct it below and send it again, or appeal from your profile.`,
      { body: post.body, replaces: result.commentId },
    );
  }

  // A form posted without JavaScript (no Next-Action header: Next's own test of a fetch-driven action) is answered
  // with a redirect (303) to the story at the new comment, with ?posted=ID for its notice: a reload never reposts.
  // A new thread is shown newest first, so it is on the page the redirect opens; a reply under its open parent.
  if (!(await headers()).has('next-action')) {
    const where = post.parentId ? query : { sort: 'newest' as const, shown: threadsPerPage };
    redirect(
      threadQueryHref(path, where, { reply: post.parentId, posted: result.commentId }, `comment-${result.commentId}`),
    );
  }
  const outcome = postOutcome(result.status, result.reasons);
  const done = { status: 'done' as const, ...outcome, commentId: result.commentId, at: Date.now() };
  // A corrected rejected comment withdraws the rejected one: the page is rendered again without it.
  if (post.replaces) {
    revalidateArticle(result.articleSlug);
    return done;
  }
  // Otherwise the answer is the new comment alone, rendered as the thread renders it, for the page to insert.
  const posted = await loadPostedComment(result.commentId, viewer);
  if (!posted) return done;
  const view = createElement(CommentThread, {
    comment: posted.view,
    articleId: post.articleId,
    viewerCanPost: true,
    signedIn: true,
    actions: {
      reply: postCommentAction,
      check: checkDraftAction,
      edit: editCommentAction,
      remove: deleteCommentAction,
      react: toggleReactionAction,
      report: reportCommentAction,
    },
    reportClauses: [],
    open: {},
    links: commentLinks(path, query),
    queryFields: threadQueryFields(query),
    depth: posted.depth,
  });
  return { ...done, posted: { id: result.commentId, parentId: posted.parentId, status: result.status, view } };
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

/** Issue 17: collapses this comment's writer's comments for the caller only (form post; works without JavaScript). */
export async function muteCommenterAction(formData: FormData): Promise<void> {
  const form = await readForm(formData, { guard: reader, schema: muteSchema });
  if (!form.ok) return;
  const result = await muteCommenter(form.actor, form.data.commentId);
  if (result.ok && result.articleSlug) revalidateArticle(result.articleSlug);
}
