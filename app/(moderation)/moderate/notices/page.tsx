import Link from 'next/link';
import { NoticeDecisionForm } from '@/components/moderation/notice-decision-form';
import { requireStaffPage, staffMetadata } from '@/lib/auth/guards';
import { countOpenNotices, getDecidedNotice, listNoticeCards } from '@/lib/data/notices';
import { clauseLabel, clauses, isClauseId } from '@/lib/policy/clauses';
import { formatDateTime } from '@/lib/site/format';
import { noticeCategoryLabel } from '@/lib/validation/notice';
import { queryText } from '@/lib/validation/fields';
import { decideNoticeAction } from './actions';

export const generateMetadata = staffMetadata('Legal notices');
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | undefined>> };

const outcomeLabels: Record<string, string> = { REMOVED: 'Content removed', NO_ACTION: 'No action' };
// Twelve months after the decision the reporter's details are erased (lib/notices/retention.ts).
const erasedDetails = <em>Erased after 12 months (privacy policy)</em>;

/** Notices of illegal content (DSA Art. 16) from anyone: a queue of their own, decided one by one. */
export default async function NoticesPage({ searchParams }: Props) {
  await requireStaffPage();
  const params = await searchParams;
  const view = params.view === 'decided' ? 'decided' : 'open';
  const q = queryText(params.q, 254);
  const decidedRef = queryText(params.decided, 20);
  const [notices, open, decided] = await Promise.all([
    listNoticeCards(view, q),
    countOpenNotices(),
    decidedRef ? getDecidedNotice(decidedRef) : null,
  ]);
  const clauseOptions = clauses.map((c) => ({ id: c.id, label: clauseLabel(c.id) }));
  return (
    <div className="moderation">
      <header className="moderation__header">
        <h1>Legal notices</h1>
        <nav aria-label="Moderation tools" className="meta">
          <Link href="/moderate">Queues</Link> · <Link href="/moderate/log">Audit log</Link>
        </nav>
      </header>
      <p>
        Notices that content is illegal, sent by anyone with the “Report illegal content” form (EU Digital Services Act,
        Art. 16). Each reporter is emailed your decision and its reasons; a removed comment’s writer gets the usual
        statement of reasons and may appeal.
      </p>
      {decided && (
        <p role="status" className="notice notice--ok">
          Notice {decided.reference}: {decided.status === 'REMOVED' ? 'content removed' : 'no action'}. The reporter is
          emailed the decision and its reasons.
        </p>
      )}
      <nav aria-label="Notices" className="queue-tabs">
        <Link href="/moderate/notices" aria-current={view === 'open' ? 'page' : undefined} className="queue-tab">
          Open ({open})
        </Link>
        <Link
          href="/moderate/notices?view=decided"
          aria-current={view === 'decided' ? 'page' : undefined}
          className="queue-tab"
        >
          Decided
        </Link>
      </nav>
      <form className="queue-filters" action="/moderate/notices">
        {view === 'decided' && <input type="hidden" name="view" value="decided" />}
        <div className="field">
          <label htmlFor="notice-q">Reference or reporter’s email</label>
          <input id="notice-q" name="q" defaultValue={q} />
        </div>
        <button type="submit" className="button button--quiet">
          Find
        </button>
      </form>
      {notices.length === 0 ? (
        <p className="notice">
          {q ? 'No notice matches.' : view === 'open' ? 'No open notices.' : 'No notice has been decided yet.'}
        </p>
      ) : (
        <ol className="cards">
          {notices.map((notice) => (
            <li key={notice.id}>
              <article className="card" aria-label={`Legal notice ${notice.reference}`} data-notice={notice.reference}>
                <header className="card__header">
                  <span className="badge badge--legal">Legal notice</span> <strong>{notice.reference}</strong> ·{' '}
                  <time dateTime={notice.createdAt.toISOString()}>{formatDateTime(notice.createdAt)}</time>
                </header>
                <p>
                  About{' '}
                  {notice.comment ? (
                    <>
                      a comment by <span dir="auto">{notice.comment.by}</span> ({notice.comment.status.toLowerCase()})
                      on{' '}
                    </>
                  ) : (
                    'the story '
                  )}
                  {notice.article ? (
                    <Link
                      href={`/articles/${notice.article.slug}${notice.comment ? `#comment-${notice.comment.id}` : ''}`}
                    >
                      {notice.article.headline}
                    </Link>
                  ) : (
                    'a story no longer on the site'
                  )}
                </p>
                {notice.comment && (
                  <blockquote className="card__body" dir="auto">
                    {notice.comment.body}
                  </blockquote>
                )}
                <dl className="card__facts">
                  <dt>Law or right</dt>
                  <dd>
                    {noticeCategoryLabel(notice.category)}
                    {notice.law && <> — {notice.law}</>}
                  </dd>
                  <dt>Explanation</dt>
                  <dd dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                    {notice.reporterEmail ? notice.explanation : erasedDetails}
                  </dd>
                  <dt>Reporter</dt>
                  <dd>
                    {notice.reporterEmail ? (
                      <>
                        <span dir="auto">{notice.reporterName}</span> &lt;{notice.reporterEmail}&gt; (good-faith
                        statement made)
                      </>
                    ) : (
                      erasedDetails
                    )}
                  </dd>
                  {notice.status !== 'OPEN' && (
                    <>
                      <dt>Decision</dt>
                      <dd>
                        {outcomeLabels[notice.status] ?? notice.status}
                        {notice.decisionClause && isClauseId(notice.decisionClause) && (
                          <> under {clauseLabel(notice.decisionClause)}</>
                        )}{' '}
                        by {notice.decidedBy ?? 'a moderator'}
                        {notice.decidedAt && <> at {formatDateTime(notice.decidedAt)}</>}: {notice.decisionReason}
                      </dd>
                    </>
                  )}
                </dl>
                {notice.status === 'OPEN' && (
                  <NoticeDecisionForm
                    action={decideNoticeAction}
                    noticeId={notice.id}
                    removeLabel={
                      notice.comment ? 'Remove the comment' : 'Uphold: the desk removes or corrects the story'
                    }
                    clauses={clauseOptions}
                  />
                )}
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
