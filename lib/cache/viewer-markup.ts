// The last line of defence for the page cache (issue 12.1): whatever the request looked like, HTML made for
// one viewer is never stored as the public page. Markup for a signed-in viewer carries `data-viewer`
// (the comment section, the viewer's own comments) or a compose form's idempotency key. Both are attributes
// React rendered: a reader cannot type them into a comment (React escapes quotes and angle brackets), so no
// comment can make a story uncacheable by quoting them.
const viewerMarkup = [/\sdata-viewer="/, /<input[^>]*\sname="idempotencyKey"/];

/** The first viewer-specific marker found in the page, or null when it is safe to share. */
export function viewerMarkupIn(html: string): string | null {
  for (const pattern of viewerMarkup) {
    const found = pattern.exec(html);
    if (found) return found[0];
  }
  return null;
}
