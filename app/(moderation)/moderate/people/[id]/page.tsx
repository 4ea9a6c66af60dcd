import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireStaffPage, staffMetadata } from '@/lib/auth/guards';
import { accountMeasureBlock } from '@/lib/auth/permissions';
import { loadPerson } from '@/lib/data/people';
import { clauseLabel, clauses, isClauseId } from '@/lib/policy/clauses';
import { formatDate, formatTimestamp, plural } from '@/lib/site/format';
import { id as idSchema } from '@/lib/validation/fields';
import { StatementOfReasons } from '@/components/comments/statement-of-reasons';
import { MeasureForm } from '@/components/moderation/measure-form';
import { NoteForm } from '@/components/moderation/note-form';
import { addAccountNoteAction, userMeasureAction } from '../../actions';

export const generateMetadata = staffMetadata('Commenter');
export const dynamic = 'force-dynamic';

const appealedMeasure: Record<string, string> = { suspend: 'suspension', ban: 'ban', premoderate: 'pre-moderation' };
const appealOutcome: Record<string, string> = {
  UPHELD: 'upheld',
  LIFTED: 'lifted',
  MOOT: 'closed, the measure had ended',
  REINSTATED: 'reinstated',
};

const label = (clause: string) => (isClauseId(clause) ? clauseLabel(clause) : clause);

/** One commenter as the desk sees them: standing, history, reports and notes, and the measures to take. */
export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const moderator = await requireStaffPage();
  const parsed = idSchema.safeParse((await params).id);
  const view = parsed.success ? await loadPerson(parsed.data) : null;
  if (!view) notFound();
  const { person, trust, counts } = view;
  const measures = view.measures.map((measure) =>
    [
      measure.kind === 'ban'
        ? 'banned'
        : measure.kind === 'suspend'
          ? `suspended until ${formatTimestamp(measure.until!)}`
          : 'on pre-moderation: every comment is reviewed first',
      measure.clause && ` under ${label(measure.clause)}`,
      measure.since && ` (since ${formatDate(measure.since)})`,
      measure.note && ` — “${measure.note}”`,
    ]
      .filter(Boolean)
      .join(''),
  );
  const mayAct = accountMeasureBlock(moderator, person) === null;
  return (
    <div className="moderation">
      <p className="meta">
        <Link href="/moderate">← Queues</Link> · <Link href="/moderate/people">People</Link> ·{' '}
        <Link href={`/moderate/log?${new URLSearchParams({ person: person.email })}`}>
          Their entries in the audit log
        </Link>
      </p>
      <h1>
        {person.displayName ?? '(no name yet)'}
        {person.role !== 'READER' && <span className="badge badge--staff">{person.role.toLowerCase()}</span>}
      </h1>
      <p className="meta">
        {person.email} · account {plural(view.accountAgeDays, 'day')} old (since {formatDate(person.createdAt)}) ·{' '}
        {counts.PUBLISHED} published · {counts.PENDING} held · {counts.REJECTED} rejected · {counts.DELETED} deleted
      </p>

      <section aria-labelledby="standing-title">
        <h2 id="standing-title" className="section-title">
          Standing
        </h2>
        <p>
          Trust {trust.score}: {plural(trust.approvedCount, 'published comment')},{' '}
          {plural(trust.breaches.length, 'breach', 'breaches')} of the policy
          {trust.breaches.length > 0 && <> ({trust.breaches.map((b) => label(b.clause)).join(', ')})</>}.
        </p>
        <p>Measures in force: {measures.length ? measures.join('; ') : 'none'}.</p>
        {view.measureAppeals.length > 0 && (
          <ul aria-label="Appeals of measures">
            {view.measureAppeals.map((appeal) => (
              <li key={appeal.id}>
                Appeal of the {appealedMeasure[appeal.measureKind ?? ''] ?? 'measure'}, {formatDate(appeal.createdAt)}:{' '}
                {appeal.status === 'OPEN' ? (
                  <Link href="/moderate?queue=appeals">open, in the Appeals queue</Link>
                ) : (
                  `${appealOutcome[appeal.status]}${appeal.decidedAt ? ` on ${formatDate(appeal.decidedAt)}` : ''}${appeal.decisionNote ? ` — “${appeal.decisionNote}”` : ''}`
                )}{' '}
                (“{appeal.statement}”)
              </li>
            ))}
          </ul>
        )}
        {view.holds.length > 0 && (
          <ul>
            {view.holds.map((hold) => (
              <li key={hold.ruleId}>
                Comments are reviewed first because {hold.because} {hold.ends}
              </li>
            ))}
          </ul>
        )}
        {mayAct && (
          <MeasureForm
            action={userMeasureAction}
            userId={person.id}
            idPrefix="person"
            clauses={clauses.map((clause) => ({ id: clause.id, label: clauseLabel(clause.id) }))}
          />
        )}
      </section>

      <section aria-labelledby="notes-title">
        <h2 id="notes-title" className="section-title">
          Moderator notes
        </h2>
        {view.notes.length === 0 ? (
          <p>No notes yet.</p>
        ) : (
          <ul className="notes">
            {view.notes.map((note) => (
              <li key={note.id}>
                <p style={{ whiteSpace: 'pre-wrap' }}>{note.body}</p>
                <p className="meta">
                  {note.author} · <time dateTime={note.createdAt.toISOString()}>{formatTimestamp(note.createdAt)}</time>
                </p>
              </li>
            ))}
          </ul>
        )}
        {mayAct && <NoteForm action={addAccountNoteAction} userId={person.id} />}
      </section>

      <section aria-labelledby="comments-title">
        <h2 id="comments-title" className="section-title">
          Comments
        </h2>
        {view.comments.length === 0 && <p>No comments.</p>}
        <ol className="comment-list profile-comments">
          {view.comments.map((comment) => (
            <li key={comment.id} className="comment">
              <p className="comment__header">
                <span className={`badge status status--${comment.status.toLowerCase()}`}>
                  {comment.status.toLowerCase()}
                </span>
                <Link href={`/articles/${comment.article.slug}#comment-${comment.id}`}>{comment.article.headline}</Link>
                <time className="comment__time" dateTime={comment.createdAt.toISOString()}>
                  {formatTimestamp(comment.createdAt)}
                </time>
                {comment.reportCount > 0 && <span className="badge">{plural(comment.reportCount, 'report')}</span>}
              </p>
              <p className="comment__body">{comment.body}</p>
              {comment.statement && (
                <StatementOfReasons statement={comment.statement} linkAppeal={false} withHeadline={false} />
              )}
              {comment.decisions.length > 0 && (
                <ul className="meta">
                  {comment.decisions.map((decision, index) => (
                    <li key={index}>
                      {formatTimestamp(decision.createdAt)}: {decision.action}
                      {decision.clause && ` under ${label(decision.clause)}`} by{' '}
                      {decision.actorName ?? decision.actorType}
                    </li>
                  ))}
                </ul>
              )}
              <p className="meta">
                <Link href={`/moderate/log?comment=${comment.id}`}>History</Link>
              </p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="reports-title">
        <h2 id="reports-title" className="section-title">
          Reports
        </h2>
        <h3>Received ({view.reportsReceived.length})</h3>
        {view.reportsReceived.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {view.reportsReceived.map((report, index) => (
              <li key={index}>
                {formatTimestamp(report.createdAt)}: {report.reporter} reported under {label(report.clause)}
                {report.note && <> (“{report.note}”)</>} ·{' '}
                <Link href={`/moderate/log?comment=${report.commentId}`}>comment</Link>
              </li>
            ))}
          </ul>
        )}
        <h3>Made ({view.reportsMade.length})</h3>
        {view.reportsMade.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {view.reportsMade.map((report, index) => (
              <li key={index}>
                {formatTimestamp(report.createdAt)}: under {label(report.clause)}
                {report.note && <> (“{report.note}”)</>}: “{report.comment.body.slice(0, 140)}” (
                {report.comment.status.toLowerCase()})
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
