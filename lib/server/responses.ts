// The few answers server.ts gives itself, without Next: short HTML pages in the site's voice.
import type { IncomingMessage, ServerResponse } from 'node:http';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title><body style="font-family:Georgia,serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><p style="font:700 .8rem system-ui;letter-spacing:.08em;text-transform:uppercase;color:#a3201c">The Ledger</p><h1>${title}</h1>${body}</body></html>`;

function answer(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': String(Buffer.byteLength(html)),
    ...headers,
  });
  res.end(html);
}

export function unavailable(res: ServerResponse) {
  answer(
    res,
    503,
    page(
      'Temporarily unavailable',
      '<p>We cannot reach our database right now, so this page cannot be shown. Stories you have opened recently may still load. Please try again in a minute; nothing you posted before this message is lost.</p>',
    ),
    { 'retry-after': '10' },
  );
}

export function tooManyRequests(res: ServerResponse, seconds: number) {
  answer(
    res,
    429,
    page(
      'Too many requests',
      `<p>You are sending changes faster than we accept them. Please try again in ${seconds} seconds; nothing you typed was saved by this request.</p>`,
    ),
    { 'retry-after': String(seconds) },
  );
}

export function crossOriginRefused(req: IncomingMessage, res: ServerResponse) {
  answer(
    res,
    403,
    page(
      'Not sent from this site',
      '<p>This form was submitted from another website, so nothing was changed. Open the page on this site and try again.</p>',
    ),
    {
      connection: 'close',
    },
  );
  req.resume();
}

/** Bodies up to this size are read (and thrown away) before a refusal is sent: see payloadTooLarge. */
const lingerBytes = 16 * 1024 * 1024;
const lingerMs = 10_000;

/**
 * 413, after reading what the client is still sending (up to 16 MB or 10 s; past that the answer goes at
 * once and the connection closes). A server that answers mid-upload and closes resets the connection under
 * the client's next write, and the client then reports a broken connection (EPIPE) instead of the answer.
 */
export function payloadTooLarge(req: IncomingMessage, res: ServerResponse) {
  const body = 'Request body too large.\n';
  const send = () => {
    if (res.headersSent) return;
    res.writeHead(413, {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'close',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  };
  req.resume();
  if (Number(req.headers['content-length'] ?? 0) > lingerBytes) return send();
  const timer = setTimeout(send, lingerMs);
  timer.unref();
  const done = () => {
    clearTimeout(timer);
    send();
  };
  req.once('end', done);
  req.once('error', done);
}

export function redirect(res: ServerResponse, location: string) {
  res.writeHead(308, { location, 'cache-control': 'no-cache', 'content-length': '0' });
  res.end();
}

export function json(res: ServerResponse, status: number, value: unknown) {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    'content-length': String(Buffer.byteLength(body)),
  });
  res.end(body);
}
