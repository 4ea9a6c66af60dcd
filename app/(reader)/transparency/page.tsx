import type { Metadata } from 'next';
import Link from 'next/link';
import { buildTransparencyReport } from '@/lib/data/transparency';
import { clauseHref, clauseLabel, clauses, isClauseId } from '@/lib/policy/clauses';
import { site } from '@/lib/site';

export const metadata: Metadata = { title: 'Transparency' };
export const dynamic = 'force-dynamic';

function duration(ms: number | null): string {
  if (ms === null) return 'no human decisions yet';
  const minutes = ms / 60_000;
  if (minutes < 60) return `${Math.max(1, Math.round(minutes))} minutes`;
  const hours = minutes / 60;
  return hours < 48 ? `${hours.toFixed(1)} hours` : `${(hours / 24).toFixed(1)} days`;
}

export default async function TransparencyPage() {
  const report = await buildTransparencyReport();
  const total = report.automatic + report.human;
  const usedClauses = clauses.filter((c) => report.months.some((m) => m.byClause[c.id]));
  return (
    <div className="policy">
      <p className="kicker">Standards</p>
      <h1>How we moderate: transparency report</h1>
      <p>
        Every comment on {site.name} is checked against our <Link href="/policy">comment policy</Link>. These figures cover the
        last twelve months and update continuously.
      </p>
      <dl className="facts">
        <div>
          <dt>Comments published automatically</dt>
          <dd>{report.publishedAutomatically.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Holds and decisions by automatic checks</dt>
          <dd>
            {report.automatic.toLocaleString('en-US')} ({total ? Math.round((report.automatic / total) * 100) : 0}%)
          </dd>
        </div>
        <div>
          <dt>Decisions by moderators</dt>
          <dd>
            {report.human.toLocaleString('en-US')} ({total ? Math.round((report.human / total) * 100) : 0}%)
          </dd>
        </div>
        <div>
          <dt>Median time from posting to a moderator’s decision</dt>
          <dd>{duration(report.medianDecisionMs)}</dd>
        </div>
        <div>
          <dt>Appeals</dt>
          <dd>
            {report.appeals.reinstated} reinstated · {report.appeals.upheld} upheld · {report.appeals.open} under review
          </dd>
        </div>
      </dl>
      <h2>Comments held or rejected, by clause and month</h2>
      {report.months.length === 0 ? (
        <p>No comment has been held or rejected in this period.</p>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Month</th>
                {usedClauses.map((c) => (
                  <th key={c.id} scope="col">
                    <a href={clauseHref(c.id)}>§{c.number}</a>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.months.map((row) => (
                <tr key={row.month}>
                  <th scope="row">{row.month}</th>
                  {usedClauses.map((c) => (
                    <td key={c.id}>{row.byClause[c.id] ?? 0}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="meta">{usedClauses.map((c) => (isClauseId(c.id) ? clauseLabel(c.id) : c.id)).join(' · ')}</p>
        </div>
      )}
    </div>
  );
}
