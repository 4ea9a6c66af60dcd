import { describe, expect, test } from 'vitest';
import { readerSlot } from '@/lib/server/reader-slot';

const get = (url: string, headers: Record<string, string> = {}) => readerSlot({ method: 'GET', url, headers });

describe('readerSlot', () => {
  test('signed-out story, front, author and policy pages are cached by path', () => {
    expect(get('/articles/a-story')).toEqual({ kind: 'cache', key: '/articles/a-story', tag: '/articles/a-story' });
    expect(get('/')).toEqual({ kind: 'cache', key: '/', tag: '/' });
    expect(get('/authors/andrew-blake')).toMatchObject({ kind: 'cache', key: '/authors/andrew-blake' });
    expect(get('/policy')).toMatchObject({ kind: 'cache', key: '/policy' });
  });

  test.each([
    'next-auth.session-token=; next-auth.session-token=REAL',
    'next-auth.session-token=REAL; next-auth.session-token=',
    '__Secure-next-auth.session-token=; __Secure-next-auth.session-token=REAL',
    'next-auth.session-token=',
  ])('a request with a session cookie is never a cache slot: %s', (cookie) => {
    expect(get('/articles/a-story', { cookie })).toBeNull();
    expect(get('/', { cookie })).toBeNull();
  });

  test('only ?sort and ?shown vary the key; tracking parameters share the entry', () => {
    expect(get('/articles/s?sort=newest&shown=40')).toMatchObject({
      kind: 'cache',
      key: '/articles/s?sort=newest&shown=40',
    });
    expect(get('/articles/s?utm_source=x&fbclid=y')).toMatchObject({ kind: 'cache', key: '/articles/s' });
    expect(get('/articles/s?reply=abc')).toMatchObject({ kind: 'cache', key: '/articles/s' });
    expect(get('/?sort=newest&shown=40')).toMatchObject({ kind: 'cache', key: '/' });
  });

  test.each([
    ['/articles/s?sort=newest&shown=40&sort=x', '/articles/s?sort=newest&shown=40'],
    ['/articles/s?sort=x&sort=newest', '/articles/s?sort=newest'],
    ['/articles/s?shown=20.5', '/articles/s?shown=40'],
    ['/articles/s?shown=99999999', '/articles/s?shown=1000'],
    ['/articles/s?shown=1e3', '/articles/s?shown=1000'],
    ['/articles/s?shown=020', '/articles/s'],
    ['/articles/s?shown=20', '/articles/s'],
    ['/articles/s?sort=oldest', '/articles/s'],
    ['/articles/s?utm_source=a&sort=oldest', '/articles/s?utm_source=a'],
    ['/articles/s?shown=abc', '/articles/s'],
  ])('a non-canonical story query %s redirects to %s', (url, location) => {
    expect(get(url)).toEqual({ kind: 'redirect', location });
    // Signed-in readers are sent to the same URL: the page reads the query the same way for everyone.
    expect(get(url, { cookie: 'next-auth.session-token=x' })).toEqual({ kind: 'redirect', location });
  });

  test('everything else is left to Next', () => {
    expect(readerSlot({ method: 'POST', url: '/articles/s', headers: {} })).toBeNull();
    expect(get('/articles/s', { rsc: '1' })).toBeNull();
    expect(get('/articles/s?_rsc=abc')).toBeNull();
    expect(get('/moderate')).toBeNull();
    expect(get('/articles/UPPER')).toBeNull();
  });
});

describe('the per-URL memo', () => {
  test('a URL read once for a signed-out reader is still the viewer’s own page for a signed-in one', () => {
    expect(get('/articles/memo-story?sort=newest')).toMatchObject({ kind: 'cache' });
    expect(get('/articles/memo-story?sort=newest', { cookie: 'next-auth.session-token=abc' })).toBeNull();
    expect(get('/articles/memo-story?sort=newest')).toMatchObject({ kind: 'cache' });
    expect(readerSlot({ method: 'GET', url: '/articles/memo-story?sort=newest', headers: { rsc: '1' } })).toBeNull();
  });

  test('many distinct URLs do not change what a known one answers', () => {
    const before = get('/articles/memo-kept?utm_source=x');
    for (let i = 0; i < 10_000; i++) get(`/articles/memo-flood?utm_source=${i}`);
    expect(get('/articles/memo-kept?utm_source=x')).toEqual(before);
    expect(get('/articles/memo-kept?sort=bogus')).toMatchObject({ kind: 'redirect' });
  });
});
