import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import type { CommentSectionData } from '@/lib/data/comments';
import type { PostOutcome } from '@/lib/comments/post-outcome';
import {
  commentLinks,
  threadQueryFields,
  threadQueryHref,
  threadsPerPage,
  type CommentSort,
  type ThreadQuery,
} from '@/lib/comments/thread-query';
import { clauseLabel, clauses } from '@/lib/policy/clauses';
import { formatMoment } from '@/lib/site/format';
import { CommentBody } from './comment-body';
import { CommentForm } from './comment-form';
import { CommentThread, type CommentActions } from './comment-thread';
import { LiveUpdates } from './live-updates';
import { CommentCount, CommentList, PostedCommentsProvider } from './posted-comments';
import { SharedThread } from './shared-thread';

type Props = {
  article: { id: string; slug: string; commentCount: number };
  /** The signed-in reader, or null. */
  viewer: { displayName: string | null } | null;
  section: CommentSectionData;
  /** The thread query the page was read with (lib/comments/thread-query.ts). */
  query: ThreadQuery;
  /** The comment whose reply or report form is open (from ?reply= / ?report=). */
  open: { reply?: string; report?: string };
  /** The notice of a comment this reader posted without JavaScript (?posted=ID after the redirect), shown in the
   *  form it was posted from: the open reply form, else the compose box. */
  posted?: PostOutcome;
  actions: CommentActions;
  /** Issue 20's signed-in split (lib/cache/shared-thread.ts): `slot`, the list of threads is left to server.ts, which
   *  puts in the list of this version of the story's comments; `edition`, only the list is rendered, as every
   *  signed-in reader who may post sees it. */
  shared?: { kind: 'slot'; version: string } | { kind: 'edition' };
};

/** The shared list's one reaction form and one mute form (CommentThread's sharedForms). */
const sharedForms = { react: 'shared-react-form', mute: 'shared-mute-form' };

const sortLabels: Record<CommentSort, string> = {
  oldest: 'Oldest',
  newest: 'Newest',
  reactions: 'Most respected',
  picks: 'Editors’ picks',
};

export function CommentSection({ article, viewer, section, query, open, posted, actions, shared }: Props) {
  const { threads, totalThreads, hasMore, commentsOpen, blocked, standing } = section;
  const { sort, shown } = query;
  const path = `/articles/${article.slug}`;
  const links = commentLinks(path, query);
  const queryFields = threadQueryFields(query);
  const postedNotice = posted && { status: 'done' as const, ...posted };
  const reportClauses = clauses.filter((c) => c.reportable).map((c) => ({ id: c.id, label: clauseLabel(c.id) }));
  const threadList = (
    <CommentList
      className="comment-list"
      parentIds={null}
      at={sort === 'newest' ? 'start' : 'end'}
      count={threads.length}
      empty={<p className="comments__empty">No comments yet.{commentsOpen ? ' Start the conversation.' : ''}</p>}
    >
      {threads.map((comment, index) => (
        <CommentThread
          key={comment.id}
          anchorId={index > 0 && index % threadsPerPage === 0 ? `thread-${index + 1}` : undefined}
          comment={comment}
          articleId={article.id}
          viewerCanPost={!!viewer && !blocked && commentsOpen}
          signedIn={!!viewer}
          actions={actions}
          reportClauses={reportClauses}
          open={open}
          links={links}
          queryFields={queryFields}
          replyNotice={open.reply ? postedNotice : undefined}
          depth={0}
          sharedForms={shared?.kind === 'edition' ? sharedForms : undefined}
        />
      ))}
    </CommentList>
  );

  if (shared?.kind === 'edition')
    return (
      <PostedCommentsProvider renderId="edition">
        <div data-shared-thread="edition">
          <form id={sharedForms.react} action={actions.react} hidden />
          {actions.mute && <form id={sharedForms.mute} action={actions.mute} hidden />}
          {threadList}
        </div>
        <div data-shared-thread-end="" />
      </PostedCommentsProvider>
    );

  return (
    // data-viewer marks markup made for one viewer: the page cache refuses to store a page carrying it.
    <section
      id="comments"
      className="comments"
      aria-labelledby="comments-title"
      data-viewer={viewer ? 'signed-in' : undefined}
      // When the story's comment state changes by itself (pre-moderation ends, comments close): the page cache does
      // not serve this page past that moment (lib/server/reader-pages.ts).
      data-fresh-until={standing.changesAt?.toISOString()}
    >
      <PostedCommentsProvider renderId={randomUUID()}>
        <h2 id="comments-title" className="comments__title">
          Comments <CommentCount count={article.commentCount} />
        </h2>

        {standing.notice && (
          <p className="notice comments__preset-notice" dir="auto">
            {standing.notice}
          </p>
        )}
        {standing.state === 'premoderated' && (
          <p className="meta comments__premoderated">
            Comments on this story are read by a moderator before they appear
            {standing.premoderatedUntil && (
              <>
                {' '}
                until{' '}
                <time dateTime={standing.premoderatedUntil.toISOString()}>
                  {formatMoment(standing.premoderatedUntil)}
                </time>
              </>
            )}
            .
          </p>
        )}
        {commentsOpen && standing.closesAt && (
          <p className="meta comments__closing">
            Comments close on <time dateTime={standing.closesAt.toISOString()}>{formatMoment(standing.closesAt)}</time>.
          </p>
        )}
        {!commentsOpen ? (
          <p className="notice">Comments are closed on this story. The discussion below is kept as it was.</p>
        ) : !viewer ? (
          <p className="notice comments__cta">
            <Link className="button" href={`/sign-in?callbackUrl=${encodeURIComponent(`${path}#comments`)}`}>
              Sign in to comment
            </Link>{' '}
            No password needed: we email you a link.
          </p>
        ) : blocked && !viewer.displayName ? (
          <p className="notice">
            <Link href={`/welcome?next=${encodeURIComponent(`${path}#comments`)}`}>Choose a display name</Link> to start
            commenting.
          </p>
        ) : blocked ? (
          <p className="notice notice--warn">{blocked}</p>
        ) : (
          <CommentForm
            action={actions.reply}
            check={actions.check}
            label={`Comment as ${viewer.displayName}`}
            submitLabel="Post comment"
            hidden={{ articleId: article.id, ...queryFields }}
            idempotencyKey={randomUUID()}
            initialState={open.reply ? undefined : postedNotice}
          />
        )}

        {section.picks.length > 0 && (
          <section className="comments__picks" aria-labelledby="picks-title">
            <h3 id="picks-title">Editors’ picks</h3>
            <p className="meta">Comments our moderators chose for adding something to the story.</p>
            <ol className="comment-list comments__picks-list">
              {section.picks.map((pick) => (
                <li key={pick.id} className="comment comment--pick">
                  <article aria-label={`Editors’ pick by ${pick.authorName}`}>
                    <header className="comment__header">
                      <span className="comment__author" dir="auto">
                        {pick.authorName}
                      </span>
                      <span className="badge badge--pick">Editors’ pick</span>
                      {pick.isReply && <span className="meta">a reply</span>}
                    </header>
                    <CommentBody body={pick.body} />
                    <p className="meta">
                      <a
                        href={threadQueryHref(path, { sort: 'picks', shown: threadsPerPage }, {}, `comment-${pick.id}`)}
                      >
                        In the discussion
                      </a>
                    </p>
                  </article>
                </li>
              ))}
            </ol>
          </section>
        )}

        <nav className="comments__sort" aria-label="Sort comments">
          <span>Sort by:</span>
          {(Object.keys(sortLabels) as CommentSort[]).map((key) => (
            <Link
              key={key}
              href={threadQueryHref(path, { sort: key, shown: threadsPerPage }, {}, 'comments')}
              aria-current={key === sort ? 'true' : undefined}
              scroll={false}
            >
              {sortLabels[key]}
            </Link>
          ))}
        </nav>

        {shared?.kind === 'slot' ? (
          <>
            {/* A comment posted from the compose box is shown in a list of its own, next to the shared one. */}
            {sort === 'newest' && <CommentList className="comment-list" parentIds={null} at="start" count={0} />}
            <SharedThread version={shared.version} react={actions.react} mute={actions.mute} />
            {sort !== 'newest' && <CommentList className="comment-list" parentIds={null} at="end" count={0} />}
          </>
        ) : (
          threadList
        )}
        {viewer && <LiveUpdates slug={article.slug} renderedAt={section.renderedAt} />}
        {hasMore && (
          <p className="comments__more">
            <Link
              className="button button--quiet"
              // Lands on the first of the threads it adds, with or without JavaScript.
              href={threadQueryHref(path, { sort, shown: shown + threadsPerPage }, {}, `thread-${shown + 1}`)}
            >
              Show more comments ({totalThreads - shown} more {totalThreads - shown === 1 ? 'thread' : 'threads'})
            </Link>
          </p>
        )}
      </PostedCommentsProvider>
    </section>
  );
}
