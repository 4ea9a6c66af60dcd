// The desk's speed of work (issue 16): `?` lists every shortcut in an accessible dialog and the keys reach every
// action; compact cards fit ten and more comments on a laptop screen, open up on focus, and the choice is kept.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createArticle, createTrustedReader } from '../../support/factories';
import { testDb } from '../../support/db';
import { triageKey } from '../../../lib/moderation/triage';
import { signIn } from '../fixtures';

/** Routine holds on a story of their own, oldest first, written with the key the app would have written. */
async function seedPending(label: string, count: number) {
  const db = await testDb();
  const article = await createArticle(label);
  const writer = await createTrustedReader(`${label}Writer`);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const createdAt = new Date(Date.now() - (count - i) * 60_000);
    const body = `${label} comment ${i + 1}: a few sentences about the council's harbour plan and its budget. ${Date.now()}`;
    await db.comment.create({
      data: {
        articleId: article.id,
        userId: writer.id,
        body,
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
    texts.push(body);
  }
  return { article, texts };
}

async function moderatorPage(page: Page, label: string, from: string) {
  const moderator = await createTrustedReader(label, 'MODERATOR');
  await signIn(page, moderator.email, { from });
  await expect(page.getByRole('heading', { name: 'Moderation' })).toBeVisible();
  await expect(page.locator('[data-keyboard="ready"]')).toBeAttached();
}

const cards = (page: Page) => page.locator('[data-card]');

async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

test('? lists the shortcuts in a dialog, and the keys reach the card actions', async ({ page }) => {
  const { article } = await seedPending('keys-help', 3);
  await moderatorPage(page, 'ModHelp', `/moderate?article=${article.id}`);

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const action of ['approve', 'reject', 'editors’ pick', 'history', 'measures', 'commenter’s page', 'compact'])
    await expect(dialog).toContainText(action);
  // The dialog has the focus, and is clean for a screen reader.
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await expectAxeClean(page);
  // Keys do nothing behind it; Esc closes it.
  await page.keyboard.press('j');
  await expect(cards(page).first()).not.toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // j, then m: the measures on the commenter's account open with the focus in them.
  await page.keyboard.press('j');
  await expect(cards(page).first()).toBeFocused();
  await page.keyboard.press('m');
  const measures = cards(page).first().locator('[data-action="measures"]');
  await expect(measures).toHaveAttribute('open', '');
  await expect(measures.locator('select, input:not([type="hidden"]), textarea, button').first()).toBeFocused();

  // A number opens a queue tab (the last is All); / goes to the filters.
  await page.locator('h1').click();
  await page.keyboard.press('2');
  await expect(page).toHaveURL(/queue=reported/);
  await expect(page.locator('[data-keyboard="ready"]')).toBeAttached();
  await page.keyboard.press('/');
  await expect(
    page.getByRole('search', { name: 'Filter the queue' }).getByLabel('Commenter', { exact: true }),
  ).toBeFocused();
  // The help is a button too, for a mouse.
  await page.getByRole('button', { name: 'all shortcuts' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('compact cards fit ten and more on a laptop screen, open on focus, and the choice is remembered', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const { article, texts } = await seedPending('density', 14);
  await moderatorPage(page, 'ModDensity', `/moderate?article=${article.id}`);
  await expect(cards(page)).toHaveCount(14);
  // Full cards: even with the list scrolled to its first card, the tenth is well below the fold.
  await cards(page)
    .first()
    .evaluate((card) => card.scrollIntoView({ block: 'start' }));
  await expect(cards(page).nth(9)).not.toBeInViewport();

  await page.keyboard.press('v');
  await expect(page).toHaveURL(/view=compact/);
  await expect(page.locator('[data-density="compact"]')).toBeVisible();
  // Ten and more fit on the screen at once (the list scrolled to its first card, under the console's controls).
  await cards(page)
    .first()
    .evaluate((card) => card.scrollIntoView({ block: 'start' }));
  for (let i = 0; i < 10; i++) await expect(cards(page).nth(i)).toBeInViewport();
  await expect(cards(page).first().getByRole('button', { name: 'Approve' })).toBeHidden();
  await expectAxeClean(page);

  // j opens the current card in full; a approves it, and the next one opens with the focus.
  await page.keyboard.press('j');
  await expect(cards(page).first().getByRole('button', { name: 'Approve' })).toBeVisible();
  await page.keyboard.press('a');
  await expect(cards(page).filter({ hasText: texts[0]! })).toHaveCount(0);
  await expect(cards(page).first()).toBeFocused();
  await expect(cards(page).first().getByRole('button', { name: 'Approve' })).toBeVisible();
  await expect(cards(page).nth(1).getByRole('button', { name: 'Approve' })).toBeHidden();

  // Remembered: a visit without view= is compact again; the toggle goes back to full cards.
  await page.goto(`/moderate?article=${article.id}`);
  await expect(page.locator('[data-density="compact"]')).toBeVisible();
  await page.getByRole('link', { name: /Full cards/ }).click();
  await expect(page.locator('[data-density="full"]')).toBeVisible();
  await cards(page)
    .first()
    .evaluate((card) => card.scrollIntoView({ block: 'start' }));
  await expect(cards(page).nth(9)).not.toBeInViewport();
  await page.goto(`/moderate?article=${article.id}`);
  await expect(page.locator('[data-density="full"]')).toBeVisible();
});

test('select all on the page, a count of the selection, and a confirmation that says how many', async ({ page }) => {
  const db = await testDb();
  const { article, texts } = await seedPending('bulk-all', 3);
  await moderatorPage(page, 'ModBulkAll', `/moderate?article=${article.id}`);
  const count = page.locator('[data-selected-count]');
  await expect(count).toHaveText('0 selected');
  await page.getByLabel('Select all on this page').check();
  await expect(count).toHaveText('3 selected');
  // x unticks the current card, and the count follows (keys act once the focus has left the checkbox).
  await page.locator('h1').click();
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await expect(count).toHaveText('2 selected');
  await page.getByLabel('Select all on this page').check();
  await expect(count).toHaveText('3 selected');
  await page.getByRole('button', { name: 'Approve selected' }).click();
  const confirm = page.getByRole('dialog', { name: 'Approve 3 comments?' });
  await expect(confirm).toBeVisible();
  await expectAxeClean(page);
  await confirm.getByRole('button', { name: 'Yes, approve 3 comments' }).click();
  await expect(cards(page)).toHaveCount(0);
  for (const text of texts)
    expect((await db.comment.findFirstOrThrow({ where: { body: text } })).status).toBe('PUBLISHED');
});
