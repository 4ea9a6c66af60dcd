import type { Metadata } from 'next';
import Link from 'next/link';
import { requireViewer } from '@/lib/auth/viewer';
import { listOwnComments } from '@/lib/data/comments';
import { db } from '@/lib/db';
import { formatDateTime } from '@/lib/format';
import type { Reason } from '@/lib/policy';
import { clauseHref, clauseLabel, isClauseId } from '@/lib/policy/clauses';
import { appealAction, signOut, updatePreferences } from '../actions';
import { AppealForm } from './appeal-form';
import { PreferencesForm } from './preferences-form';

export const metadata: Metadata = { title: 'Your account' };

const statusLabels = { PUBLISHED: 'Published', PENDING: 'Held for review', REJECTED: 'Rejected', DELETED: 'Deleted' } as const;

export default async function ProfilePage() {
  const viewer = await requireViewer('/profile');
  const [comments, prefs] = await Promise.all([
    listOwnComments(viewer.id),
    db.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { notifyReplies: true, notifyAuthorReplies: true, notifyModeration: true } }),
  ]);
  return (
    <div className="article">
      <p className="kicker">Your account</p>
      <h1>{viewer.displayName ?? viewer.email}</h1>
      <p className="meta">
        Signed in as {viewer.email}
        {viewer.role !== 'READER' && ` · ${viewer.role.toLowerCase()}`}
        {!viewer.displayName && (
          <>
            {' '}
            · <Link href="/welcome?next=/profile">choose a display name</Link>
          </>
        )}
      </p>
      {viewer.role !== 'READER' && (
        <p>
          <Link className="button" href="/moderate">
            Open the moderation console
          </Link>
        </p>
      )}
      <form action={signOut}>
        <button type="submit" className="button button--quiet">
          Sign out
        </button>
      </form>

      <h2 className="section-title" style={{ marginTop: '2rem' }}>
        Your comments
      </h2>
      {comments.length === 0 ? (
        <p>You have not commented yet.</p>
      ) : (
        <ol className="comment-list profile-comments">
          {comments.map((comment) => {
            const reasons = JSON.parse(comment.reasons) as Reason[];
            const rejectClause = comment.rejectClause && isClauseId(comment.rejectClause) ? comment.rejectClause : null;
            return (
              <li key={comment.id} className="comment">
                <p className="comment__header">
                  <span className={`badge status status--${comment.status.toLowerCase()}`}>{statusLabels[comment.status]}</span>
                  <Link href={`/articles/${comment.article.slug}#comment-${comment.id}`}>{comment.article.headline}</Link>
                  <time className="comment__time" dateTime={comment.createdAt.toISOString()}>
                    {formatDateTime(comment.createdAt)}
                  </time>
                </p>
                {comment.status !== 'DELETED' && <p className="comment__body">{comment.body}</p>}
                {(comment.status === 'PENDING' || comment.status === 'REJECTED') && (
                  <ul className="comment__reasons">
                    {rejectClause && (
                      <li>
                        A moderator rejected it under <a href={clauseHref(rejectClause)}>{clauseLabel(rejectClause)}</a>
                        {comment.rejectNote ? `: ${comment.rejectNote}` : '.'}
                      </li>
                    )}
                    {!rejectClause &&
                      reasons.map((reason, index) => (
                        <li key={index}>
                          {comment.status === 'PENDING' ? 'Held for review under ' : 'Rejected under '}
                          <a href={clauseHref(reason.clause)}>{clauseLabel(reason.clause)}</a>: {reason.message}
                        </li>
                      ))}
                  </ul>
                )}
                {comment.status === 'REJECTED' &&
                  (comment.appeal ? (
                    <p className="meta">
                      Appeal {comment.appeal.status === 'OPEN' ? 'under review' : comment.appeal.status === 'REINSTATED' ? 'succeeded: reinstated' : 'reviewed: the decision stands'}
                      {comment.appeal.decisionNote && ` — “${comment.appeal.decisionNote}”`}
                    </p>
                  ) : (
                    <AppealForm action={appealAction} commentId={comment.id} />
                  ))}
                {comment.appeal?.status === 'REINSTATED' && comment.status === 'PUBLISHED' && <p className="meta">Reinstated on appeal.</p>}
              </li>
            );
          })}
        </ol>
      )}

      <h2 className="section-title" style={{ marginTop: '2rem' }}>
        Email notifications
      </h2>
      <PreferencesForm action={updatePreferences} values={prefs} />
    </div>
  );
}
