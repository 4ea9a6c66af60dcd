import { describe, expect, test } from 'vitest';
import { safeRedirectPath } from '@/lib/auth/safe-redirect';

const app = 'https://ledger.example';
const safe = (value: unknown) => safeRedirectPath(value, '/', app);

describe('safeRedirectPath keeps every redirect on this site', () => {
  test.each([
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '\t//evil.example',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/%2F/evil.example',
    '/%2f%2fevil.example',
    '/%5C/evil.example',
    'https://evil.example/',
    'http://ledger.example/',
    'https://ledger.example.evil.example/',
    'javascript:alert(1)',
    'data:text/html,x',
    '/\u0000/evil.example',
    '/\u0085/evil.example',
    'evil.example',
    '',
    '/'.padEnd(600, 'a'),
    null,
    42,
  ])('refuses %j', (value) => {
    expect(safe(value)).toBe('/');
  });

  test.each([
    ['/articles/a-story#comments', '/articles/a-story#comments'],
    ['/welcome?next=%2Farticles%2Fx%23comments', '/welcome?next=%2Farticles%2Fx%23comments'],
    ['https://ledger.example/profile?x=1', '/profile?x=1'],
    ['/moderate?queue=rejected', '/moderate?queue=rejected'],
  ])('keeps %s', (value, expected) => {
    expect(safe(value)).toBe(expected);
  });
});
