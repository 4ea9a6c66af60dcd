import Link from 'next/link';
import { BulkForm, BulkSelection } from '@/components/moderation/bulk-selection';
import { LiveCount } from '@/components/moderation/live-counts';
import { ModerationCard } from '@/components/moderation/moderation-card';
import { ClauseSelect } from '@/components/ui/clause-select';
import { QueueKeyboard } from '@/components/moderation/queue-keyboard';
import { requireStaffPage, staffMetadata } from '@/lib/auth/guards';
import { findUserForFilter, listArticlesForFilter, loadCards } from '@/lib/data/moderation';
import { countOpenNotices } from '@/lib/data/notices';
import { isAdmin } from '@/lib/auth/permissions';
import { pageQueue, queueCounts, queueNames, type QueueName } from '@/lib/moderation/queues';
import { clauseLabel, clauses } from '@/lib/policy/clauses';
import { id, queryText } from '@/lib/validation/fields';
import { bulkDecideAction, decideAction, decideAppealAction, userMeasureAction } from './actions';

export const generateMetadata = staffMetadata('Moderation');
export const dynamic = 'force-dynamic';

const queueLabels: Record<QueueName, string> = {
  pending: 'Pending',
  reported: 'Reported',
  unmoderated: 'Unmoderated',
  appeals: 'Appeals',
  approved: 'Approved',
  rejected: 'Rejected',
};

/** The queues that can grow without bound get a text search (Pending, Reported and Appeals stay short). */
const textSearchable = new Set<QueueName>(['unmoderated', 'approved', 'rejected']);

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function ModeratePage({ searchParams }: Props) {
  const viewer = await requireStaffPage();
  const params = await searchParams;
  const queue = (queueNames as readonly string[]).includes(params.queue ?? '')
    ? (params.queue as QueueName)
    : 'pending';
  // The story filter is an id like any other: anything else filters nothing.
  const articleId = id.safeParse(params.article).data;
  const authorQuery = queryText(params.author, 100);
  const author = authorQuery ? await findUserForFilter(authorQuery) : null;
  const q = queryText(params.q);
  const filter = {
    articleId,
    authorId: author?.id ?? (authorQuery ? 'no-such-user' : undefined),
    q: textSearchable.has(queue) ? q : undefined,
  };

  const [counts, page, articles, openNotices] = await Promise.all([
    queueCounts(filter),
    pageQueue(queue, filter, params.after),
    listArticlesForFilter(),
    countOpenNotices(),
  ]);
  const cards = await loadCards(page.ids);
  // Changes on every render, including the one a decision's revalidation sends back: the counts follow it at once.
  // eslint-disable-next-line react-hooks/purity -- a Server Component renders once per request; that moment is the value
  const renderedAt = Date.now();
  const clauseOptions = clauses.map((c) => ({ id: c.id, label: clauseLabel(c.id) }));
  const link = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams();
    const merged = { queue, article: articleId, author: authorQuery, q, ...changes };
    for (const [key, value] of Object.entries(merged)) if (value) next.set(key, value);
    return `/moderate?${next}`;
  };
  const bulk = (queue === 'pending' || queue === 'reported') && cards.length > 0;
  const countQuery = `?${new URLSearchParams({ ...(articleId ? { article: articleId } : {}), ...(author ? { authorId: author.id } : {}) })}`;

  return (
    <div className="moderation">
      <header className="moderation__header">
        <h1>Moderation</h1>
        <nav aria-label="Moderation tools" className="meta">
          {isAdmin(viewer) && (
            <>
              <Link href="/moderate/rules">Rules</Link> · <Link href="/moderate/presets">Story presets</Link> ·{' '}
              <Link href="/moderate/outbox">Outbox</Link> ·{' '}
            </>
          )}
          <Link href="/moderate/notices">Legal notices ({openNotices})</Link> ·{' '}
          <Link href="/moderate/people">People</Link> · <Link href="/moderate/log">Audit log</Link> ·{' '}
          <Link href="/moderate/articles">Article settings</Link>
        </nav>
      </header>

      <nav aria-label="Queues" className="queue-tabs">
        {queueNames.map((name) => (
          <Link
            key={name}
            href={link({ queue: name, after: undefined })}
            aria-current={name === queue ? 'page' : undefined}
            className="queue-tab"
          >
            {queueLabels[name]} <LiveCount queue={name} initial={counts[name]} asOf={renderedAt} query={countQuery} />
          </Link>
        ))}
      </nav>

      <form className="queue-filters" action="/moderate">
        <input type="hidden" name="queue" value={queue} />
        <div className="field">
          <label htmlFor="filter-article">Story</label>
          <select id="filter-article" name="article" defaultValue={articleId ?? ''}>
            <option value="">All stories</option>
            {articles.map((article) => (
              <option key={article.id} value={article.id}>
                {article.headline}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-author">Commenter (email or display name)</label>
          <input id="filter-author" name="author" defaultValue={authorQuery} />
        </div>
        {textSearchable.has(queue) && (
          <div className="field">
            <label htmlFor="filter-q">Text contains</label>
            <input id="filter-q" name="q" defaultValue={q} />
          </div>
        )}
        <button type="submit" className="button button--quiet">
          Filter
        </button>
      </form>
      {authorQuery && !author && <p className="notice notice--warn">No account matches “{authorQuery}”.</p>}

      <QueueKeyboard bulk={bulk} />

      <BulkSelection action={bulkDecideAction}>
        {bulk && (
          // The cards' checkboxes belong to this form (form="bulk-form"); BulkSelection ticks them again when a
          // bulk decision is refused, with or without JavaScript.
          <BulkForm>
            <span>With the selected cards:</span>
            <button type="submit" name="decision" value="approve" className="button">
              Approve selected
            </button>
            <label htmlFor="bulk-clause" className="visually-hidden">
              Clause for bulk rejection
            </label>
            <ClauseSelect id="bulk" clauses={clauseOptions} />
            <button type="submit" name="decision" value="reject" className="button button--danger">
              Reject selected
            </button>
          </BulkForm>
        )}

        {cards.length === 0 ? (
          <p className="notice">
            Nothing in this queue{filter.articleId || filter.authorId || filter.q ? ' for this filter' : ''}.
          </p>
        ) : (
          <ol className="cards">
            {cards.map((card) => (
              <li key={card.id}>
                <ModerationCard
                  card={card}
                  clauses={clauseOptions}
                  selectable={bulk}
                  actions={{ decide: decideAction, measure: userMeasureAction, appeal: decideAppealAction }}
                />
              </li>
            ))}
          </ol>
        )}
      </BulkSelection>
      {page.next && (
        <p className="comments__more">
          <Link className="button button--quiet" href={link({ after: page.next })}>
            Next {cards.length} →
          </Link>
        </p>
      )}
    </div>
  );
}
