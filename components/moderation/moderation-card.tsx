import Link from 'next/link';
import type { ModerationCard as Card } from '@/lib/data/moderation';
import type { FormState } from '@/lib/actions/form-state';
import { formatAge, formatDate, formatDateTime, plural } from '@/lib/site/format';
import { clauseHref, clauseLabel, isClauseId } from '@/lib/policy/clauses';
import { ActionForm } from './action-form';
import { SelectBox } from './bulk-selection';
import { DecisionForm } from './decision-form';
import { MeasureForm } from './measure-form';
import { RedactForm } from './redact-form';

type Actions = {
  decide: (
    previous: FormState<'clause' | 'note' | 'decision'>,
    formData: FormData,
  ) => Promise<FormState<'clause' | 'note' | 'decision'>>;
  measure: (previous: FormState, formData: FormData) => Promise<FormState>;
  appeal: (previous: FormState, formData: FormData) => Promise<FormState>;
  redact: (
    previous: FormState<'body' | 'clause' | 'note'>,
    formData: FormData,
  ) => Promise<FormState<'body' | 'clause' | 'note'>>;
};

/** The body with the rule evidence spans marked. */
function HighlightedBody({ body, spans }: { body: string; spans: { start: number; end: number }[] }) {
  const sorted = spans
    .filter((s) => s.start >= 0 && s.end <= body.length && s.start < s.end)
    .sort((a, b) => a.start - b.start);
  const parts: React.ReactNode[] = [];
  let at = 0;
  sorted.forEach((span, i) => {
    if (span.start < at) return;
    parts.push(body.slice(at, span.start), <mark key={i}>{body.slice(span.start, span.end)}</mark>);
    at = span.end;
  });
  parts.push(body.slice(at));
  return (
    <p className="card__body" dir="auto">
      {parts}
    </p>
  );
}

const label = (clause: string) => (isClauseId(clause) ? clauseLabel(clause) : clause);

/** `selectable`: the queue has bulk actions (Pending, Reported); elsewhere a checkbox would select for nothing. */
export function ModerationCard({
  card,
  actions,
  clauses,
  selectable,
  now,
}: {
  card: Card;
  /** When the page was rendered: each card shows how long its comment has waited. */
  now: number;
  actions: Actions;
  clauses: { id: string; label: string }[];
  selectable: boolean;
}) {
  const spans = card.reasons.flatMap((reason) =>
    reason.evidence.flatMap((e) => (e.kind === 'span' ? [{ start: e.start, end: e.end }] : [])),
  );
  const author = card.user;
  return (
    <article
      className="card"
      data-card
      data-comment-id={card.id}
      tabIndex={-1}
      aria-label={`Comment by ${author?.displayName ?? card.authorProfile?.name ?? 'unknown'}`}
    >
      <header className="card__header">
        {selectable && (
          <label className="card__select">
            <SelectBox value={`${card.id}:${card.version}`} /> <span className="visually-hidden">Select</span>
          </label>
        )}
        <span className={`badge status status--${card.status.toLowerCase()}`}>{card.status.toLowerCase()}</span>
        {card.hiddenByReports && <span className="badge status--rejected">hidden by reports</span>}
        {card.featured && <span className="badge badge--pick">editors’ pick</span>}
        <Link href={`/articles/${card.article.slug}#comment-${card.id}`} data-action="story">
          {card.article.headline}
        </Link>
        <time className="comment__time" data-relative dateTime={card.createdAt.toISOString()}>
          {formatDateTime(card.createdAt)}
        </time>
        <span className="card__age" data-age>
          {formatAge(card.createdAt, now)}
        </span>
      </header>

      {card.parent && (
        <blockquote className="card__parent">
          <span className="meta">In reply to {card.parent.user?.displayName ?? 'a reader'}:</span>{' '}
          {card.parent.body.slice(0, 300)}
          {card.parent.body.length > 300 && '…'}
        </blockquote>
      )}

      <HighlightedBody body={card.body} spans={spans} />

      <div className="card__grid">
        {author && card.stats && (
          <section aria-label="About the commenter">
            <h3>Commenter</h3>
            <p>
              <Link href={`/moderate/people/${author.id}`} data-action="person">
                <strong>{author.displayName ?? '(no name)'}</strong>
              </Link>{' '}
              · {author.email}
              {author.role !== 'READER' && <span className="badge badge--staff">{author.role.toLowerCase()}</span>}
            </p>
            <p className="meta">
              Account {plural(card.stats.accountAgeDays, 'day')} old (since {formatDate(author.createdAt)}) ·{' '}
              {card.stats.published} published · {card.stats.pending} held · {card.stats.rejected} rejected · trust{' '}
              {card.trust}
              {author.premoderated && ' · on pre-moderation'}
              {author.suspendedUntil &&
                author.suspendedUntil > new Date() &&
                ` · suspended until ${formatDate(author.suspendedUntil)}`}
              {author.bannedAt && ' · banned'}
            </p>
            {card.previousDecisions.length > 0 && (
              <ul className="meta">
                {card.previousDecisions.map((d, i) => (
                  <li key={i}>
                    {d.status === 'REJECTED'
                      ? `Rejected${d.rejectClause ? ` under ${label(d.rejectClause)}` : ''}`
                      : 'Approved'}{' '}
                    on “{d.article.headline}”
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
        {card.reasons.length > 0 && (
          <section aria-label="Rule hits">
            <h3>Rule hits</h3>
            <ul>
              {card.reasons.map((reason, i) => (
                <li key={i}>
                  <a href={clauseHref(reason.clause)}>{clauseLabel(reason.clause)}</a> · <code>{reason.ruleId}</code>:{' '}
                  {reason.message}
                  {reason.evidence.some((e) => e.kind === 'span') && (
                    <> Found: {reason.evidence.flatMap((e) => (e.kind === 'span' ? [`“${e.text}”`] : [])).join(', ')}</>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
        {card.reports.length > 0 && (
          <section aria-label="Reader reports">
            <h3>Reports ({card.reports.length})</h3>
            <ul>
              {card.reports.map((report, i) => (
                <li key={i}>
                  {label(report.clause)} — {report.user.displayName ?? 'a reader'}
                  {report.note && <>: “{report.note}”</>}
                </li>
              ))}
            </ul>
          </section>
        )}
        {card.originalBody !== null && (
          <section aria-label="Moderator’s edit" data-original>
            <h3>Edited by a moderator</h3>
            <p>
              Part removed{card.redactClause && ` under ${label(card.redactClause)}`}
              {card.redactNote && `: “${card.redactNote}”`}. Before the edit (staff only, never shown to readers):
            </p>
            <blockquote className="card__parent" dir="auto">
              {card.originalBody}
            </blockquote>
          </section>
        )}
        {card.status === 'REJECTED' && card.rejectClause && (
          <section aria-label="Decision">
            <h3>Decision</h3>
            <p>
              Rejected under {label(card.rejectClause)} by {card.decidedBy}
              {card.decidedAt && ` on ${formatDateTime(card.decidedAt)}`}
              {card.rejectNote && `: “${card.rejectNote}”`}
            </p>
          </section>
        )}
      </div>

      {card.history.length > 0 && (
        <details className="card__history" data-action="history">
          <summary>History ({card.history.length})</summary>
          <ol className="meta">
            {card.history.map((event, i) => (
              <li key={i}>
                <time dateTime={event.createdAt.toISOString()}>{formatDateTime(event.createdAt)}</time> · {event.action}{' '}
                by {event.actor}
                {event.fromStatus !== event.toStatus &&
                  event.toStatus &&
                  ` · ${(event.fromStatus ?? 'new').toLowerCase()} → ${event.toStatus.toLowerCase()}`}
                {event.clauses.length > 0 && ` · ${event.clauses.map(label).join(', ')}`}
                {event.noteLines.length === 1 && ` · “${event.noteLines[0]}”`}
                {event.noteLines.length > 1 && (
                  <ul>
                    {event.noteLines.map((line, j) => (
                      <li key={j}>{line}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </details>
      )}

      {card.appeal?.status === 'OPEN' ? (
        <section className="card__appeal" aria-label="Appeal">
          <h3>Appeal</h3>
          <p>“{card.appeal.statement}”</p>
          <ActionForm action={actions.appeal} className="decision__row">
            <input type="hidden" name="appealId" value={card.appeal.id} />
            <div className="field">
              <label htmlFor={`appeal-note-${card.id}`}>Note to the commenter (optional)</label>
              <input id={`appeal-note-${card.id}`} name="note" maxLength={1000} />
            </div>
            {/* An appeal against a moderator's removal of part of a published comment (lib/moderation/redact.ts). */}
            <button type="submit" name="outcome" value="reinstate" className="button">
              {card.status === 'PUBLISHED' ? 'Publish it in full' : 'Reinstate'}
            </button>
            <button type="submit" name="outcome" value="uphold" className="button button--quiet">
              {card.status === 'PUBLISHED' ? 'Uphold the removal' : 'Uphold rejection'}
            </button>
          </ActionForm>
        </section>
      ) : (
        <>
          <DecisionForm
            action={actions.decide}
            commentId={card.id}
            version={card.version}
            status={card.status}
            featured={card.featured}
            clauses={clauses}
          />
          {(card.status === 'PENDING' || card.status === 'PUBLISHED') && card.originalBody === null && (
            <RedactForm
              action={actions.redact}
              commentId={card.id}
              version={card.version}
              body={card.body}
              clauses={clauses}
            />
          )}
        </>
      )}

      {author && author.role === 'READER' && (
        <details className="card__user-actions" data-action="measures">
          <summary>Act on {author.displayName ?? 'this account'}</summary>
          <MeasureForm action={actions.measure} userId={author.id} idPrefix={card.id} clauses={clauses} />
        </details>
      )}
    </article>
  );
}
