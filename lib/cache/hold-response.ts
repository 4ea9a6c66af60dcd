// Holding back a response that Next.js is writing, so server.ts can change it as a whole: the reader edition
// takes the scripts out of the finished HTML, then the page is compressed once and stored. Next (and its
// compression wrapper) send the headers before the first chunk; here they go out with the body, once it is
// final, so they can still change (content-security-policy, content-length, content-encoding).
import type { ServerResponse } from 'node:http';

/** What to do with the finished response: `send(body)` ends it as is; after `onEnd` returns, `res.writeHead`
 *  and `res.end` behave normally again (so the caller may answer with anything else). */
export type OnEnd = (body: Buffer, send: (body: Buffer) => void) => void;

export function holdResponse(res: ServerResponse, onEnd: OnEnd): void {
  const chunks: Buffer[] = [];
  let holding = true;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;

  res.flushHeaders = () => {};
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    if (!holding) return writeHead(status, ...rest);
    res.statusCode = status;
    const headers = rest.find((arg) => arg && typeof arg === 'object' && !Array.isArray(arg)) as
      Record<string, string> | undefined;
    for (const [name, value] of Object.entries(headers ?? {})) res.setHeader(name, value);
    return res;
  }) as typeof res.writeHead;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (chunk) chunks.push(toBuffer(chunk, rest[0]));
    const callback = callbackIn(rest);
    if (callback) process.nextTick(callback);
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (!holding) return end(chunk, ...rest);
    if (chunk && typeof chunk !== 'function') chunks.push(toBuffer(chunk, rest[0]));
    const callback = callbackIn(typeof chunk === 'function' ? [chunk] : rest);
    if (callback) res.once('finish', callback);
    holding = false;
    onEnd(Buffer.concat(chunks), (body) => {
      if (res.statusCode !== 304 && res.statusCode !== 204) res.setHeader('content-length', body.length);
      end(body);
    });
    return res;
  }) as typeof res.end;
}

function toBuffer(chunk: unknown, encoding?: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string')
    return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  return Buffer.from(chunk as Uint8Array);
}

function callbackIn(args: unknown[]): (() => void) | undefined {
  return args.find((arg): arg is () => void => typeof arg === 'function');
}
