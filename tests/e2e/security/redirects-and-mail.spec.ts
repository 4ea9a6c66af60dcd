// Issue 12.2 (redirects stay on this site) and 12.4 (nobody can flood an inbox through us).
import { expect, test } from '@playwright/test';
import { createAccount, createArticle, createTrustedReader, uniqueEmail } from '../../support/factories';
import { testDb } from '../../support/db';
import { extractLinks, listMail, waitForMail } from '../../support/mailbox';
import { openSession } from '../../support/sessions';
import { cookieHeader, httpRequest } from '../../support/server-actions';

const evil = [
  '%2F%09%2Fevil.example',
  '%2F%0A%2Fevil.example',
  '%2F%5Cevil.example',
  '%2F%252F%2Fevil.example',
  'https%3A%2F%2Fevil.example',
  '%2F%2Fevil.example',
];

test('the emailed sign-in chain never leaves the site, whatever callbackUrl says', async ({ page }) => {
  for (const target of evil.slice(0, 3)) {
    const email = uniqueEmail('redirect');
    const since = new Date();
    await page.goto(`/sign-in?callbackUrl=${target}`);
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
    const mail = await waitForMail({ to: email, subject: /Sign in/, since });
    const link = extractLinks(mail).find((href) => href.includes('/api/auth/callback/email'))!;
    expect(decodeURIComponent(link)).not.toContain('evil.example');
    await page.goto(link);
    await page.waitForURL((url) => !url.pathname.startsWith('/api/auth'));
    expect(new URL(page.url()).host, target).toBe(new URL(link).host);
    await page.context().clearCookies();
  }
});

test('/welcome?next= and /sign-in?callbackUrl= only name paths on this site', async () => {
  const reader = await createAccount('Welcome');
  const token = await openSession(reader.id);
  for (const target of evil) {
    const welcome = await httpRequest('GET', `/welcome?next=${target}`, { headers: cookieHeader(token) });
    expect([303, 307, 308], target).toContain(welcome.status);
    const location = String(welcome.headers.location);
    expect(location, target).not.toMatch(/evil\.example|^\/\/|^\/\s|\\/);
    const signIn = await httpRequest('GET', `/sign-in?callbackUrl=${target}`);
    expect(signIn.text).not.toMatch(/value="[^"]*evil\.example/);
  }
});

test('sign-in emails are limited per address, with a page that says a link was already sent', async ({ page }) => {
  const email = uniqueEmail('flood');
  const since = new Date();
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
    if (attempt > 3) await expect(page.getByRole('status')).toContainText('We already sent a sign-in link');
    else await expect(page.getByRole('status')).toContainText('We sent a sign-in link');
  }
  await waitForMail({ to: email, subject: /Sign in/, since });
  await new Promise((resolve) => setTimeout(resolve, 2000));
  expect((await listMail(email)).filter((m) => /Sign in/.test(m.subject))).toHaveLength(3);
  // An address that has an account gets exactly the same answer (nothing tells a stranger who is a reader).
  const existing = await createTrustedReader('Existing');
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(existing.email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  }
  await expect(page.getByRole('status')).toContainText('We already sent a sign-in link');
});

test('"Email me a fresh link" cannot flood an author: a limit per author across all their stories', async ({
  page,
}) => {
  const db = await testDb();
  const stamp = Date.now().toString(36);
  const author = await db.author.create({
    data: {
      email: `flooded-${stamp}@ledger.test`,
      name: `Flooded Writer ${stamp}`,
      slug: `flooded-${stamp}`,
      notifyOnComments: false,
    },
  });
  const reader = await createAccount('Commenter');
  const comments = [];
  for (let i = 0; i < 14; i++) {
    const article = await createArticle(`flood-${i}`);
    await db.article.update({ where: { id: article.id }, data: { authorId: author.id } });
    comments.push(
      await db.comment.create({
        data: { articleId: article.id, userId: reader.id, body: `Comment ${i}`, status: 'PUBLISHED' },
      }),
    );
  }
  for (const comment of comments) {
    await page.goto(`/reply/${comment.id}/garbage`);
    await page.getByRole('button', { name: 'Email me a fresh link' }).click();
    await expect(page.getByText(/a fresh one is on its way/)).toBeVisible();
  }
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const sent = await db.outboxMessage.count({ where: { to: author.email } });
  expect(sent).toBe(10);
});
