import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { describe, expect, test } from 'vitest';
import { clientAddress, crossOriginAction, sanitizeForwardedHeaders } from '@/lib/server/forwarded';

describe('sanitizeForwardedHeaders', () => {
  const forged = (): IncomingHttpHeaders => ({
    host: 'ledger.example',
    'x-forwarded-host': 'evil.example',
    'x-forwarded-proto': 'http',
    'x-forwarded-port': '1',
    'x-forwarded-for': '6.6.6.6',
    forwarded: 'for=6.6.6.6;host=evil.example',
    'x-real-ip': '6.6.6.6',
  });

  test('without TRUST_PROXY every forwarded header a client sent is dropped; the address is the socket’s', () => {
    const headers = forged();
    sanitizeForwardedHeaders(headers, false, '10.0.0.9');
    expect(headers).toEqual({ host: 'ledger.example', 'x-forwarded-for': '10.0.0.9' });
  });

  test('with TRUST_PROXY the proxy’s headers stay', () => {
    const headers = forged();
    sanitizeForwardedHeaders(headers, true, '10.0.0.9');
    expect(headers['x-forwarded-host']).toBe('evil.example');
    expect(headers['x-forwarded-for']).toBe('6.6.6.6');
  });
});

describe('crossOriginAction', () => {
  const action = (headers: IncomingHttpHeaders) =>
    crossOriginAction('POST', { host: 'ledger.example', 'next-action': 'abc', ...headers });
  test('same origin passes; another origin, an opaque one or a malformed one is refused', () => {
    expect(action({ origin: 'https://ledger.example' })).toBe(false);
    expect(action({ origin: 'https://evil.example' })).toBe(true);
    expect(action({ origin: 'null' })).toBe(true);
    expect(action({ origin: 'not a url' })).toBe(true);
    expect(action({ origin: 'https://ledger.example.evil.example' })).toBe(true);
  });
  test('no-JS form posts (multipart) are checked too; other POSTs and GETs are not', () => {
    expect(
      crossOriginAction('POST', {
        host: 'a.example',
        origin: 'https://b.example',
        'content-type': 'multipart/form-data; boundary=x',
      }),
    ).toBe(true);
    expect(
      crossOriginAction('POST', { host: 'a.example', origin: 'https://b.example', 'content-type': 'text/plain' }),
    ).toBe(false);
    expect(crossOriginAction('GET', { host: 'a.example', origin: 'https://b.example', 'next-action': 'x' })).toBe(
      false,
    );
  });
  test('no Origin header at all is let through, as Next does (browsers always send one cross-site)', () => {
    expect(action({})).toBe(false);
  });
});

describe('clientAddress', () => {
  const request = (headers: IncomingHttpHeaders) =>
    ({ headers, socket: { remoteAddress: '10.0.0.9' } }) as unknown as IncomingMessage;
  test('behind TRUST_PROXY: the last X-Forwarded-For entry, the one the nearest proxy added', () => {
    expect(clientAddress(request({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7 ' }), true)).toBe('203.0.113.7');
    expect(clientAddress(request({}), true)).toBe('10.0.0.9');
  });
  test('without it: the socket, whatever the header says', () => {
    expect(clientAddress(request({ 'x-forwarded-for': '203.0.113.7' }), false)).toBe('10.0.0.9');
  });
});
