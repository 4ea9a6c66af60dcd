import { parseCommentBody } from '@/lib/comments/comment-body';

export function CommentBody({ body }: { body: string }) {
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
