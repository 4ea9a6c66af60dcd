import Link from 'next/link';
import { cookies } from 'next/headers';
import { DensityToggle } from '@/components/moderation/density-toggle';
import { densityCookie } from '@/lib/moderation/density';
import { BulkForm, BulkSelection } from '@/components/moderation/bulk-selection';
import { LiveCount } from '@/components/moderation/live-counts';
import { ModerationCard } from '@/components/moderation/moderation-card';
import { MeasureAppealCard } from '@/components/moderation/measure-appeal-card';
import { ClauseSelect } from '@/components/ui/clause-select';
import { QueueKeyboard } from '@/components/moderation/queue-keyboard';
import { QueueLive } from '@/components/moderation/queue-live';
import { UndoNotice } from '@/components/moderation/undo-notice';
import { latestUndoable } from '@/lib/moderation/undo';
import { requireStaffPage, staffMetadata } from '@/lib/auth/guards';
import { listArticlesForFilter, loadCards } from '@/lib/data/moderation';
import { countOpenNotices } from '@/lib/data/notices';
import { listOpenMeasureAppeals } from '@/lib/data/measure-appeals';
import { settleExpiredMeasureAppeals } from '@/lib/moderation/measure-appeals';
import { isAdmin } from '@/lib/auth/permissions';
import {
  allComments,
  oldestWaiting,
  pageAll,
  pageQueue,
  queueCounts,
  queueNames,
  queueOrders,
  textSearchable,
  showsMeasureAppeals,
  triageQueues,
  type QueueName,
  type QueueOrder,
} from '@/lib/moderation/queues';
import { formatAge } from '@/lib/site/format';
import { clauseLabel, clauses } from '@/lib/policy/clauses';
import { readQueueFilter } from '@/lib/validation/moderation';
import { ruleIds } from '@/lib/policy/types';
import { QueueFilters } from '@/components/moderation/queue-filters';
import {
  bulkDecideAction,
  decideAction,
  decideAppealAction,
  decideMeasureAppealAction,
  redactAction,
  undoAction,
  userMeasureAction,
} from './actions';

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

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function ModeratePage({ searchParams }: Props) {
  const viewer = await requireStaffPage();
  const params = await searchParams;
  // Card density: the URL's choice, else the one remembered in a cookie (components/moderation/density-toggle.tsx).
  const view = params.view === 'compact' || params.view === 'full' ? params.view : undefined;
  const compact = (view ?? (await cookies()).get(densityCookie)?.value) === 'compact';
  const queue = (queueNames as readonly string[]).includes(params.queue ?? '')
    ? (params.queue as QueueName)
    : 'pending';
  // Every filter parses or is dropped (an id that is not one filters nothing), as on the counts endpoint.
  const given = readQueueFilter((name) => params[name]);
  const order = (queueOrders as readonly string[]).includes(params.order ?? '')
    ? (params.order as QueueOrder)
    : 'priority';
  // "All" searches every comment (lib/moderation/queues.ts pageAll); the queue tabs keep their counts meanwhile.
  const all = params.queue === allComments;
  const current = all ? allComments : queue;
  const filter = { ...given, q: all || textSearchable.has(queue) ? given.q : undefined };
  // What enters a queue from this moment is new to this page (the live bar, components/moderation/queue-live.tsx).
  // eslint-disable-next-line react-hooks/purity -- a Server Component renders once per request; that moment is the value
  const queriedAt = Date.now();
  // Appeals of measures on accounts head the Appeals tab's first page (they are few); an expired suspension's
  // appeal closes as moot before anything is counted or shown.
  const measureAppealsShown = !all && queue === 'appeals' && !params.after && showsMeasureAppeals(filter);
  await settleExpiredMeasureAppeals();
  const measureAppeals = measureAppealsShown ? await listOpenMeasureAppeals() : [];
  const [counts, oldest, page, articles, openNotices, undo] = await Promise.all([
    queueCounts(filter),
    oldestWaiting(filter),
    all ? pageAll(filter, params.after) : pageQueue(queue, filter, params.after, undefined, order),
    listArticlesForFilter(),
    countOpenNotices(),
    latestUndoable(viewer.id),
  ]);
  const cards = await loadCards(page.ids);
  // Changes on every render, including the one a decision's revalidation sends back: the counts follow it at once.
  // eslint-disable-next-line react-hooks/purity -- a Server Component renders once per request; that moment is the value
  const renderedAt = Date.now();
  const clauseOptions = clauses.map((c) => ({ id: c.id, label: clauseLabel(c.id) }));
  // The filters as URL parameters: the tabs, the next page and the counts endpoint keep them.
  const filterParams = {
    article: filter.articleId,
    author: filter.author,
    rule: filter.ruleId,
    clause: filter.clause,
    reports: filter.minReports ? String(filter.minReports) : undefined,
  };
  const link = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams();
    const merged = {
      queue: current,
      view,
      ...filterParams,
      q: given.q,
      order: order === 'priority' ? undefined : order,
      ...changes,
    };
    for (const [key, value] of Object.entries(merged)) if (value) next.set(key, value);
    return `/moderate?${next}`;
  };
  const bulk = !all && triageQueues.has(queue) && cards.length > 0;
  const countParams = new URLSearchParams();
  for (const [key, value] of Object.entries(filterParams)) if (value) countParams.set(key, value);
  const countQuery = `?${countParams}`;
  // The live stream counts with the page's own queue and filters, text search included (lib/data/live-queue.ts).
  const liveParams = new URLSearchParams(countParams);
  liveParams.set('queue', current);
  if (filter.q) liveParams.set('q', filter.q);
  const filtered = Object.values(filterParams).some(Boolean) || Boolean(filter.q);

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
            aria-current={name === current ? 'page' : undefined}
            className="queue-tab"
          >
            {queueLabels[name]} <LiveCount queue={name} initial={counts[name]} asOf={renderedAt} query={countQuery} />
            {oldest[name] && (
              <span className="queue-tab__age" data-oldest={name}>
                {' '}
                oldest {formatAge(oldest[name], renderedAt)}
              </span>
            )}
          </Link>
        ))}
        <Link
          href={link({ queue: allComments, after: undefined, order: undefined })}
          aria-current={all ? 'page' : undefined}
          className="queue-tab queue-tab--search"
        >
          All
        </Link>
      </nav>

      <QueueFilters
        values={{ ...filterParams, reports: filter.minReports, q: given.q, order }}
        keep={{ queue: current, view }}
        articles={articles}
        rules={ruleIds}
        clauses={clauseOptions}
        showOrder={!all && triageQueues.has(queue)}
        showText={all || textSearchable.has(queue)}
      />

      <UndoNotice
        action={undoAction}
        undo={
          undo && {
            batchId: undo.batchId,
            label: undo.label,
            expiresAt: undo.expiresAt.getTime(),
            decidedAt: undo.decidedAt.getTime(),
          }
        }
      />

      <div className="queue-tools">
        <QueueKeyboard bulk={bulk} />
        <DensityToggle compact={compact} href={link({ view: compact ? 'full' : 'compact' })} />
      </div>

      <QueueLive query={liveParams.toString()} since={queriedAt} />

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

        {measureAppeals.length > 0 && (
          <ol className="cards" aria-label="Appeals of account measures">
            {measureAppeals.map((card) => (
              <li key={card.id}>
                <MeasureAppealCard
                  card={card}
                  now={renderedAt}
                  viewerId={viewer.id}
                  action={decideMeasureAppealAction}
                />
              </li>
            ))}
          </ol>
        )}
        {cards.length === 0 && measureAppeals.length > 0 ? null : cards.length === 0 ? (
          <p className="notice">
            {all ? 'No comment matches this search.' : `Nothing in this queue${filtered ? ' for this filter' : ''}.`}
          </p>
        ) : (
          <ol className={compact ? 'cards cards--compact' : 'cards'} data-density={compact ? 'compact' : 'full'}>
            {cards.map((card) => (
              <li key={card.id}>
                <ModerationCard
                  card={card}
                  now={renderedAt}
                  clauses={clauseOptions}
                  selectable={bulk}
                  actions={{
                    decide: decideAction,
                    measure: userMeasureAction,
                    appeal: decideAppealAction,
                    redact: redactAction,
                  }}
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
