import { afterEach, describe, expect, test } from 'vitest';
import { createWriteGate, maxPostBytes, type WriteGateOptions } from '@/lib/server/write-gate';
import { listen, type Harness } from './http-harness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** A server whose POSTs pass the gate first; what gets through answers 200 "passed", as Next would. */
async function gated(options: Partial<WriteGateOptions>) {
  const gate = createWriteGate({
    writesPerIpPerMinute: 1000,
    writesPerSessionPerMinute: 1000,
    trustProxy: false,
    redisUrl: undefined,
    ...options,
  });
  harness = await listen((req, res) => {
    void gate.refused(req, res).then((refused) => {
      if (refused) return;
      req.resume();
      res.end('passed');
    });
  });
  return harness;
}

const post = (headers: Record<string, string> = {}, body = 'x=1') =>
  harness!.request('/articles/a', { method: 'POST', headers: { 'content-type': 'text/plain', ...headers }, body });

describe('write gate', () => {
  test('past the per-address limit: 429 with Retry-After, and the request goes no further', async () => {
    await gated({ writesPerIpPerMinute: 2 });
    expect((await post()).text).toBe('passed');
    expect((await post()).text).toBe('passed');
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.headers['cache-control']).toBe('no-store');
    expect(refused.text).toContain(`try again in ${refused.headers['retry-after']} seconds`);
  });

  test('the per-session limit counts the session Next would read, so decoy cookies mint no fresh keys', async () => {
    await gated({ writesPerSessionPerMinute: 1 });
    const session = 'next-auth.session-token=real';
    expect((await post({ cookie: session })).status).toBe(200);
    expect((await post({ cookie: `next-auth.session-token=decoy; ${session}` })).status).toBe(429);
    expect((await post({ cookie: 'next-auth.session-token=another' })).status).toBe(200);
    // Signed out, only the address limit applies.
    expect((await post()).status).toBe(200);
  });

  test('behind TRUST_PROXY each client is the last X-Forwarded-For entry; without it, the socket', async () => {
    await gated({ writesPerIpPerMinute: 1, trustProxy: true });
    expect((await post({ 'x-forwarded-for': '6.6.6.6, 10.0.0.1' })).status).toBe(200);
    expect((await post({ 'x-forwarded-for': '6.6.6.6, 10.0.0.2' })).status).toBe(200);
    expect((await post({ 'x-forwarded-for': '7.7.7.7, 10.0.0.2' })).status).toBe(429);
    await harness!.close();
    await gated({ writesPerIpPerMinute: 1, trustProxy: false });
    expect((await post({ 'x-forwarded-for': '10.0.0.1' })).status).toBe(200);
    expect((await post({ 'x-forwarded-for': '10.0.0.2' })).status).toBe(429);
  });

  test('a body over Next’s 1 MB action limit: 413, not Next’s 500', async () => {
    await gated({});
    const refused = await post({}, 'x'.repeat(maxPostBytes + 1));
    expect(refused.status).toBe(413);
    expect(refused.text).toBe('Request body too large.\n');
    expect((await post({}, 'x'.repeat(maxPostBytes))).status).toBe(200);
  });

  test('a Server Action from another origin: 403 in the site’s words; from this one it passes', async () => {
    const h = await gated({});
    const action = (origin: string) =>
      h.request('/articles/a', { method: 'POST', headers: { 'next-action': 'abc', origin }, body: '[]' });
    const refused = await action('https://evil.example');
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('submitted from another website');
    expect((await action(`http://127.0.0.1:${(h.server.address() as { port: number }).port}`)).status).toBe(200);
  });
});
