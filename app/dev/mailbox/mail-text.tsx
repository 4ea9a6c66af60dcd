// The plain-text part of an email as the dev mailbox shows it: paragraphs, and every http(s) URL as a link
// (localhost included, unlike reader comments' autolinker), so a newcomer can follow sign-in and reply links.
// Text is rendered by React, so nothing in a message (reader comments quoted in digests) becomes markup.
const url = /https?:\/\/[^\s<>"']+/g;

function Linked({ line }: { line: string }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const match of line.matchAll(url)) {
    const href = match[0].replace(/[.,;:!?)]+$/, '');
    parts.push(
      line.slice(at, match.index),
      <a key={match.index} href={href}>
        {href}
      </a>,
    );
    at = match.index + href.length;
  }
  parts.push(line.slice(at));
  return <>{parts}</>;
}

export function MailText({ text }: { text: string }) {
  return (
    <div className="mail__text">
      {text.split(/\n{2,}/).map((paragraph, p) => (
        <p key={p}>
          {paragraph.split('\n').map((line, l) => (
            <span key={l}>
              {l > 0 && <br />}
              <Linked line={line} />
            </span>
          ))}
        </p>
      ))}
    </div>
  );
}
