// Issue 16, live arrivals: two moderators with the console open. One decides, and the other's tab counts follow at
// once, with no reload and no poll (the staff stream, lib/live/queue-hub.ts); a reader's comment is held, and both
// see a quiet "1 new — show" bar while the list stays as it was, until asked. A reader cannot open the stream.
import { expect, test, type Browser } from '@playwright/test';
import { createArticle, createNewReader, createTrustedReader } from '../../support/factories';
import { testDb } from '../../support/db';
import { triageKey } from '../../../lib/moderation/triage';
import { signIn } from '../fixtures';

async function moderatorOn(browser: Browser, label: string, path: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const moderator = await createTrustedReader(`${label} ${Date.now() % 1_000_000}`, 'MODERATOR');
  await signIn(page, moderator.email, { from: path });
  await expect(page.getByRole('heading', { name: 'Moderation' })).toBeVisible();
  // The stream is open: from here on the tabs hear of changes from it (their poll stands down).
  await expect(page.locator('html')).toHaveAttribute('data-queue-live', 'open');
  return { page, close: () => context.close() };
}

test('a decision and a held comment reach another moderator’s console at once, without moving the list', async ({
  browser,
}) => {
  const db = await testDb();
  const article = await createArticle('queue-live');
  const writer = await createTrustedReader(`Queue live writer ${Date.now() % 1_000_000}`);
  const waiting = `Waiting for a moderator ${Date.now()}`;
  const id = crypto.randomUUID();
  const createdAt = new Date(Date.now() - 60_000);
  await db.comment.create({
    data: {
      id,
      threadId: id,
      articleId: article.id,
      userId: writer.id,
      body: waiting,
      status: 'PENDING',
      createdAt,
      triageKey: triageKey({
        status: 'PENDING',
        reasonClauses: ['moderation'],
        reportClauses: [],
        reportCount: 0,
        createdAt,
      }),
    },
  });
  const path = `/moderate?article=${article.id}`;
  const deciding = await moderatorOn(browser, 'Deciding', path);
  const watching = await moderatorOn(browser, 'Watching', path);
  const count = (queue: string) => watching.page.locator(`[data-queue-count="${queue}"]`);
  const bar = (page = watching.page) => page.locator('.queue-live').getByRole('button');
  await expect(count('pending')).toHaveText('1');
  await expect(count('approved')).toHaveText('0');
  // Survives only if the watcher's page is never reloaded.
  await watching.page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

  // The other moderator approves: the watcher's tabs follow within the stream's delay, far under the 5 s poll.
  await deciding.page.locator('[data-card]', { hasText: waiting }).getByRole('button', { name: 'Approve' }).click();
  await expect(deciding.page.locator('[data-card]', { hasText: waiting })).toHaveCount(0);
  await expect(count('pending')).toHaveText('0', { timeout: 3_000 });
  await expect(count('approved')).toHaveText('1', { timeout: 3_000 });
  await expect(bar(), 'a decision is not an arrival').toHaveCount(0);

  // A new reader's comment is held: both consoles hear of it, and only count it.
  const reader = await createNewReader('QueueLiveReader');
  const readerContext = await browser.newContext();
  const readerPage = await readerContext.newPage();
  await signIn(readerPage, reader.email, { from: `/articles/${article.slug}` });
  const held = `A first comment from a new account ${Date.now()}`;
  await readerPage.getByLabel(`Comment as ${reader.displayName}`).fill(held);
  await readerPage.getByRole('button', { name: 'Post comment' }).click();
  await expect(readerPage.getByRole('status').filter({ hasText: /Your comment/ })).toBeVisible();
  expect((await db.comment.findFirstOrThrow({ where: { body: held } })).status).toBe('PENDING');

  await expect(bar()).toHaveText('1 new — show', { timeout: 3_000 });
  await expect(watching.page.locator('.queue-live')).toHaveAttribute('role', 'status');
  await expect(count('pending')).toHaveText('1');
  await expect(watching.page.getByText(held), 'nothing is inserted until the moderator asks').toHaveCount(0);
  await expect(bar(deciding.page)).toHaveText('1 new — show', { timeout: 3_000 });

  // Show: the list is rendered again with the new card, which takes the focus; the page was never reloaded.
  await bar().click();
  const arrived = watching.page.locator('[data-card]', { hasText: held });
  await expect(arrived).toBeVisible();
  await expect(watching.page.locator('[data-card]').first()).toBeFocused();
  await expect(bar()).toHaveCount(0);
  expect(await watching.page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

  // The reader cannot listen to the queue.
  const refused = await readerPage.request.get('/live/moderation?queue=pending');
  expect(refused.status()).toBe(403);
  expect(await refused.text()).not.toContain('pending');

  await Promise.all([deciding.close(), watching.close(), readerContext.close()]);
});
