// Issue 12.1: nobody can publish through the page cache. A request that carries a session cookie in any form
// (doubled, empty, reordered, under the __Secure- name) is rendered for itself and never stored as the page
// every signed-out reader gets.
import { expect, test } from '@playwright/test';
import { createAccount, createArticle } from '../../support/factories';
import { testDb } from '../../support/db';
import { openSession } from '../../support/sessions';
import { httpRequest } from '../../support/server-actions';

const anonymous = (path: string) => httpRequest('GET', path, { headers: { 'accept-encoding': 'identity' } });

test('a doubled, empty or reordered session cookie never puts a signed-in page into the public cache', async () => {
  const db = await testDb();
  const reader = await createAccount('Doubled');
  const token = await openSession(reader.id);
  const article = await createArticle('doubled-cookie');
  const held = `Held words only their writer may see ${Date.now()}`;
  await db.comment.create({
    data: { articleId: article.id, userId: reader.id, body: held, status: 'PENDING', reasons: '[]' },
  });
  const path = `/articles/${article.slug}`;

  const variants = [
    `next-auth.session-token=; next-auth.session-token=${token}`,
    `next-auth.session-token=${token}; next-auth.session-token=`,
    `__Secure-next-auth.session-token=; next-auth.session-token=${token}`,
    `next-auth.session-token=${token}; __Secure-next-auth.session-token=`,
    `theme=dark;next-auth.session-token=;next-auth.session-token=${token}`,
  ];
  for (const cookie of variants) {
    // Twice each: a first request that was stored would be served to the second as a hit.
    for (let round = 0; round < 2; round++) {
      const response = await httpRequest('GET', path, { headers: { cookie, 'accept-encoding': 'identity' } });
      expect(response.status, cookie).toBe(200);
      expect(response.headers['x-page-cache'], cookie).toBeUndefined();
    }
    const page = await anonymous(path);
    expect(page.status).toBe(200);
    expect(page.text, `signed-out copy after ${cookie}`).not.toContain(held);
    expect(page.text).not.toContain('only you can see this comment');
    expect(page.text).not.toContain(`Comment as ${reader.displayName}`);
    expect(page.text).toContain('Sign in to comment');
  }
  // Where Next reads the real token, the request was rendered as the reader (so it was right to keep it private).
  const asReader = await httpRequest('GET', path, { headers: { cookie: variants[0]!, 'accept-encoding': 'identity' } });
  expect(asReader.text).toContain(held);
  expect(asReader.headers['cache-control']).not.toMatch(/public/);
});

test('repeated or odd comment-list parameters redirect to one canonical URL, so no page is stored under a wrong key', async () => {
  const article = await createArticle('canonical-query');
  const path = `/articles/${article.slug}`;
  const cases: [string, string][] = [
    [`${path}?sort=newest&shown=40&sort=x`, `${path}?sort=newest&shown=40`],
    [`${path}?shown=20.5`, `${path}?shown=40`],
    [`${path}?shown=123456789`, `${path}?shown=1000`],
    [`${path}?sort=oldest&utm_source=x`, `${path}?utm_source=x`],
  ];
  for (const [from, to] of cases) {
    const response = await httpRequest('GET', from);
    expect(response.status, from).toBe(308);
    expect(response.headers.location, from).toBe(to);
  }
  // The canonical URL renders the order it names, and is then served from the cache.
  const newest = await anonymous(`${path}?sort=newest&shown=40`);
  expect(newest.status).toBe(200);
  expect(newest.text).toMatch(/aria-current="true"[^>]*>Newest</);
  // The page's own links are canonical: following them never costs a redirect.
  const links = [...newest.text.matchAll(/href="(\/articles\/[^"#]+)[^"]*"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  for (const link of links.filter((l) => l.startsWith(path))) {
    const followed = await httpRequest('GET', link);
    expect(followed.status, link).toBe(200);
  }
});
