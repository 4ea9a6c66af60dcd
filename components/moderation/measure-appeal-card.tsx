import Link from 'next/link';
import type { FormState } from '@/lib/actions/form-state';
import type { MeasureAppealCard as Card } from '@/lib/data/measure-appeals';
import { clauseHref, clauseLabel, isClauseId } from '@/lib/policy/clauses';
import { formatAge, formatDateTime } from '@/lib/site/format';
import { MeasureAppealDecisionForm } from './measure-appeal-decision-form';

type Field = 'appealId' | 'outcome' | 'reason';
type Props = {
  card: Card;
  now: number;
  /** The moderator looking: the one who imposed the measure is told another must decide. */
  viewerId: string;
  action: (previous: FormState<Field>, formData: FormData) => Promise<FormState<Field>>;
};

const measureLabel = (card: Card) =>
  card.kind === 'ban'
    ? 'Ban'
    : card.kind === 'suspend'
      ? `Suspension${card.until ? ` until ${formatDateTime(card.until)}` : ''}`
      : 'Pre-moderation';

/** An appeal of a measure on an account, in the Appeals tab beside the comments' appeals (issue 16). */
export function MeasureAppealCard({ card, now, viewerId, action }: Props) {
  const own = card.user.id === viewerId;
  const imposed = card.imposedById === viewerId;
  return (
    <article className="card" data-measure-appeal={card.id} aria-labelledby={`measure-appeal-${card.id}`}>
      <p className="card__meta">
        <span className="badge">Appeal of an account measure</span>{' '}
        <span id={`measure-appeal-${card.id}`}>
          {measureLabel(card)} on <Link href={`/moderate/people/${card.user.id}`}>{card.user.name}</Link>
        </span>{' '}
        · appealed {formatAge(card.filedAt, now)}
      </p>
      <p>
        Imposed by {card.imposedBy}
        {card.imposedAt && <> on {formatDateTime(card.imposedAt)}</>}
        {card.clause && isClauseId(card.clause) && (
          <>
            , under <a href={clauseHref(card.clause)}>{clauseLabel(card.clause)}</a>
          </>
        )}
        .{card.note && <> Message to the reader: “{card.note}”</>}
      </p>
      <section className="card__appeal" aria-label="Appeal">
        <h3>Appeal</h3>
        <p dir="auto">“{card.statement}”</p>
        {own || imposed ? (
          <p className="meta">
            {own
              ? 'This is an appeal about your own account: another moderator must decide it.'
              : 'You imposed this measure: another moderator must decide the appeal.'}
          </p>
        ) : (
          <MeasureAppealDecisionForm action={action} appealId={card.id} />
        )}
      </section>
    </article>
  );
}
