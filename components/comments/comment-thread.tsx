import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { maxNesting, type CommentView } from '@/lib/data/comments';
import type { FormState } from '@/lib/actions/form-state';
import type { DraftWarning } from '@/lib/comments/draft-check';
import type { EditCommentField, PostState, ReportField } from '@/lib/validation/comment';
import { formatDateTime } from '@/lib/site/format';
import { CommentBody } from './comment-body';
import { CommentForm } from './comment-form';
import { HeldCommentWatch } from './held-comment-watch';
import { CommentList } from './posted-comments';
import { ReportForm } from './report-form';
import { StatementOfReasons } from './statement-of-reasons';

type FormAction<S> = (previous: S, formData: FormData) => Promise<S>;
/** The reader's server actions, handed down by the page (components never import from app/). */
export type CommentActions = {
  /** Posts a comment or reply, or sends a corrected rejected comment again. */
  reply: FormAction<PostState>;
  edit: FormAction<FormState<EditCommentField>>;
  remove: (formData: FormData) => Promise<void>;
  react: (formData: FormData) => Promise<void>;
  report: FormAction<FormState<ReportField>>;
  check: (body: string) => Promise<DraftWarning[]>;
  /** Mutes the comment's writer for this reader (issue 17); absent where muting is not offered. */
  mute?: (formData: FormData) => Promise<void>;
};

type Props = {
  comment: CommentView;
  articleId: string;
  viewerCanPost: boolean;
  signedIn: boolean;
  actions: CommentActions;
  reportClauses: { id: string; label: string }[];
  /** The comment whose reply or report form is open (from ?reply= / ?report=). */
  open: { reply?: string; report?: string };
  links: { reply(id: string): string; report(id: string): string; close(id: string): string };
  /** The page's thread query as form fields (lib/comments/thread-query.ts threadQueryFields). */
  queryFields: Record<string, string>;
  /** The notice for the open reply form: a reply posted from it without JavaScript (?posted=ID). */
  replyNotice?: PostState;
  depth: number;
  /** Where "Show more comments" lands without JavaScript: the first thread of a page after the first. */
  anchorId?: string;
  /** The ids of the page's one reaction form and one mute form, which the buttons submit (the shared signed-in
   *  list: a form per comment would add ~45 KB to a page of 140 comments); absent: a form per button. */
  sharedForms?: { react: string; mute: string };
};

export function CommentThread({
  comment,
  articleId,
  viewerCanPost,
  signedIn,
  actions,
  reportClauses,
  open,
  links,
  queryFields,
  replyNotice,
  depth,
  anchorId,
  sharedForms,
}: Props) {
  // Whose new replies land in this comment's reply list: its own, and at the last indented level those to the
  // comments listed in it, which are shown beside their parent rather than indented further (lib/data/comments.ts).
  const replyParents =
    depth < maxNesting ? [comment.id, ...(depth === maxNesting - 1 ? comment.replies.map((r) => r.id) : [])] : [];
  const published = comment.status === 'PUBLISHED';
  const replying = published && viewerCanPost && open.reply === comment.id;
  const reporting = published && signedIn && !comment.isOwn && open.report === comment.id;
  return (
    <li
      className={`comment comment--depth-${depth}`}
      id={`comment-${comment.id}`}
      data-viewer={comment.isOwn ? 'own' : undefined}
    >
      <article
        id={anchorId}
        aria-label={
          comment.body === null
            ? 'Deleted comment'
            : comment.muted
              ? 'Comment from a muted reader'
              : `Comment by ${comment.authorName}`
        }
      >
        {comment.body === null ? (
          <p className="comment__tombstone">This comment was deleted.</p>
        ) : (
          <Muted muted={comment.muted}>
            <header className="comment__header">
              <span className="comment__author" dir="auto">
                {comment.authorName}
              </span>
              {comment.badge && <span className={`badge badge--${comment.badge.toLowerCase()}`}>{comment.badge}</span>}
              {comment.isOwn && <span className="badge badge--you">You</span>}
              {comment.picked && <span className="badge badge--pick">Editors’ pick</span>}
              <time className="comment__time" data-relative dateTime={comment.createdAt.toISOString()}>
                {formatDateTime(comment.createdAt)}
              </time>
              {comment.editedAt && <span className="comment__edited">(edited)</span>}
              {comment.moderatorEdited && (
                <span className="comment__edited" data-moderator-edited>
                  (edited by a moderator)
                </span>
              )}
            </header>
            {comment.inReplyTo && <p className="comment__in-reply-to">In reply to {comment.inReplyTo}</p>}
            {comment.statement && (
              <StatementOfReasons statement={comment.statement} linkAppeal withHeadline wait={comment.heldWait} />
            )}
            {comment.isOwn && comment.status === 'PENDING' && <HeldCommentWatch commentId={comment.id} />}
            <CommentBody body={comment.body} redacted={comment.moderatorEdited} />
            <div className="comment__actions">
              {published && sharedForms ? (
                // The shared list (lib/cache/shared-thread.ts): one form per page, each button names its comment.
                <button
                  type="submit"
                  form={sharedForms.react}
                  name="commentId"
                  value={comment.id}
                  className="comment__react"
                  aria-pressed={comment.viewerReacted}
                >
                  Respect <span className="comment__react-count">{comment.reactionCount}</span>
                </button>
              ) : (
                published && (
                  <form action={actions.react}>
                    <input type="hidden" name="commentId" value={comment.id} />
                    <button
                      type="submit"
                      className="comment__react"
                      aria-pressed={comment.viewerReacted}
                      disabled={!signedIn || comment.isOwn}
                      title={!signedIn ? 'Sign in to respect comments' : undefined}
                    >
                      Respect <span className="comment__react-count">{comment.reactionCount}</span>
                    </button>
                  </form>
                )
              )}
              {published && viewerCanPost && !replying && (
                // No rel="nofollow" on Reply and Report: they are only ever on signed-in pages, which no crawler
                // sees, and 280 of them on a page of 140 comments cost 4 KB (issue 20's HTML budget).
                <Link className="comment__action" href={links.reply(comment.id)} scroll={false}>
                  Reply
                </Link>
              )}
              {comment.editableUntil && (
                <details className="comment__disclosure">
                  <summary>Edit</summary>
                  <CommentForm
                    action={actions.edit}
                    check={actions.check}
                    label="Edit your comment"
                    submitLabel="Save edit"
                    hidden={{ commentId: comment.id }}
                    initialBody={comment.body}
                    resetOnDone={false}
                  />
                  <p className="field__hint">You can edit until {formatDateTime(comment.editableUntil)}.</p>
                </details>
              )}
              {comment.canResubmit && (
                <details className="comment__disclosure">
                  <summary>Edit and send again</summary>
                  <CommentForm
                    action={actions.reply}
                    check={actions.check}
                    label="Correct your comment"
                    submitLabel="Send again"
                    hidden={{ articleId, replaces: comment.id, ...queryFields }}
                    idempotencyKey={randomUUID()}
                    initialBody={comment.body}
                  />
                  <p className="field__hint">It is checked again like a new comment, and replaces this one.</p>
                </details>
              )}
              {comment.isOwn && comment.statement?.appeal?.state !== 'open' && (
                <details className="comment__disclosure">
                  <summary>Delete</summary>
                  <form action={actions.remove} className="comment__confirm">
                    <input type="hidden" name="commentId" value={comment.id} />
                    <p>Delete this comment? Replies stay, under a “deleted” note.</p>
                    <button type="submit" className="button button--quiet">
                      Yes, delete it
                    </button>
                  </form>
                </details>
              )}
              {comment.canMute && !comment.muted && actions.mute && sharedForms ? (
                <button
                  type="submit"
                  form={sharedForms.mute}
                  name="commentId"
                  value={comment.id}
                  className="comment__mute"
                  title={`Collapse ${comment.authorName}’s comments for you only`}
                >
                  Mute
                </button>
              ) : (
                comment.canMute &&
                !comment.muted &&
                actions.mute && (
                  <form action={actions.mute}>
                    <input type="hidden" name="commentId" value={comment.id} />
                    <button
                      type="submit"
                      className="comment__mute"
                      title={`Collapse ${comment.authorName}’s comments for you only`}
                    >
                      Mute
                    </button>
                  </form>
                )
              )}
              {published && signedIn && !comment.isOwn && !reporting && (
                <Link className="comment__action" href={links.report(comment.id)} scroll={false}>
                  Report
                </Link>
              )}
              {published && !comment.isOwn && (
                // A plain link to a page of its own (DSA Art. 16: anyone, signed in or not): no form or script here.
                <a className="comment__action" href={`/notices?comment=${comment.id}`} rel="nofollow">
                  Report illegal content
                </a>
              )}
            </div>
            {replying && (
              <div className="comment__panel">
                <CommentForm
                  action={actions.reply}
                  check={actions.check}
                  label={`Reply to ${comment.authorName}`}
                  submitLabel="Post reply"
                  hidden={{ articleId, parentId: comment.id, ...queryFields }}
                  idempotencyKey={randomUUID()}
                  initialState={replyNotice}
                  autoFocus
                />
                <Link className="comment__action" href={links.close(comment.id)} scroll={false}>
                  Cancel
                </Link>
              </div>
            )}
            {reporting && (
              <div className="comment__panel">
                <ReportForm action={actions.report} commentId={comment.id} clauses={reportClauses} />
                <Link className="comment__action" href={links.close(comment.id)} scroll={false}>
                  Close
                </Link>
              </div>
            )}
          </Muted>
        )}
      </article>
      <CommentList
        className="comment-list comment-list--replies"
        parentIds={replyParents}
        at="end"
        count={comment.replies.length}
      >
        {comment.replies.map((reply) => (
          <CommentThread
            key={reply.id}
            comment={reply}
            articleId={articleId}
            viewerCanPost={viewerCanPost}
            signedIn={signedIn}
            actions={actions}
            reportClauses={reportClauses}
            open={open}
            links={links}
            queryFields={queryFields}
            replyNotice={replyNotice}
            depth={depth + 1}
            sharedForms={sharedForms}
          />
        ))}
      </CommentList>
      {/* Where the live channel counts this thread's new replies (components/comments/live-updates.tsx). */}
      {signedIn && depth === 0 && <div className="comment__live" data-live-slot={comment.id} />}
    </li>
  );
}

/** A muted reader's comment stays in its place, collapsed: one click (no JavaScript needed) shows it. */
function Muted({ muted, children }: { muted: boolean; children: ReactNode }) {
  if (!muted) return <>{children}</>;
  return (
    <details className="comment__muted">
      <summary>Comment from a muted reader (show)</summary>
      {children}
    </details>
  );
}
