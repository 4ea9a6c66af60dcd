// The full-page cache in server.ts: signed-out readers get stored bytes, and every visible change
// (a comment published, approved, edited, deleted, reacted to; story settings) reaches them at once.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { createArticle, createNewReader, createTrustedReader } from '../../support/factories';
import { signIn } from '../fixtures';
import { testDb } from '../../support/db';
import { e2eMetricsToken } from '../../support/server-actions';

async function anonymousGet(request: APIRequestContext, path: string) {
  const response = await request.get(path, { headers: { cookie: '' } });
  expect(response.status()).toBe(200);
  return { cache: response.headers()['x-page-cache'], html: await response.text(), etag: response.headers()['etag'] };
}

/** Requests the page until the stored copy answers (storing compresses in the background). */
async function warm(request: APIRequestContext, path: string) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const page = await anonymousGet(request, path);
    if (page.cache === 'hit') return page;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${path} never came from the cache`);
}

async function post(page: Page, displayName: string, text: string) {
  await page.getByLabel(`Comment as ${displayName}`).fill(text);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Your comment/ })).toBeVisible();
}

test('signed-out readers are served from the cache, and a new comment shows at once', async ({
  page,
  playwright,
  baseURL,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const article = await createArticle('cache');
  const path = `/articles/${article.slug}`;
  expect((await anonymousGet(anonymous, path)).cache).toBe('miss');
  const cached = await warm(anonymous, path);
  expect(cached.html).toContain('Sign in to comment');

  // Compressed copies are stored too, and a revalidation gets a 304.
  const gz = await anonymous.get(path, { headers: { 'accept-encoding': 'gzip' } });
  expect(gz.headers()['content-encoding']).toBe('gzip');
  expect(await gz.text()).toBe(cached.html);
  const revalidated = await anonymous.get(path, { headers: { 'if-none-match': cached.etag } });
  expect(revalidated.status()).toBe(304);
  // Links shared on social media carry tracking parameters: they are served the same stored page.
  const shared = await anonymousGet(anonymous, `${path}?utm_source=social&fbclid=abc123&sort=oldest`);
  expect(shared.cache).toBe('hit');
  expect(shared.etag).toBe(cached.etag);

  const reader = await createTrustedReader('Cached');
  await signIn(page, reader.email, { from: path });
  // Signed-in readers never get the shared copy: they see their compose box.
  await expect(page.getByLabel(`Comment as ${reader.displayName}`)).toBeVisible();
  const text = `Fresh for everyone ${Date.now()}`;
  await post(page, reader.displayName, text);

  // Readers arriving together after the change: the first renders the new page; any who arrive during that
  // render get the copy from before it (stale-while-revalidate); none renders it again.
  const burst = await Promise.all(Array.from({ length: 10 }, () => anonymous.get(path, { headers: { cookie: '' } })));
  const served = await Promise.all(
    burst.map(async (response) => ({ cache: response.headers()['x-page-cache'], html: await response.text() })),
  );
  expect(served.filter((answer) => answer.cache === 'miss')).toHaveLength(1);
  for (const answer of served) {
    expect(['miss', 'stale', 'hit', 'coalesced']).toContain(answer.cache);
    if (answer.cache === 'stale') expect(answer.html).not.toContain(text);
    else expect(answer.html).toContain(text);
  }
  const after = await anonymousGet(anonymous, path);
  expect(after.cache).toBe('hit');
  expect(after.html).toContain(text);
  expect(after.html).toContain('1 comment');
  // The front page shows comment counts, so it was dropped as well.
  const front = await anonymousGet(anonymous, '/');
  expect(front.html).toContain(article.headline);

  // Deleting it takes it off the cached page too.
  await page.locator('li.comment', { hasText: text }).locator('summary', { hasText: 'Delete' }).click();
  await page.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(page.locator('.comment__body', { hasText: text })).toHaveCount(0);
  expect((await anonymousGet(anonymous, path)).html).not.toContain(text);
  await anonymous.dispose();
});

test('a moderator’s approval reaches the cached page within a second', async ({ browser, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const article = await createArticle('cache-approve');
  const path = `/articles/${article.slug}`;
  const newcomer = await createNewReader('CacheNew');
  const page = await browser.newPage();
  await signIn(page, newcomer.email, { from: path });
  const text = `Held, then approved ${Date.now()}`;
  await post(page, newcomer.displayName, text);
  const held = await warm(anonymous, path);
  expect(held.html).not.toContain(text);

  const moderator = await createTrustedReader('CacheMod', 'MODERATOR');
  const modPage = await browser.newPage();
  await signIn(modPage, moderator.email, { from: `/moderate?article=${article.id}` });
  const card = modPage.locator('[data-card]').filter({ hasText: text });
  await card.getByRole('button', { name: 'Approve' }).click();
  await expect(modPage.locator('[data-card]').filter({ hasText: text })).toHaveCount(0);
  const approvedAt = Date.now();
  let seen = false;
  while (!seen && Date.now() - approvedAt < 1000) seen = (await anonymousGet(anonymous, path)).html.includes(text);
  expect(seen, 'the approved comment is on the signed-out page within 1 s').toBe(true);
  await page.close();
  await modPage.close();
  await anonymous.dispose();
});

test('closing a story from the console updates the cached page', async ({ browser, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const article = await createArticle('cache-close');
  const path = `/articles/${article.slug}`;
  expect((await warm(anonymous, path)).html).toContain('Sign in to comment');
  const moderator = await createTrustedReader('CacheClose', 'MODERATOR');
  const modPage = await browser.newPage();
  await signIn(modPage, moderator.email, { from: '/moderate/articles' });
  const row = modPage.locator(`li[aria-label="${article.headline}"]`);
  await row.getByLabel('Comment mode').selectOption('Closed');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(row.getByText('Saved.')).toBeVisible();
  const after = await anonymousGet(anonymous, path);
  expect(after.html).toContain('Comments are closed on this story.');
  const db = await testDb();
  expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).commentsOpen).toBe(false);
  await modPage.close();
  await anonymous.dispose();
});

test('signed-out readers get the reader edition: no JavaScript, and every control still works', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  const path = '/articles/huawei-russia-5g';
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Metadata survives without scripts: title and description are in the document's head.
  await expect(page).toHaveTitle(/^Huawei signs deal .* · The Ledger$/);
  expect(await page.locator('head meta[name="description"]').getAttribute('content')).toBeTruthy();
  expect(await page.locator('head title').count()).toBe(1);
  await expect(page.locator('li.comment').first()).toBeVisible();
  // Sorting and signing in are plain links: they work as full page loads.
  await page.getByRole('navigation', { name: 'Sort comments' }).getByRole('link', { name: 'Newest' }).click();
  await expect(page).toHaveURL(/sort=newest/);
  await expect(
    page.getByRole('navigation', { name: 'Sort comments' }).getByRole('link', { name: 'Newest' }),
  ).toHaveAttribute('aria-current', 'true');
  await page.getByRole('link', { name: 'Andrew Blake' }).first().click();
  await expect(page).toHaveURL(/\/authors\//);
  await expect(page).toHaveTitle(/Andrew Blake · The Ledger/);
  await page.getByRole('link', { name: 'Latest' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page).toHaveTitle(/The Ledger/);
  expect(scripts, 'scripts loaded by signed-out reading').toEqual([]);
  // The sign-in page is interactive: from there on the App Router runs.
  await page.goto(path);
  await page.getByRole('link', { name: 'Sign in to comment' }).click();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await expect.poll(() => scripts.length).toBeGreaterThan(0);
  await context.close();
});

test('readers arriving while a page renders wait for that render instead of starting their own', async ({
  playwright,
  baseURL,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const article = await createArticle('cache-burst');
  const path = `/articles/${article.slug}`;
  const metrics = { headers: { authorization: `Bearer ${e2eMetricsToken}` } };
  const before = (await (await anonymous.get('/metrics', metrics)).json()).pageCache as {
    renders: number;
    coalesced: number;
  };
  // A page nobody has asked for yet, requested by 25 readers at once (as after a push alert).
  const responses = await Promise.all(
    Array.from({ length: 25 }, () => anonymous.get(path, { headers: { cookie: '' } })),
  );
  const sources = responses.map((response) => response.headers()['x-page-cache']);
  expect(responses.every((response) => response.status() === 200)).toBe(true);
  expect(sources.filter((source) => source === 'miss')).toHaveLength(1);
  expect(sources.every((source) => ['miss', 'coalesced', 'hit'].includes(source!))).toBe(true);
  expect(new Set(responses.map((response) => response.headers()['etag'])).size).toBe(1);
  const after = (await (await anonymous.get('/metrics', metrics)).json()).pageCache as {
    renders: number;
    coalesced: number;
  };
  expect(after.renders - before.renders).toBe(1);
  expect(after.coalesced - before.coalesced).toBe(sources.filter((source) => source === 'coalesced').length);
  await anonymous.dispose();
});
