import { describe, expect, test } from 'vitest';
import { carriesSession, sessionKey, sessionTokens } from '@/lib/server/session-cookie';

describe('carriesSession: any session cookie, in any position, empty or not, keeps a request out of the page cache', () => {
  test.each([
    'next-auth.session-token=abc',
    'next-auth.session-token=',
    'next-auth.session-token=; next-auth.session-token=real',
    'next-auth.session-token=real; next-auth.session-token=',
    'theme=dark; next-auth.session-token=',
    '__Secure-next-auth.session-token=',
    '__Secure-next-auth.session-token=; __Secure-next-auth.session-token=real',
    '__Host-next-auth.session-token=x',
    'next-auth.session-token.0=chunk',
    'NEXT-AUTH.SESSION-TOKEN=x',
    'next-auth.session-token',
    'next-auth%2Esession-token=x',
    'a=1;next-auth.session-token=x',
  ])('%s', (header) => {
    expect(carriesSession(header)).toBe(true);
  });

  test('signed-out cookies and no cookie at all are public', () => {
    expect(carriesSession(undefined)).toBe(false);
    expect(carriesSession('')).toBe(false);
    expect(carriesSession('next-auth.csrf-token=abc; next-auth.callback-url=%2F; theme=dark')).toBe(false);
  });

  test('a header array (repeated Cookie headers) counts as one', () => {
    expect(carriesSession(['theme=dark', 'next-auth.session-token='])).toBe(true);
  });
});

describe('sessionKey: keyed on the value Next reads (the last of each name), so decoys cannot mint new keys', () => {
  test('a decoy in front of the real token gives the real token’s key', () => {
    const real = sessionKey('next-auth.session-token=real');
    expect(real).not.toBeNull();
    expect(sessionKey('next-auth.session-token=decoy1; next-auth.session-token=real')).toBe(real);
    expect(sessionKey('next-auth.session-token=; next-auth.session-token=real')).toBe(real);
    expect(sessionKey('next-auth.session-token=decoy2;next-auth.session-token=real')).toBe(real);
  });

  test('an empty last value is no session', () => {
    expect(sessionKey('next-auth.session-token=real; next-auth.session-token=')).toBeNull();
    expect(sessionKey('theme=dark')).toBeNull();
    expect(sessionKey(undefined)).toBeNull();
  });

  test('the __Secure- name counts too, and differs from the plain one', () => {
    expect(sessionKey('__Secure-next-auth.session-token=real')).not.toBeNull();
    expect(sessionKey('__Secure-next-auth.session-token=a')).not.toBe(sessionKey('__Secure-next-auth.session-token=b'));
  });
});

describe('sessionTokens: the values next-auth would look up (the queue’s live stream checks them itself)', () => {
  test('the last value of each name, non-empty ones only', () => {
    expect(sessionTokens('theme=dark; next-auth.session-token=decoy; next-auth.session-token=real')).toEqual(['real']);
    expect(sessionTokens('next-auth.session-token=real; next-auth.session-token=')).toEqual([]);
    expect(sessionTokens('next-auth.session-token=a; __Secure-next-auth.session-token=b')).toEqual(['a', 'b']);
    expect(sessionTokens('__Host-next-auth.session-token=x')).toEqual([]);
    expect(sessionTokens(undefined)).toEqual([]);
  });
});
