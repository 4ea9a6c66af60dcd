import { formatDate, formatDateTime } from '@/lib/site/format';
import type { FormState } from '@/lib/actions/form-state';
import type { listMeasureAppeals, measuresInForce } from '@/lib/data/accounts';
import { clauseHref, clauseLabel, isClauseId } from '@/lib/policy/clauses';
import type { MeasureAppealField } from '@/lib/validation/moderation';
import { AppealForm } from './appeal-form';

const measureNames = { suspend: 'suspension', ban: 'ban', premoderate: 'pre-moderation' } as const;
const isMeasureName = (kind: string | null): kind is keyof typeof measureNames => !!kind && kind in measureNames;

type Props = {
  measures: Awaited<ReturnType<typeof measuresInForce>>;
  appeals: Awaited<ReturnType<typeof listMeasureAppeals>>;
  action: (previous: FormState<MeasureAppealField>, formData: FormData) => Promise<FormState<MeasureAppealField>>;
};

/** The profile's "Measures on your account" (issue 16): each measure in force with its clause and message, and its
 *  appeal (the form, or where the appeal stands); then the outcome of appeals of measures that have ended. Pre-moderation
 *  is also explained with the other holds further down; it is listed here to be appealed. */
export function MeasuresSection({ measures, appeals, action }: Props) {
  const restrictions = measures;
  const appealOf = (eventId: string | null) => appeals.find((appeal) => appeal.measureEventId === eventId);
  const pastAppeals = appeals.filter((appeal) => !measures.some((m) => m.eventId === appeal.measureEventId));
  if (restrictions.length === 0 && pastAppeals.length === 0) return null;
  return (
    <section id="measures" className="notice notice--warn" aria-labelledby="measures-title">
      <h2 id="measures-title">Measures on your account</h2>
      {restrictions.length > 0 ? (
        <ul>
          {restrictions.map((measure) => {
            const appeal = appealOf(measure.eventId);
            return (
              <li key={measure.kind} data-measure={measure.kind}>
                {measure.kind === 'ban'
                  ? 'Your account is banned from commenting'
                  : measure.kind === 'suspend'
                    ? `Your account is suspended from commenting until ${formatDateTime(measure.until!)}`
                    : 'A moderator put your account on pre-moderation: your comments are reviewed before they appear'}
                {measure.clause && isClauseId(measure.clause) && (
                  <>
                    , under <a href={clauseHref(measure.clause)}>{clauseLabel(measure.clause)}</a>
                  </>
                )}
                .{measure.note && <> The moderator’s message: “{measure.note}”</>}
                {appeal ? (
                  <p className="meta">
                    {appeal.status === 'OPEN'
                      ? `You appealed on ${formatDate(appeal.createdAt)}: a moderator who did not impose the measure will decide.`
                      : `Upheld on appeal on ${formatDate(appeal.decidedAt ?? appeal.createdAt)}. The moderator’s reasons: “${appeal.decisionNote ?? ''}”`}
                  </p>
                ) : (
                  measure.eventId && (
                    <AppealForm
                      action={action}
                      fields={{ measure: measure.kind }}
                      summary={`Appeal the ${measureNames[measure.kind]}`}
                      label={`Why should the ${measureNames[measure.kind]} end? (you can appeal once)`}
                    />
                  )
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>No measure is in force on your account.</p>
      )}
      {pastAppeals.length > 0 && (
        <>
          <h3>Your appeals of earlier measures</h3>
          <ul>
            {pastAppeals.map((appeal) => {
              const name = isMeasureName(appeal.measureKind) ? measureNames[appeal.measureKind] : 'measure';
              const on = formatDate(appeal.decidedAt ?? appeal.createdAt);
              return (
                <li key={appeal.id} data-appeal-status={appeal.status.toLowerCase()}>
                  {appeal.status === 'LIFTED'
                    ? `The ${name} was lifted on appeal on ${on}. The moderator’s reasons: “${appeal.decisionNote ?? ''}”`
                    : appeal.status === 'UPHELD'
                      ? `On appeal, the ${name} was upheld on ${on} (“${appeal.decisionNote ?? ''}”); it has since ended.`
                      : appeal.status === 'MOOT'
                        ? `Your appeal of the ${name} was closed on ${on}: the ${name} ended before a decision.`
                        : `Your appeal of the ${name} is open.`}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
