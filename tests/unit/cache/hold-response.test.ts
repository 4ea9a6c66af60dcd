import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { holdResponse, type OnEnd } from '@/lib/cache/hold-response';

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

const nextLike = (res: ServerResponse) => {
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('content-security-policy', "script-src 'nonce-abc'");
  res.writeHead(200, { 'x-from-next': 'yes' });
  res.flushHeaders();
  res.write('<p>one</p>');
  res.write(Buffer.from('<p>two</p>'));
  res.end('<p>three</p>');
};

/** A server that holds its response with `onEnd(res)`, then writes like Next.js does (headers, flush, chunks, end). */
async function serve(onEnd: (res: ServerResponse) => OnEnd) {
  server = http.createServer((_req: IncomingMessage, res: ServerResponse) => {
    holdResponse(res, onEnd(res));
    nextLike(res);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('holdResponse', () => {
  it('hands over the whole body, with headers still open to change', async () => {
    const answer = await serve(() => (body, send) => {
      expect(body.toString()).toBe('<p>one</p><p>two</p><p>three</p>');
      send(Buffer.from(body.toString().replace('<p>two</p>', '')));
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('<p>one</p><p>three</p>');
    expect(answer.headers.get('content-length')).toBe(String('<p>one</p><p>three</p>'.length));
    expect(answer.headers.get('x-from-next')).toBe('yes');
  });

  it('lets the caller answer differently, with its own status, headers and body', async () => {
    const answer = await serve((res) => () => {
      // The caller's own response, after an async step (compression in server.ts).
      setTimeout(() => {
        res.setHeader('content-security-policy', "script-src 'none'");
        res.writeHead(200, { 'x-page-cache': 'miss' });
        res.end('replaced');
      }, 5);
    });
    expect(answer.text).toBe('replaced');
    expect(answer.headers.get('content-security-policy')).toBe("script-src 'none'");
    expect(answer.headers.get('x-page-cache')).toBe('miss');
  });
});
