import type { Metadata } from 'next';
import Link from 'next/link';
import { CommentBody } from '@/components/comments/comment-body';
import { CommentForm } from '@/components/comments/comment-form';
import { StatusMarker } from '@/components/ui/status-marker';
import { openReplyLink } from '@/lib/comments/author-reply';
import { formatDateTime } from '@/lib/site/format';
import {
  deleteAuthorReplyAction,
  editAuthorReplyAction,
  postAuthorReplyAction,
  requestFreshLinkAction,
} from './actions';
import { DeleteReplyForm } from './delete-reply-form';
import { FreshLinkForm } from './fresh-link-form';

// The link's token must not leak to other sites through the Referer header. `same-origin` keeps it from
// them while letting this site's own form POST carry its real Origin: with `no-referrer` Chromium sends
// `Origin: null`, and the reply was refused (issue 12.8).
export const metadata: Metadata = { title: 'Reply as the author', robots: { index: false }, referrer: 'same-origin' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ commentId: string; token: string }> };

// Opening the link (GET) never changes anything: mail scanners follow links. Posting needs the button.
export default async function AuthorReplyPage({ params }: Props) {
  const { commentId, token } = await params;
  const state = await openReplyLink(commentId, decodeURIComponent(token));

  if (state.kind === 'invalid' || state.kind === 'expired') {
    return (
      <div className="panel">
        <StatusMarker status={state.kind === 'expired' ? 410 : 404} />
        <h1>This reply link cannot be used</h1>
        <p role="alert">
          {state.kind === 'expired'
            ? 'Reply links work for 7 days, and this one has expired.'
            : 'The link is incomplete or damaged — perhaps it was cut when the email was forwarded or copied.'}
        </p>
        <p>We can send a fresh link to the email address we have for the story’s author.</p>
        <FreshLinkForm action={requestFreshLinkAction} commentId={commentId} />
      </div>
    );
  }

  if (state.kind === 'used') {
    return (
      <div className="panel">
        <StatusMarker status={410} />
        <h1>You have already replied through this link</h1>
        <p>Each link posts one reply.</p>
        {state.reply && state.reply.status === 'DELETED' ? (
          <p className="notice">You deleted this reply.</p>
        ) : state.reply && state.editableUntil ? (
          // Within the edit window the same link corrects or withdraws the reply, as readers can theirs.
          <section aria-labelledby="change-reply">
            <h2 id="change-reply">Change your reply</h2>
            <p className="field__hint">
              You can edit or delete it until{' '}
              <time dateTime={state.editableUntil.toISOString()}>{formatDateTime(state.editableUntil)}</time>.
            </p>
            <CommentForm
              action={editAuthorReplyAction}
              label="Your reply"
              submitLabel="Save changes"
              initialBody={state.reply.body}
              hidden={{ commentId, token: decodeURIComponent(token) }}
              resetOnDone={false}
            />
            <DeleteReplyForm action={deleteAuthorReplyAction} commentId={commentId} token={decodeURIComponent(token)} />
          </section>
        ) : (
          state.reply && (
            <blockquote className="quote">
              <CommentBody body={state.reply.body} />
            </blockquote>
          )
        )}
        <p>
          <Link href={`/articles/${state.articleSlug}${state.reply ? `#comment-${state.reply.id}` : '#comments'}`}>
            See it in the discussion
          </Link>
        </p>
        <p>To reply again to the same comment, ask for a fresh link:</p>
        <FreshLinkForm action={requestFreshLinkAction} commentId={commentId} />
      </div>
    );
  }

  const { comment } = state;
  return (
    <div className="article">
      <p className="kicker">Reply as the author</p>
      <h1 className="article__headline" style={{ fontSize: '1.6rem' }}>
        <Link href={`/articles/${comment.article.slug}`}>{comment.article.headline}</Link>
      </h1>
      {comment.parent && comment.parent.status === 'PUBLISHED' && (
        <div className="comment comment--context">
          <p className="comment__header">
            <span className="comment__author" dir="auto">
              {comment.parent.user?.displayName ?? 'A reader'}
            </span>{' '}
            wrote earlier:
          </p>
          <CommentBody body={comment.parent.body} />
        </div>
      )}
      <div className="comment">
        <p className="comment__header">
          <span className="comment__author" dir="auto">
            {comment.user?.displayName ?? 'A reader'}
          </span>
          <time className="comment__time" data-relative dateTime={comment.createdAt.toISOString()}>
            {formatDateTime(comment.createdAt)}
          </time>
        </p>
        <CommentBody body={comment.body} />
      </div>
      <CommentForm
        action={postAuthorReplyAction}
        label={`Your reply, as ${state.authorName} (published at once with an Author badge)`}
        submitLabel="Publish reply"
        hidden={{ commentId: comment.id, token: decodeURIComponent(token) }}
        resetOnDone={false}
      />
    </div>
  );
}
