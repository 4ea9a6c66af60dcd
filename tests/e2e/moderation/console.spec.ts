// The moderation console read and driven the way a moderator works it: rule hits and history that show
// every reason, the keyboard, selection and bulk actions, confirmation of reversals, article settings,
// and tab counts that follow each decision. Each test works on a story of its own, filtered in the console.
import { expect, test, type Page } from '@playwright/test';
import { createArticle, createNewReader, createTrustedReader } from '../../support/factories';
import { signIn } from '../fixtures';
import { testDb } from '../../support/db';
import { triageKey } from '../../../lib/moderation/triage';

function card(page: Page, text: string) {
  return page.locator('[data-card]').filter({ hasText: text });
}

/** Comments waiting (or decided) on a fresh story, oldest first, written directly. */
async function seedComments(label: string, status: 'PENDING' | 'REJECTED' | 'PUBLISHED', count: number) {
  const db = await testDb();
  const article = await createArticle(label);
  const writer = await createTrustedReader(`${label}Writer`);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = crypto.randomUUID();
    const text = `${label} comment ${i + 1} ${Date.now()}`;
    const createdAt = new Date(Date.now() - (count - i) * 60_000);
    // Written directly, so with the priority key the app would have written (all routine holds: oldest first).
    const key = triageKey({ status, reasonClauses: ['moderation'], reportClauses: [], reportCount: 0, createdAt });
    await db.comment.create({
      data: {
        id,
        threadId: id,
        articleId: article.id,
        userId: writer.id,
        body: text,
        status,
        triageKey: key,
        createdAt,
        ...(status === 'REJECTED'
          ? { rejectClause: 'spam', decidedAt: new Date(Date.now() - (count - i) * 1000), decidedById: writer.id }
          : {}),
      },
    });
    texts.push(text);
  }
  return { article, texts };
}

async function moderatorPage(page: Page, label: string, from: string) {
  const moderator = await createTrustedReader(label, 'MODERATOR');
  await signIn(page, moderator.email, { from });
  await expect(page.getByRole('heading', { name: 'Moderation' })).toBeVisible();
  // Keys pressed before the queue's keyboard handler is attached do nothing.
  await expect(page.locator('[data-keyboard="ready"]')).toBeAttached();
  return moderator;
}

test('rule hits name every hit and the history shows every automatic reason', async ({ page, browser }) => {
  const article = await createArticle('all-reasons');
  const newcomer = await createNewReader('Several');
  await signIn(page, newcomer.email, { from: `/articles/${article.slug}` });
  const text = `Mail jo@example.org or ring 020 7946 0958, we know where you live ${Date.now()}`;
  await page.getByLabel(`Comment as ${newcomer.displayName}`).fill(text);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Your comment/ })).toBeVisible();

  const modPage = await browser.newPage();
  await moderatorPage(modPage, 'ModHits', `/moderate?article=${article.id}`);
  const held = card(modPage, text);
  const hits = held.getByRole('region', { name: 'Rule hits' });
  await expect(hits).toContainText('an email address and a phone number');
  await expect(hits).toContainText('“jo@example.org”, “020 7946 0958”');
  await held.locator('summary', { hasText: 'History' }).click();
  const history = held.locator('.card__history');
  // The automatic hold cites §2 (threat), §5 (personal information) and §9 (new account), with each reason.
  await expect(history).toContainText('§2 No hate speech or threats');
  await expect(history).toContainText('§5');
  await expect(history).toContainText('§9');
  for (const rule of ['threat-phrases', 'personal-info', 'new-commenter'])
    await expect(history.getByText(new RegExp(`^${rule}:`))).toBeVisible();

  // The decision record holds every clause, each once.
  const db = await testDb();
  const comment = await db.comment.findFirstOrThrow({ where: { body: text } });
  const clauses = await db.decisionClause.findMany({ where: { commentId: comment.id }, orderBy: { clause: 'asc' } });
  expect(clauses.map((c) => c.clause)).toEqual(['hate-and-threats', 'moderation', 'privacy']);
  await modPage.close();
});

test('after a or r the next card becomes current and focused; j does not skip', async ({ page }) => {
  const { article, texts } = await seedComments('keys', 'PENDING', 4);
  await moderatorPage(page, 'ModKeys', `/moderate?article=${article.id}`);
  await expect(page.locator('[data-card]')).toHaveCount(4);

  await page.keyboard.press('j');
  await expect(card(page, texts[0]!)).toBeFocused();
  await page.keyboard.press('a');
  await expect(card(page, texts[0]!)).toHaveCount(0);
  // The card that took its place is current and has the focus: not <body>.
  await expect(card(page, texts[1]!)).toBeFocused();
  await expect(card(page, texts[1]!)).toHaveAttribute('data-current', '');

  // r: choose the clause, reject; the next card takes over again.
  await page.keyboard.press('r');
  const select = card(page, texts[1]!).getByLabel('Reject under');
  await expect(select).toBeFocused();
  await select.selectOption('spam');
  await card(page, texts[1]!).getByRole('button', { name: 'Reject' }).click();
  await expect(card(page, texts[1]!)).toHaveCount(0);
  await expect(card(page, texts[2]!)).toBeFocused();

  // j moves to the card after the current one, skipping nothing.
  await page.keyboard.press('j');
  await expect(card(page, texts[3]!)).toBeFocused();
  await page.keyboard.press('k');
  await expect(card(page, texts[2]!)).toBeFocused();
});

test('only queues with bulk actions have checkboxes, and a bulk validation error keeps the selection', async ({
  page,
}) => {
  const db = await testDb();
  const { article, texts } = await seedComments('bulk', 'PENDING', 2);
  const rejected = await seedComments('bulk-rejected', 'REJECTED', 1);
  await moderatorPage(page, 'ModBulk', `/moderate?article=${article.id}`);

  const boxes = page.locator('[data-card]').getByRole('checkbox', { name: 'Select' });
  await expect(boxes).toHaveCount(2);
  // x selects the current card.
  for (const i of [0, 1]) {
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await expect(boxes.nth(i)).toBeChecked();
  }
  // Reject without a clause: refused, and both cards stay selected.
  await page.getByRole('button', { name: 'Reject selected' }).click();
  await expect(page.locator('#bulk-form').getByRole('alert')).toContainText('Choose the clause for a bulk rejection.');
  await expect(boxes.nth(0)).toBeChecked();
  await expect(boxes.nth(1)).toBeChecked();
  await page.getByLabel('Clause for bulk rejection').selectOption('spam');
  // The bar asks first, saying how many; Cancel changes nothing.
  await page.getByRole('button', { name: 'Reject selected' }).click();
  const confirm = page.getByRole('dialog', { name: 'Reject 2 comments?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.locator('[data-card]')).toHaveCount(2);
  await page.getByRole('button', { name: 'Reject selected' }).click();
  await confirm.getByRole('button', { name: 'Yes, reject 2 comments' }).click();
  await expect(page.locator('[data-card]')).toHaveCount(0);
  for (const text of texts)
    expect((await db.comment.findFirstOrThrow({ where: { body: text } })).status).toBe('REJECTED');

  // Rejected, Approved and Appeals have no bulk bar, so no checkboxes either.
  for (const queue of ['rejected', 'approved', 'appeals']) {
    await page.goto(`/moderate?queue=${queue}&article=${queue === 'rejected' ? rejected.article.id : article.id}`);
    if (queue === 'rejected') await expect(page.locator('[data-card]')).toHaveCount(1);
    await expect(page.getByRole('checkbox', { name: 'Select' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Approve selected' })).toHaveCount(0);
  }
});

test('without JavaScript, a refused bulk decision keeps the selection and the next one applies to it', async ({
  page,
  browser,
}) => {
  const db = await testDb();
  const { article, texts } = await seedComments('bulk-nojs', 'PENDING', 3);
  const from = `/moderate?article=${article.id}`;
  await moderatorPage(page, 'ModBulkNoJs', from);
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const noJs = await context.newPage();
  await noJs.goto(from);
  const box = (text: string) => card(noJs, text).getByRole('checkbox', { name: 'Select' });
  await box(texts[0]!).check();
  await box(texts[2]!).check();
  // Reject without a clause: the page comes back refused, with the same two cards ticked.
  await noJs.getByRole('button', { name: 'Reject selected' }).click();
  await expect(noJs.locator('#bulk-form').getByRole('alert')).toContainText('Choose the clause for a bulk rejection.');
  await expect(box(texts[0]!)).toBeChecked();
  await expect(box(texts[1]!)).not.toBeChecked();
  await expect(box(texts[2]!)).toBeChecked();
  // Choosing the clause is all that is left to do.
  await noJs.getByLabel('Clause for bulk rejection').selectOption('spam');
  await noJs.getByRole('button', { name: 'Reject selected' }).click();
  await expect(noJs.locator('#bulk-form').getByRole('status')).toContainText('Rejected 2 comments.');
  const status = async (text: string) => (await db.comment.findFirstOrThrow({ where: { body: text } })).status;
  expect([await status(texts[0]!), await status(texts[1]!), await status(texts[2]!)]).toEqual([
    'REJECTED',
    'PENDING',
    'REJECTED',
  ]);
  await context.close();
});

test('a on a rejected card asks before reinstating it', async ({ page }) => {
  const db = await testDb();
  const { article, texts } = await seedComments('reinstate', 'REJECTED', 2);
  await moderatorPage(page, 'ModUndo', `/moderate?queue=rejected&article=${article.id}`);
  // Newest decision first.
  const first = card(page, texts[1]!);
  await page.keyboard.press('j');
  await expect(first).toBeFocused();
  await page.keyboard.press('a');
  const confirm = first.getByRole('button', { name: 'Yes, reinstate it' });
  await expect(first.getByText('Reverse the rejection and publish this comment?')).toBeVisible();
  await expect(confirm).toBeFocused();
  // Asking changed nothing.
  expect((await db.comment.findFirstOrThrow({ where: { body: texts[1] } })).status).toBe('REJECTED');
  await page.keyboard.press('Enter');
  await expect(first).toHaveCount(0);
  expect((await db.comment.findFirstOrThrow({ where: { body: texts[1] } })).status).toBe('PUBLISHED');
  await expect(card(page, texts[0]!)).toBeFocused();
});

test('saving unchanged article settings writes no audit entry; a change writes one; counts are pluralised', async ({
  page,
}) => {
  const db = await testDb();
  const { article } = await seedComments('settings', 'PENDING', 1);
  await db.article.update({ where: { id: article.id }, data: { commentCount: 1 } });
  const entries = () =>
    db.moderationEvent.findMany({ where: { action: 'article-settings', note: { startsWith: `${article.slug}:` } } });
  await moderatorPage(page, 'ModSettings', '/moderate');
  await page.goto('/moderate/articles');
  const item = page.getByRole('listitem', { name: article.headline });
  await expect(item).toContainText('· 1 comment');
  await expect(item).not.toContainText('1 comments');

  await item.getByRole('button', { name: 'Save' }).click();
  await expect(item.getByRole('status')).toHaveText('No changes to save.');
  expect(await entries()).toHaveLength(0);

  await item.getByLabel('Comment mode').selectOption('Pre-moderated');
  await item.getByRole('button', { name: 'Save' }).click();
  await expect(item.getByRole('status')).toHaveText('Saved. Changed comment mode follow presets → pre-moderated.');
  const written = await entries();
  expect(written).toHaveLength(1);
  expect(written[0]!.note).toBe(`${article.slug}: comment mode follow presets → pre-moderated`);
  expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).premoderate).toBe(true);
});

test('tab counts follow a decision at once, without waiting for the poll', async ({ page }) => {
  const { article, texts } = await seedComments('counts', 'PENDING', 3);
  await moderatorPage(page, 'ModCounts', `/moderate?article=${article.id}`);
  // No polling: any change of count must come with the decision itself.
  await page.route('**/api/moderation/counts**', (route) => route.abort());
  const count = (queue: string) => page.locator(`[data-queue-count="${queue}"]`);
  await expect(count('pending')).toHaveText('3');
  await expect(count('approved')).toHaveText('0');
  await card(page, texts[0]!).getByRole('button', { name: 'Approve' }).click();
  await expect(card(page, texts[0]!)).toHaveCount(0);
  await expect(count('pending')).toHaveText('2', { timeout: 3_000 });
  await expect(count('approved')).toHaveText('1', { timeout: 3_000 });
  await card(page, texts[1]!).getByLabel('Reject under').selectOption('spam');
  await card(page, texts[1]!).getByRole('button', { name: 'Reject' }).click();
  await expect(count('pending')).toHaveText('1', { timeout: 3_000 });
  await expect(count('rejected')).toHaveText('1', { timeout: 3_000 });
});

test('Unmoderated lists comments published automatically, newest first, until a moderator looks at them', async ({
  page,
}) => {
  const { article, texts } = await seedComments('unmoderated', 'PUBLISHED', 3);
  await moderatorPage(page, 'ModUnseen', `/moderate?queue=unmoderated&article=${article.id}`);
  await expect(page.locator('[data-queue-count="unmoderated"]')).toHaveText('3');
  // Newest first: what readers are seeing now.
  await expect(page.locator('[data-card]').first()).toContainText(texts[2]!);
  await expect(page.locator('[data-card]').last()).toContainText(texts[0]!);
  await card(page, texts[2]!).getByRole('button', { name: 'Keep published' }).click();
  await expect(card(page, texts[2]!)).toHaveCount(0);
  await expect(page.locator('[data-queue-count="unmoderated"]')).toHaveText('2', { timeout: 3_000 });
  await expect(page.locator('[data-queue-count="approved"]')).toHaveText('1', { timeout: 3_000 });
  // The text search of the long queues.
  await page.getByLabel('Text contains').fill('comment 1 ');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.locator('[data-card]')).toHaveCount(1);
  await expect(page.locator('[data-card]')).toContainText(texts[0]!);
});

test('the transparency report works without JavaScript: charts and tables', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/transparency');
  await expect(page.getByRole('heading', { name: /transparency report/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Who decided/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Decisions per week/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Median (minutes|hours) from posting/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Decisions by week' })).toBeVisible();
  await context.close();
});
