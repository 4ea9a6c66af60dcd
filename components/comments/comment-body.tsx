import { parseCommentBody } from '@/lib/comments/comment-body';

export function CommentBody({ body }: { body: string }) {
  return (
    <div className="comment__body">
      {parseCommentBody(body).map((lines, p) => (
        <p key={p}>
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
