// Two app instances (playwright.scale.config.ts) sharing PostgreSQL and Redis: what one does, the other
// serves; a rate limit counts across both; a moderator's approval reaches the other's page cache within
// a second; both run mail senders and still send each email once.
import { expect, test, type Page } from '@playwright/test';
import { createArticle, createNewReader, createTrustedReader } from '../support/factories';
import { signIn } from '../e2e/fixtures';
import { listMail, waitForMail } from '../support/mailbox';
import { openSession } from '../support/sessions';

const [a, b] = [Number(process.env.SCALE_PORT_A ?? 3601), Number(process.env.SCALE_PORT_B ?? 3602)].map(
  (port) => `http://127.0.0.1:${port}`,
) as [string, string];

async function anonymous(base: string, path: string) {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, cache: response.headers.get('x-page-cache'), html: await response.text() };
}

async function warm(base: string, path: string) {
  for (let i = 0; i < 50; i++) {
    if ((await anonymous(base, path)).cache === 'hit') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${base}${path} is not cached`);
}

async function post(page: Page, displayName: string, text: string) {
  await page.getByLabel(`Comment as ${displayName}`).fill(text);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Your comment/ })).toBeVisible();
}

test('a comment posted on one instance is served by the other, cached page included; sessions are shared', async ({
  page,
}) => {
  const article = await createArticle('scale-post');
  const path = `/articles/${article.slug}`;
  await warm(b, path);
  const reader = await createTrustedReader('ScaleA');
  await signIn(page, reader.email, { from: path });
  const text = `Posted on instance A ${Date.now()}`;
  await post(page, reader.displayName, text);
  // Instance B dropped its cached copy when A published (Redis), so its signed-out page has the comment.
  const served = await anonymous(b, path);
  expect(served.html).toContain(text);
  // The same session works on B (sessions live in PostgreSQL).
  await page.goto(`${b}${path}`);
  await expect(page.getByLabel(`Comment as ${reader.displayName}`)).toBeVisible();
  await expect(page.locator('.comment__body', { hasText: text })).toBeVisible();
});

test('a moderator’s approval on one instance shows on the other within a second', async ({ browser }) => {
  const article = await createArticle('scale-approve');
  const path = `/articles/${article.slug}`;
  const newcomer = await createNewReader('ScaleNew');
  const readerPage = await browser.newPage();
  await signIn(readerPage, newcomer.email, { from: path });
  const text = `Held on A, approved on B ${Date.now()}`;
  await post(readerPage, newcomer.displayName, text);
  await warm(a, path);
  expect((await anonymous(a, path)).html).not.toContain(text);

  const moderator = await createTrustedReader('ScaleMod', 'MODERATOR');
  const modPage = await browser.newPage();
  await signIn(modPage, moderator.email, { from: '/moderate' });
  await modPage.goto(`${b}/moderate?article=${article.id}`);
  const card = modPage.locator('[data-card]').filter({ hasText: text });
  await card.getByRole('button', { name: 'Approve' }).click();
  await expect(modPage.locator('[data-card]').filter({ hasText: text })).toHaveCount(0);
  const approvedAt = Date.now();
  let seenAfter = -1;
  while (Date.now() - approvedAt < 1000) {
    if ((await anonymous(a, path)).html.includes(text)) {
      seenAfter = Date.now() - approvedAt;
      break;
    }
  }
  expect(seenAfter, 'approved comment served by the other instance within 1 s').toBeGreaterThanOrEqual(0);
  await readerPage.close();
  await modPage.close();
});

test('the write rate limit counts requests on both instances together', async ({ page }) => {
  const reader = await createTrustedReader('ScaleLimit');
  await signIn(page, reader.email, { from: '/' });
  const session = (await page.context().cookies()).find((c) => c.name.endsWith('next-auth.session-token'))!;
  const cookie = `${session.name}=${session.value}`;
  const statuses: number[] = [];
  // 12 writes per session per minute (the config's limit), alternating between the instances: 6 each.
  for (let i = 0; i < 12; i++)
    statuses.push((await fetch(`${i % 2 ? b : a}/policy`, { method: 'POST', headers: { cookie } })).status);
  expect(statuses.filter((s) => s === 429)).toEqual([]);
  const refused = await fetch(`${a}/policy`, { method: 'POST', headers: { cookie } });
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  const alsoRefused = await fetch(`${b}/policy`, { method: 'POST', headers: { cookie } });
  expect(alsoRefused.status).toBe(429);
  // Another reader is unaffected.
  const other = await fetch(`${b}/policy`, { method: 'POST', headers: { cookie: `${session.name}=someone-else` } });
  expect(other.status).not.toBe(429);
});

test('with a mail sender on each instance, each event is emailed once', async ({ browser }) => {
  const article = await createArticle('scale-mail');
  const path = `/articles/${article.slug}`;
  const alice = await createTrustedReader('ScaleAlice');
  const bob = await createTrustedReader('ScaleBob');
  const alicePage = await browser.newPage();
  await signIn(alicePage, alice.email, { from: path });
  const first = `Alice on A ${Date.now()}`;
  await post(alicePage, alice.displayName, first);
  const bobPage = await browser.newPage();
  await signIn(bobPage, bob.email, { from: path });
  await bobPage.goto(`${b}${path}`);
  const thread = bobPage.locator('li.comment', { hasText: first });
  await thread.getByRole('link', { name: 'Reply', exact: true }).first().click();
  const reply = `Bob answers on B ${Date.now()}`;
  await thread.getByLabel(`Reply to ${alice.displayName}`).fill(reply);
  await thread.getByRole('button', { name: 'Post reply' }).click();
  await expect(thread.getByText(reply)).toBeVisible();
  await waitForMail({ to: alice.email, contains: reply, timeoutMs: 20_000 });
  // Both senders poll every 200 ms: give a duplicate every chance to arrive.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const copies = (await listMail(alice.email)).filter((m) => m.text.includes(reply));
  expect(copies).toHaveLength(1);
  await alicePage.close();
  await bobPage.close();
});

test('a live stream on one instance hears of a comment posted on the other (Redis)', async ({ page }) => {
  const article = await createArticle('scale-live');
  const path = `/articles/${article.slug}`;
  const controller = new AbortController();
  const stream = await fetch(`${b}/live/articles/${article.slug}`, { signal: controller.signal });
  expect(stream.status).toBe(200);
  const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
  let heard = '';
  const listening = (async () => {
    while (!heard.includes('event: change')) {
      const { value, done } = await reader.read();
      if (done) return;
      heard += value;
    }
  })();

  const writer = await createTrustedReader('ScaleLive');
  await signIn(page, writer.email, { from: path });
  await post(page, writer.displayName, `Posted on A, heard on B ${Date.now()}`);
  const postedAt = Date.now();
  await Promise.race([listening, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  controller.abort();
  expect(heard).toContain('"kind":"new"');
  expect(Date.now() - postedAt).toBeLessThan(5_000);
});

test('the moderation queue’s live stream on one instance hears of a comment held on the other (Redis)', async ({
  page,
}) => {
  const article = await createArticle('scale-queue-live');
  const moderator = await createTrustedReader('ScaleQueueMod', 'MODERATOR');
  const token = await openSession(moderator.id);
  const controller = new AbortController();
  const stream = await fetch(`${b}/live/moderation?article=${article.id}&queue=pending&since=${Date.now()}`, {
    headers: { cookie: `next-auth.session-token=${token}` },
    signal: controller.signal,
  });
  expect(stream.status).toBe(200);
  const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
  let heard = '';
  const listening = (async () => {
    while (!heard.includes('"fresh":1')) {
      const { value, done } = await reader.read();
      if (done) return;
      heard += value;
    }
  })();

  const newcomer = await createNewReader('ScaleQueueNew');
  await signIn(page, newcomer.email, { from: `/articles/${article.slug}` });
  await post(page, newcomer.displayName, `Held on A, counted on B ${Date.now()}`);
  const postedAt = Date.now();
  await Promise.race([listening, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  controller.abort();
  expect(heard).toContain('"pending":1');
  expect(heard).toContain('"fresh":1');
  expect(Date.now() - postedAt).toBeLessThan(5_000);
});
