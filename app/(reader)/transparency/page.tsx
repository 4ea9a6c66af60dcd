import type { Metadata } from 'next';
import Link from 'next/link';
import { ColumnChart, HorizontalBarChart, ShareBar, type Series } from '@/components/ui/charts';
import { buildTransparencyReport } from '@/lib/data/transparency';
import { noticeFigures } from '@/lib/data/notices';
import { plural } from '@/lib/site/format';
import { clauseHref, clauseLabel, getClause, isClauseId } from '@/lib/policy/clauses';
import { site } from '@/lib/site/identity';

export const metadata: Metadata = { title: 'Transparency' };
export const dynamic = 'force-dynamic';

function duration(ms: number | null): string {
  if (ms === null) return 'no human decisions yet';
  const minutes = ms / 60_000;
  if (minutes < 60) return plural(Math.max(1, Math.round(minutes)), 'minute');
  const hours = minutes / 60;
  return hours < 48 ? `${hours.toFixed(1)} hours` : `${(hours / 24).toFixed(1)} days`;
}

const colors = { hold: '#b7791f', reject: '#b42318', moderator: '#2b5c9e', wait: '#4a5568' };
const clauseSeries: Series[] = [
  { key: 'automaticHolds', label: 'Held by automatic checks', color: colors.hold },
  { key: 'automaticRejections', label: 'Rejected by automatic checks', color: colors.reject },
  { key: 'moderatorRejections', label: 'Rejected by moderators', color: colors.moderator },
];
const weekSeries: Series[] = [
  { key: 'automaticHolds', label: 'Held automatically', color: colors.hold },
  { key: 'automaticRejections', label: 'Rejected automatically', color: colors.reject },
  { key: 'moderatorDecisions', label: 'Moderator decisions', color: colors.moderator },
];

const shortClause = (clause: string) =>
  isClauseId(clause) ? `§${getClause(clause).number} ${getClause(clause).title}` : clause;
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "24 Nov": short enough to sit under a column. */
const weekLabel = (week: string) => `${Number(week.slice(8, 10))} ${months[Number(week.slice(5, 7)) - 1]}`;

export default async function TransparencyPage() {
  const report = await buildTransparencyReport();
  const notices = await noticeFigures(report.since);
  const n = (value: number) => value.toLocaleString('en-US');
  const automatic = report.automaticHolds + report.automaticRejections;
  const human =
    report.moderator.approvals +
    report.moderator.rejections +
    report.moderator.redactions +
    report.moderator.appealDecisions;
  const share = (part: number) => (automatic + human ? Math.round((part / (automatic + human)) * 100) : 0);
  const lastWeeks = report.weeks;
  // The waiting-time chart counts in minutes while every weekly median is under two hours, else in hours.
  const longestWait = Math.max(0, ...lastWeeks.map((w) => w.medianDecisionMs ?? 0));
  const waitUnit = longestWait < 2 * 3_600_000 ? { name: 'minutes', ms: 60_000 } : { name: 'hours', ms: 3_600_000 };
  const inUnit = (ms: number) => Math.round((ms / waitUnit.ms) * 10) / 10;
  return (
    <div className="policy">
      <p className="kicker">Standards</p>
      <h1>How we moderate: transparency report</h1>
      <p>
        Every comment on {site.name} is checked against our <Link href="/policy">comment policy</Link>. These figures
        cover the last twelve months (since {report.since.toISOString().slice(0, 10)}) and update every few minutes. A
        held comment waits for a moderator and is not a rejection: most are published once checked. A comment that
        breaks several clauses counts once under each.
      </p>
      <dl className="facts">
        <div>
          <dt>Comments published automatically</dt>
          <dd>{n(report.publishedAutomatically)}</dd>
        </div>
        <div>
          <dt>Comments held for a moderator by automatic checks</dt>
          <dd>{n(report.automaticHolds)}</dd>
        </div>
        <div>
          <dt>Comments rejected by automatic checks</dt>
          <dd>{n(report.automaticRejections)}</dd>
        </div>
        <div>
          <dt>Decisions by moderators</dt>
          <dd>
            {n(human)} ({plural(report.moderator.approvals, 'approval')},{' '}
            {plural(report.moderator.rejections, 'rejection')},{' '}
            {plural(report.moderator.redactions, 'publication with part removed', 'publications with part removed')},{' '}
            {plural(report.moderator.appealDecisions, 'appeal decision')})
          </dd>
        </div>
        <div>
          <dt>Held comments, what became of them</dt>
          <dd>
            {n(report.heldOutcomes.approved)} approved by a moderator · {n(report.heldOutcomes.redacted)} published by a
            moderator with part removed · {n(report.heldOutcomes.rejected)} rejected by a moderator ·{' '}
            {n(report.heldOutcomes.released)} published when the reason for the hold ended (a new account’s first
            comment approved) · {n(report.heldOutcomes.undecided)} not yet decided
          </dd>
        </div>
        <div>
          <dt>Median time from posting to a moderator’s decision</dt>
          <dd>{duration(report.medianDecisionMs)}</dd>
        </div>
        <div>
          <dt>Appeals of decisions on comments</dt>
          <dd>
            {report.appeals.reinstated} reinstated · {report.appeals.upheld} upheld · {report.appeals.open} under review
          </dd>
        </div>
        <div>
          <dt>Appeals of measures on accounts (suspensions, bans, pre-moderation)</dt>
          <dd data-figure="measure-appeals">
            {report.measureAppeals.lifted} lifted · {report.measureAppeals.upheld} upheld · {report.measureAppeals.moot}{' '}
            closed because the measure had ended · {report.measureAppeals.open} under review
          </dd>
        </div>
      </dl>

      <h2 id="notices">Notices of illegal content</h2>
      <p>
        Anyone can tell us that a comment or story is illegal with the “Report illegal content” link under it (EU
        Digital Services Act, Article 16). A moderator decides each notice and emails the reporter the decision and its
        reasons.
      </p>
      <dl className="facts" aria-label="Notices of illegal content">
        <div>
          <dt>Notices received</dt>
          <dd data-figure="notices-received">{n(notices.received)}</dd>
        </div>
        <div>
          <dt>Notices decided</dt>
          <dd data-figure="notices-decided">
            {n(notices.decided)} ({n(notices.removed)} content removed · {n(notices.noAction)} no action) ·{' '}
            {n(notices.open)} not yet decided
          </dd>
        </div>
        <div>
          <dt>Median time from a notice to its decision</dt>
          <dd>{notices.medianDecisionMs === null ? 'no notices decided yet' : duration(notices.medianDecisionMs)}</dd>
        </div>
      </dl>

      <h2>Story presets</h2>
      <p>
        Some kinds of story are pre-moderated or held to stricter rules by a standing decision of our standards editor (
        <Link href="/policy#sensitive-stories">comments on sensitive stories</Link>). These are the comments each one
        held or rejected.
      </p>
      {report.byPreset.length === 0 ? (
        <p>No comment was held or rejected by a story preset in this period.</p>
      ) : (
        <table className="data-table" aria-label="Comments held or rejected by story preset">
          <thead>
            <tr>
              <th scope="col">Preset</th>
              <th scope="col">Held for a moderator</th>
              <th scope="col">Rejected</th>
            </tr>
          </thead>
          <tbody>
            {report.byPreset.map((row) => (
              <tr key={row.preset}>
                <th scope="row">{row.preset}</th>
                <td>{n(row.holds)}</td>
                <td>{n(row.rejections)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Automatic checks and moderators</h2>
      <ShareBar
        id="chart-who"
        title="Who decided: automatic checks against moderators"
        description={`Automatic checks held or rejected ${plural(automatic, 'comment')} (${share(automatic)}%); moderators made ${plural(human, 'decision')} (${share(human)}%).`}
        parts={[
          { key: 'automatic', label: `Automatic checks: ${n(automatic)}`, color: colors.hold, value: automatic },
          { key: 'human', label: `Moderators: ${n(human)}`, color: colors.moderator, value: human },
        ]}
      />

      <h2>Held and rejected comments, by clause</h2>
      {report.byClause.length === 0 ? (
        <p>No comment has been held or rejected in this period.</p>
      ) : (
        <>
          <HorizontalBarChart
            id="chart-clauses"
            title="Comments held or rejected under each clause"
            description={report.byClause
              .map(
                (row) =>
                  `${shortClause(row.clause)}: ${row.automaticHolds} held and ${row.automaticRejections} rejected automatically, ${row.moderatorRejections} rejected by moderators`,
              )
              .join('; ')}
            series={clauseSeries}
            rows={report.byClause.map((row) => ({
              label: shortClause(row.clause),
              values: {
                automaticHolds: row.automaticHolds,
                automaticRejections: row.automaticRejections,
                moderatorRejections: row.moderatorRejections,
              },
            }))}
          />
          <div style={{ overflowX: 'auto' }}>
            <table className="data-table" aria-label="Comments by clause">
              <thead>
                <tr>
                  <th scope="col">Clause</th>
                  <th scope="col">Held by automatic checks</th>
                  <th scope="col">Rejected by automatic checks</th>
                  <th scope="col">Rejected by moderators</th>
                </tr>
              </thead>
              <tbody>
                {report.byClause.map((row) => (
                  <tr key={row.clause} data-clause={row.clause}>
                    <th scope="row">
                      {isClauseId(row.clause) ? (
                        <a href={clauseHref(row.clause)}>{clauseLabel(row.clause)}</a>
                      ) : (
                        row.clause
                      )}
                    </th>
                    <td>{n(row.automaticHolds)}</td>
                    <td>{n(row.automaticRejections)}</td>
                    <td>{n(row.moderatorRejections)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h2>Week by week</h2>
      <ColumnChart
        id="chart-weeks"
        title={`Decisions per week, last ${lastWeeks.length} weeks (weeks start on Monday)`}
        description={lastWeeks
          .map(
            (w) =>
              `Week of ${weekLabel(w.week)}: ${w.automaticHolds} held, ${w.automaticRejections} rejected automatically, ${w.moderatorDecisions} moderator decisions`,
          )
          .join('; ')}
        series={weekSeries}
        rows={lastWeeks.map((w) => ({
          label: weekLabel(w.week),
          values: {
            automaticHolds: w.automaticHolds,
            automaticRejections: w.automaticRejections,
            moderatorDecisions: w.moderatorDecisions,
          },
        }))}
      />
      <ColumnChart
        id="chart-wait"
        title={`Median ${waitUnit.name} from posting to a moderator’s decision, per week`}
        description={lastWeeks
          .map(
            (w) =>
              `Week of ${weekLabel(w.week)}: ${w.medianDecisionMs === null ? 'no decisions' : `${inUnit(w.medianDecisionMs)} ${waitUnit.name}`}`,
          )
          .join('; ')}
        series={[{ key: 'wait', label: `Median ${waitUnit.name}`, color: colors.wait }]}
        rows={lastWeeks.map((w) => ({
          label: weekLabel(w.week),
          values: { wait: w.medianDecisionMs === null ? 0 : inUnit(w.medianDecisionMs) },
        }))}
      />
      <div style={{ overflowX: 'auto' }}>
        <table className="data-table" aria-label="Decisions by week">
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Held automatically</th>
              <th scope="col">Rejected automatically</th>
              <th scope="col">Moderator decisions</th>
              <th scope="col">Median time to a moderator’s decision</th>
            </tr>
          </thead>
          <tbody>
            {[...lastWeeks].reverse().map((w) => (
              <tr key={w.week}>
                <th scope="row">{weekLabel(w.week)}</th>
                <td>{n(w.automaticHolds)}</td>
                <td>{n(w.automaticRejections)}</td>
                <td>{n(w.moderatorDecisions)}</td>
                <td>{w.medianDecisionMs === null ? '—' : duration(w.medianDecisionMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
