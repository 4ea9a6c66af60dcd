import { parseCommentBody } from '@/lib/comments/comment-body';
import { splitAtMarkers } from '@/lib/policy/redaction';

/** `redacted`: a moderator removed parts (lib/moderation/redact.ts); their markers are set apart from the words. */
export function CommentBody({ body, redacted = false }: { body: string; redacted?: boolean }) {
  return (
    <div className="comment__body">
      {parseCommentBody(body).map((lines, p) => (
        // Each paragraph takes the direction of its own first strong letter: Arabic or Hebrew reads right to left.
        <p key={p} dir="auto">
          {lines.map((runs, l) => (
            <span key={l}>
              {l > 0 && <br />}
              {runs.map((run, r) =>
                run.kind === 'link' ? (
                  <a key={r} href={run.href} rel="nofollow ugc noopener">
                    {run.text}
                  </a>
                ) : redacted ? (
                  splitAtMarkers(run.text).map((part, m) =>
                    part.removed ? (
                      <span key={`${r}-${m}`} className="comment__removed" data-removed>
                        {part.text}
                      </span>
                    ) : (
                      part.text
                    ),
                  )
                ) : (
                  run.text
                ),
              )}
            </span>
          ))}
        </p>
      ))}
    </div>
  );
}
