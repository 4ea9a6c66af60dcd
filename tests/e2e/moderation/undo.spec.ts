// Undo for moderators' decisions (issue 16), driven as a moderator: "Approved 1 comment — Undo" after a decision,
// with the mouse, with `u`, after a bulk rejection, and without JavaScript. The decision's emails wait out the
// window (MODERATION_UNDO_SECONDS, 6 in playwright.config.ts): an undone decision's email never reaches the sink,
// and one that stands arrives once the window has passed.
import { expect, test, type Page } from '@playwright/test';
import { createArticle, createTrustedReader } from '../../support/factories';
import { signIn } from '../fixtures';
import { testDb } from '../../support/db';
import { listMail, waitForMail } from '../../support/mailbox';
import { triageKey } from '../../../lib/moderation/triage';

const windowMs = 6_000;

function card(page: Page, text: string) {
  return page.locator('[data-card]').filter({ hasText: text });
}

async function seedPending(label: string, count: number) {
  const db = await testDb();
  const article = await createArticle(label);
  const writer = await createTrustedReader(`${label}Writer`);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = crypto.randomUUID();
    const text = `${label} comment ${i + 1} ${Date.now()}`;
    const createdAt = new Date(Date.now() - (count - i) * 60_000);
    const key = triageKey({
      status: 'PENDING',
      reasonClauses: ['moderation'],
      reportClauses: [],
      reportCount: 0,
      createdAt,
    });
    await db.comment.create({
      data: {
        id,
        threadId: id,
        articleId: article.id,
        userId: writer.id,
        body: text,
        status: 'PENDING',
        triageKey: key,
        createdAt,
      },
    });
    texts.push(text);
  }
  return { article, writer, texts };
}

async function moderatorPage(page: Page, label: string, from: string) {
  const moderator = await createTrustedReader(label, 'MODERATOR');
  await signIn(page, moderator.email, { from });
  await expect(page.getByRole('heading', { name: 'Moderation' })).toBeVisible();
  await expect(page.locator('[data-keyboard="ready"]')).toBeAttached();
  return moderator;
}

const statusOf = async (text: string) =>
  (await (await testDb()).comment.findFirstOrThrow({ where: { body: text } })).status;

test('approve, then Undo: the comment is back and focused, its email never goes; a decision that stands emails after the window', async ({
  page,
  baseURL,
}) => {
  const db = await testDb();
  const { article, writer, texts } = await seedPending('undo-one', 2);
  await moderatorPage(page, 'ModUndoOne', `/moderate?article=${article.id}`);

  // What a signed-out reader gets (the page cache serves them).
  const story = async () => (await fetch(new URL(`/articles/${article.slug}`, baseURL))).text();
  await card(page, texts[0]!).getByRole('button', { name: 'Approve' }).click();
  const notice = page.locator('[data-undo="open"]');
  await expect(notice).toContainText('Approved 1 comment');
  await expect(page.locator('[data-card]')).toHaveCount(1);
  expect(await story()).toContain(texts[0]!);
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.undo').getByRole('status')).toContainText('Undone: 1 comment back as before');
  // The cached story page was dropped again: readers no longer see it.
  expect(await story()).not.toContain(texts[0]!);
  await expect(card(page, texts[0]!)).toBeVisible();
  await expect(card(page, texts[0]!)).toBeFocused();
  expect(await statusOf(texts[0]!)).toBe('PENDING');
  const comment = await db.comment.findFirstOrThrow({ where: { body: texts[0]! } });
  const events = await db.moderationEvent.findMany({ where: { commentId: comment.id }, orderBy: { createdAt: 'asc' } });
  expect(events.map((event) => [event.action, event.reversesId])).toEqual([
    ['approve', null],
    ['decision-undone', events[0]!.id],
  ]);

  // The second decision stands: its email is held for the window, then sent.
  const decidedAt = new Date();
  await card(page, texts[1]!).getByRole('button', { name: 'Approve' }).click();
  await expect(notice).toContainText('Approved 1 comment');
  const mail = await waitForMail({ to: writer.email, subject: /published/i, timeoutMs: 20_000 });
  expect(new Date(mail.receivedAt).getTime() - decidedAt.getTime()).toBeGreaterThanOrEqual(windowMs - 1_000);
  // The notice goes when the window ends.
  await expect(notice).toHaveCount(0);
  // Only that one: the undone approval's email never reached the sink.
  expect((await listMail(writer.email)).map((message) => message.text.includes(texts[1]!))).toEqual([true]);
});

test('a bulk rejection undone with u: every card comes back, and no email goes', async ({ page }) => {
  const { article, writer, texts } = await seedPending('undo-bulk', 3);
  await moderatorPage(page, 'ModUndoBulk', `/moderate?article=${article.id}`);

  // The `?` list names the key.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('undo your last decision');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.getByLabel('Select all on this page').check();
  await page.getByLabel('Clause for bulk rejection').selectOption('spam');
  await page.getByRole('button', { name: 'Reject selected' }).click();
  await page
    .getByRole('dialog', { name: 'Reject 3 comments?' })
    .getByRole('button', { name: 'Yes, reject 3 comments' })
    .click();
  await expect(page.locator('[data-card]')).toHaveCount(0);
  await expect(page.locator('[data-undo="open"]')).toContainText('Rejected 3 comments');
  for (const text of texts) expect(await statusOf(text)).toBe('REJECTED');

  await page.keyboard.press('u');
  await expect(page.locator('.undo').getByRole('status')).toContainText('Undone: 3 comments back as before');
  await expect(page.locator('[data-card]')).toHaveCount(3);
  await expect(card(page, texts[0]!)).toBeFocused();
  for (const text of texts) expect(await statusOf(text)).toBe('PENDING');

  // Past the window and a few mail polls: nothing reached the writer.
  await page.waitForTimeout(windowMs + 2_000);
  expect(await listMail(writer.email)).toEqual([]);
});

test('without JavaScript: Undo is a form in the notice; after the window it is refused and nothing changes', async ({
  page,
  browser,
}) => {
  const { article, texts } = await seedPending('undo-nojs', 2);
  const from = `/moderate?article=${article.id}`;
  await moderatorPage(page, 'ModUndoNoJs', from);
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const noJs = await context.newPage();
  await noJs.goto(from);

  await card(noJs, texts[0]!).getByRole('button', { name: 'Approve' }).click();
  await expect(noJs.locator('[data-undo="open"]')).toContainText('Approved 1 comment');
  await noJs.locator('[data-undo="open"]').getByRole('button', { name: 'Undo' }).click();
  await expect(noJs.locator('.undo').getByRole('status')).toContainText('Undone: 1 comment back as before');
  await expect(card(noJs, texts[0]!)).toBeVisible();
  expect(await statusOf(texts[0]!)).toBe('PENDING');

  // Too late: the page still offers Undo (no script hides it), the answer refuses and the approval stands.
  await card(noJs, texts[1]!).getByRole('button', { name: 'Approve' }).click();
  await expect(noJs.locator('[data-undo="open"]')).toContainText('Approved 1 comment');
  await noJs.waitForTimeout(windowMs + 500);
  await noJs.locator('[data-undo="open"]').getByRole('button', { name: 'Undo' }).click();
  await expect(noJs.locator('.undo').getByRole('alert')).toContainText('Too late to undo');
  expect(await statusOf(texts[1]!)).toBe('PUBLISHED');
  await context.close();
});
