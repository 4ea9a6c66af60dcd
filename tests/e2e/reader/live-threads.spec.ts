// Issue 17, live threads: a reader with the story open hears of new comments without a reload (Server-Sent Events,
// lib/live/hub.ts), in a bar that does not move the text under their eyes; replies are counted under their
// thread; held comments never reach the stream; the page they see is still the one they had until they ask.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createArticle, createTrustedReader } from '../../support/factories';
import { testDb } from '../../support/db';
import { measureLiveStreams } from '../../support/live-streams';
import { baseURL, distDir } from '../../support/server-actions';
import { signIn } from '../fixtures';

async function readerOn(browser: Browser, label: string, path: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const reader = await createTrustedReader(`${label} ${Date.now() % 1_000_000}`);
  await signIn(page, reader.email, { from: path });
  await expect(page.getByRole('heading', { name: /Comments/ })).toBeVisible();
  return { page, reader, close: () => context.close() };
}

async function post(page: Page, label: string, text: string) {
  await page.getByLabel(label).fill(text);
  await page.getByRole('button', { name: 'Post comment' }).click();
}

test('new comments and replies reach a reader with the story open, and come in when asked', async ({ browser }) => {
  const db = await testDb();
  const article = await createArticle('live-threads');
  const path = `/articles/${article.slug}`;
  const first = await createTrustedReader(`First ${Date.now() % 1_000_000}`);
  const threadId = crypto.randomUUID();
  const threadText = `A first thought on the budget ${Date.now()}`;
  await db.comment.create({
    data: {
      id: threadId,
      threadId,
      articleId: article.id,
      userId: first.id,
      body: threadText,
      status: 'PUBLISHED',
      reasons: '[]',
      createdAt: new Date(Date.now() - 60_000),
    },
  });
  await db.article.update({ where: { id: article.id }, data: { commentCount: 1 } });

  const watcher = await readerOn(browser, 'Watcher', path);
  const writer = await readerOn(browser, 'Writer', path);
  // Survives only if the watcher's page is never reloaded.
  await watcher.page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

  const text = `Live remark about the council ${Date.now()}`;
  await post(writer.page, `Comment as ${writer.reader.displayName}`, text);
  await expect(writer.page.locator('.comment__body', { hasText: text })).toBeVisible();

  const bar = watcher.page.getByRole('button', { name: '1 new comment — show' });
  await expect(bar).toBeVisible({ timeout: 5_000 });
  await expect(watcher.page.getByText(text), 'nothing is inserted until the reader asks').toHaveCount(0);

  // A reply is counted under its thread, as well as in the bar.
  await writer.page.goto(`${path}?reply=${threadId}#comment-${threadId}`);
  const reply = `A reply that arrives live ${Date.now()}`;
  await writer.page.getByLabel(/Reply to/).fill(reply);
  await writer.page.getByRole('button', { name: 'Post reply' }).click();
  await expect(writer.page.locator('.comment__body', { hasText: reply })).toBeVisible();
  const thread = watcher.page.locator(`#comment-${threadId}`);
  await expect(thread.getByRole('button', { name: '1 new reply — show' })).toBeVisible({ timeout: 5_000 });
  await expect(watcher.page.getByRole('button', { name: '2 new comments — show' })).toBeVisible();

  await watcher.page.getByRole('button', { name: '2 new comments — show' }).click();
  await expect(watcher.page.getByText(text)).toBeVisible();
  await expect(thread.getByText(reply)).toBeVisible();
  await expect(watcher.page.locator(`li.comment:has(> article:has-text("${text}")) > article`)).toBeFocused();
  await expect(watcher.page.getByRole('button', { name: /new comment/ })).toHaveCount(0);
  expect(await watcher.page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

  // A held comment never reaches the stream; an edit of a comment on the page does.
  const held = `Whoever drew up this budget is an 1d10t, frankly ${Date.now()}`;
  await post(writer.page, `Comment as ${writer.reader.displayName}`, held);
  await expect(writer.page.getByText('Held for review — only you can see this comment.')).toBeVisible();
  await watcher.page.waitForTimeout(2_500);
  await expect(watcher.page.getByRole('button', { name: /new comment|edited/ })).toHaveCount(0);

  await db.comment.update({ where: { id: threadId }, data: { body: `${threadText} (edited)`, editedAt: new Date() } });
  // A change made outside the app reaches readers when the app next invalidates the story: post one more.
  const last = `One more for the road ${Date.now()}`;
  await post(writer.page, `Comment as ${writer.reader.displayName}`, last);
  await expect(
    watcher.page.getByRole('button', { name: '1 new comment · 1 comment edited or deleted — show' }),
  ).toBeVisible({ timeout: 5_000 });
  await watcher.close();
  await writer.close();
});

test('the live channel is a stream of its own, bounded per address, and never part of a cached page', async ({
  request,
}) => {
  const article = await createArticle('live-bounds');
  const page = await request.get(`/articles/${article.slug}`);
  expect(await page.text(), 'signed-out pages carry no live script').not.toContain('/live/articles/');
  const missing = await request.get('/live/articles/Not%20A%20Slug');
  expect(missing.status()).toBe(404);
});

test('a thousand open streams cost the server under 100 MB, and a new comment reaches them all within 1 s', async () => {
  test.setTimeout(120_000);
  const result = await measureLiveStreams({ url: baseURL, distDir: distDir() }, { count: 1000 });
  console.log(`live streams: ${JSON.stringify(result)}`);
  expect(result.streams).toBe(1000);
  expect(result.rssGrowthMb).toBeLessThan(100);
  expect(result.reached).toBe(1000);
  expect(result.reachedAllMs).toBeLessThan(1000);
});
