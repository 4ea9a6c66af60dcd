import type { Metadata } from 'next';
import Link from 'next/link';
import { requireViewer } from '@/lib/auth/viewer';
import { getNotificationPreferences, listMeasureAppeals, listMutes, measuresInForce } from '@/lib/data/accounts';
import { listOwnComments } from '@/lib/data/comments';
import { heldCommentWait } from '@/lib/data/wait-times';
import { formatDate, formatDateTime } from '@/lib/site/format';
import { StatementOfReasons } from '@/components/comments/statement-of-reasons';
import { listAccountHolds } from '@/lib/moderation/standing';
import { settleExpiredMeasureAppeals } from '@/lib/moderation/measure-appeals';
import { clauseHref, clauseLabel, isClauseId } from '@/lib/policy/clauses';
import { statementOf } from '@/lib/policy/statement';
import { displayNameCooldownDays, nextRenameAt } from '@/lib/accounts/display-name';
import {
  appealAction,
  appealMeasureAction,
  changeDisplayNameAction,
  requestAccountDeletionAction,
  signOutAction,
  unmuteCommenterAction,
  updatePreferencesAction,
} from '../actions';
import { DisplayNameForm } from '../welcome/display-name-form';
import { AppealForm } from './appeal-form';
import { DeleteAccountForm } from './delete-account-form';
import { MeasuresSection } from './measures-section';
import { PreferencesForm } from './preferences-form';

export const metadata: Metadata = { title: 'Your account' };

const statusLabels = {
  PUBLISHED: 'Published',
  PENDING: 'Held for review',
  REJECTED: 'Rejected',
  DELETED: 'Deleted',
} as const;

export default async function ProfilePage() {
  const viewer = await requireViewer('/profile');
  // A suspension that has expired leaves nothing to appeal: its open appeal closes as moot before it is shown.
  await settleExpiredMeasureAppeals(new Date(), viewer.id);
  const [comments, prefs, holds, renameAt, measures, mutes, measureAppeals] = await Promise.all([
    listOwnComments(viewer.id),
    getNotificationPreferences(viewer.id),
    listAccountHolds(viewer),
    nextRenameAt(viewer),
    measuresInForce(viewer),
    listMutes(viewer.id),
    listMeasureAppeals(viewer.id),
  ]);
  const heldWait = comments.some((comment) => comment.status === 'PENDING') ? await heldCommentWait() : null;
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
      <form action={signOutAction}>
        <button type="submit" className="button button--quiet">
          Sign out
        </button>
      </form>

      <MeasuresSection measures={measures} appeals={measureAppeals} action={appealMeasureAction} />

      {holds.list.length > 0 && (
        <section className="notice notice--warn" aria-labelledby="holds-title">
          <h2 id="holds-title">Why your comments are reviewed first</h2>
          <ul>
            {holds.list.map((hold) => (
              <li key={hold.ruleId}>
                Your comments are reviewed because {hold.because} {hold.ends}
                {hold.ruleId === 'low-trust' && holds.breaches.length > 0 && (
                  <>
                    {' '}
                    Comments that counted against you:{' '}
                    {holds.breaches.map((b) => (isClauseId(b.clause) ? clauseLabel(b.clause) : b.clause)).join(', ')}.
                  </>
                )}
              </li>
            ))}
          </ul>
          <p className="meta">
            How this works: <a href="/policy#trust">when comments are reviewed before they appear</a>, under{' '}
            <a href={clauseHref('moderation')}>{clauseLabel('moderation')}</a>.
          </p>
        </section>
      )}

      <h2 className="section-title" style={{ marginTop: '2rem' }}>
        Your comments
      </h2>
      {comments.length === 0 ? (
        <p>You have not commented yet.</p>
      ) : (
        <ol className="comment-list profile-comments">
          {comments.map((comment) => {
            const statement = statementOf(comment);
            return (
              <li key={comment.id} id={`comment-${comment.id}`} className="comment">
                <p className="comment__header">
                  <span className={`badge status status--${comment.status.toLowerCase()}`}>
                    {statusLabels[comment.status]}
                  </span>
                  <Link href={`/articles/${comment.article.slug}#comment-${comment.id}`}>
                    {comment.article.headline}
                  </Link>
                  <time className="comment__time" data-relative dateTime={comment.createdAt.toISOString()}>
                    {formatDateTime(comment.createdAt)}
                  </time>
                </p>
                {comment.status !== 'DELETED' && <p className="comment__body">{comment.body}</p>}
                {statement && (
                  <StatementOfReasons
                    statement={statement}
                    linkAppeal={false}
                    withHeadline={false}
                    wait={comment.status === 'PENDING' ? heldWait : null}
                  />
                )}
                {statement?.appeal?.state === 'available' && (
                  <AppealForm
                    action={appealAction}
                    fields={{ commentId: comment.id }}
                    summary="Appeal this decision"
                    label="Why should this decision change? (you can appeal once)"
                  />
                )}
                {comment.appeal?.status === 'REINSTATED' && comment.status === 'PUBLISHED' && (
                  <p className="meta">Reinstated on appeal.</p>
                )}
              </li>
            );
          })}
        </ol>
      )}

      {viewer.displayName && (
        <section>
          <h2 className="section-title" style={{ marginTop: '2rem' }}>
            Display name
          </h2>
          {renameAt ? (
            <p>
              You are “{viewer.displayName}”. You can change your name once every {displayNameCooldownDays} days: next
              on {formatDate(renameAt)}.
            </p>
          ) : (
            <>
              <p className="meta">
                Your comments, past and future, show the new name. You can change it once every{' '}
                {displayNameCooldownDays} days; moderators can see your earlier names.
              </p>
              <DisplayNameForm
                action={changeDisplayNameAction}
                current={viewer.displayName}
                submitLabel="Change name"
              />
            </>
          )}
        </section>
      )}

      <section aria-labelledby="muted-title">
        <h2 id="muted-title" className="section-title" style={{ marginTop: '2rem' }}>
          Muted readers
        </h2>
        {mutes.length === 0 ? (
          <p>
            You have muted nobody. “Mute” under someone’s comment collapses their comments for you alone; nobody else is
            affected.
          </p>
        ) : (
          <ul className="mute-list">
            {mutes.map((mute) => (
              <li key={mute.userId}>
                <span dir="auto">{mute.name}</span>, muted on {formatDate(mute.since)}{' '}
                <form action={unmuteCommenterAction} className="inline-form">
                  <input type="hidden" name="userId" value={mute.userId} />
                  <button type="submit" className="button button--quiet" aria-label={`Unmute ${mute.name}`}>
                    Unmute
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>

      <h2 className="section-title" style={{ marginTop: '2rem' }}>
        Email notifications
      </h2>
      <PreferencesForm action={updatePreferencesAction} values={prefs} />

      <h2 className="section-title" style={{ marginTop: '2rem' }}>
        Your data
      </h2>
      <p>
        One JSON file with everything we hold about you: your account and any measures on it, every comment with its
        status and the reasons for each decision, your reactions, the reports you made, your appeals and the emails we
        sent you (with their links removed).
      </p>
      <p>
        <a className="button button--quiet" href="/api/account/data" download>
          Download my data
        </a>
      </p>

      <section aria-labelledby="delete-account-title">
        <h2 id="delete-account-title" className="section-title" style={{ marginTop: '2rem' }}>
          Delete my account
        </h2>
        <p>
          We email you a link to confirm. Your name, address, preferences, reactions and reports are then erased; your
          comments disappear, except that one others replied to stays as an empty “deleted” note so the replies keep
          their place. Moderation records keep only decisions, clauses and dates, without your name.
        </p>
        <DeleteAccountForm action={requestAccountDeletionAction} />
      </section>
    </div>
  );
}
