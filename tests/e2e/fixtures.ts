// Shared steps for journeys: signing in the way a reader does (link read from the SMTP sink),
// and arranging accounts directly in the database the server uses.
import { expect, type Page } from '@playwright/test';
import { extractLinks, waitForMail } from '../support/mailbox';
import { testDb } from '../support/db';

let counter = 0;
/** A fresh address per call, so tests never share an account by accident. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${counter++}@readers.example`.toLowerCase();
}

/**
 * An account that can comment without pre-moderation: it has a display name and one approved comment
 * (new accounts' first comment is held by policy).
 */
export async function createTrustedReader(label: string, role: 'READER' | 'MODERATOR' | 'ADMIN' = 'READER') {
  const email = uniqueEmail(label);
  const displayName = `${label} ${counter}`.slice(0, 30);
  const db = await testDb();
  const user = await db.user.create({ data: { email, displayName, role, emailVerified: new Date() } });
  const article = await historyArticle();
  await db.comment.create({
    data: {
      articleId: article.id,
      userId: user.id,
      body: `An earlier comment by ${displayName}.`,
      status: 'PUBLISHED',
      threadId: null,
      createdAt: new Date(Date.now() - 86_400_000),
    },
  });
  return { email, displayName, id: user.id };
}

/** A brand-new account with a display name and no history: its first comment is held (pre-moderation). */
export async function createNewReader(label: string) {
  const email = uniqueEmail(label);
  const displayName = `${label} ${counter}`.slice(0, 30);
  const db = await testDb();
  const user = await db.user.create({ data: { email, displayName, emailVerified: new Date() } });
  return { email, displayName, id: user.id };
}

/** An article of the test's own, so its comment list holds only what the test put there. */
export async function createArticle(label: string, options: { commentsOpen?: boolean } = {}) {
  const db = await testDb();
  const slug = `${label}-${Date.now().toString(36)}-${counter++}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const author = await db.author.upsert({
    where: { email: 'fixtures@ledger.test' },
    update: {},
    create: { email: 'fixtures@ledger.test', name: 'Fixture Writer', slug: 'fixture-writer', notifyOnComments: false },
  });
  return db.article.create({
    data: {
      slug,
      headline: `Test story ${slug}`,
      body: 'A paragraph.',
      publishedAt: new Date(),
      authorId: author.id,
      commentsOpen: options.commentsOpen ?? true,
    },
  });
}

let history: Promise<{ id: string }> | undefined;
/** Where trusted readers' earlier comments live, away from the stories tests look at. */
function historyArticle() {
  history ??= testDb().then(
    async (db) =>
      (await db.article.findUnique({ where: { slug: 'fixture-history' } })) ??
      createArticle('fixture-history').then((a) =>
        db.article.update({ where: { id: a.id }, data: { slug: 'fixture-history' } }),
      ),
  );
  return history;
}

/** Signs in through the real flow: the sign-in form, the email in the SMTP sink, the link. */
export async function signIn(
  page: Page,
  email: string,
  { from = '/', displayName }: { from?: string; displayName?: string } = {},
) {
  const since = new Date();
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(from)}`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  const mail = await waitForMail({ to: email, subject: /Sign in/, since, timeoutMs: 15_000 });
  const link = extractLinks(mail).find((href) => href.includes('/api/auth/callback/email'));
  expect(link, 'sign-in link in the email').toBeTruthy();
  await page.goto(link!);
  await page.waitForURL((url) => !url.pathname.startsWith('/api/auth'));
  // A first sign-in lands on /welcome; the caller either names the account here or tests that page itself.
  if (displayName) {
    await expect(page.getByRole('heading', { name: 'Welcome' })).toBeVisible();
    await page.getByLabel('Display name').fill(displayName);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/welcome'));
  }
}
