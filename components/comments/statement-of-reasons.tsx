import type { Statement } from '@/lib/policy/statement';

type Props = {
  statement: Statement;
  /** The article page links to the profile's appeal form; the profile shows the form itself. */
  linkAppeal: boolean;
  withHeadline: boolean;
  /** For a held comment: how long such comments usually wait (lib/moderation/expected-wait.ts). */
  wait?: string | null;
};

/** Renders lib/policy/statement.ts: the same words on the article page and the profile (and, as text, in the email). */
export function StatementOfReasons({ statement, linkAppeal, withHeadline, wait }: Props) {
  const tone = statement.headline.startsWith('Held') || statement.removed.length ? 'notice--warn' : 'notice--error';
  const body = (
    <>
      <ul className="comment__reasons">
        {statement.lines.map((line, index) => (
          <li key={index}>
            {line.lead} <a href={line.href}>{line.label}</a>: {line.detail}
          </li>
        ))}
        {statement.removed.map((text, index) => (
          <li key={`removed-${index}`} data-removed-text>
            Removed: “{text}”
          </li>
        ))}
        {statement.note && <li>Moderator’s note: {statement.note}</li>}
      </ul>
      {statement.next && <p className="meta">{statement.next}</p>}
      {wait && (
        <p className="meta statement__wait" data-wait>
          {wait}
        </p>
      )}
      {statement.appeal && (
        <p className="meta">
          {statement.appeal.text}
          {linkAppeal && statement.appeal.href && (
            <>
              {' '}
              <a href={statement.appeal.href}>Appeal this decision</a>
            </>
          )}
        </p>
      )}
    </>
  );
  if (!withHeadline) return <div className="statement">{body}</div>;
  return (
    <div className={`notice ${tone} comment__status statement`}>
      <strong>{statement.headline}</strong>
      {body}
    </div>
  );
}
