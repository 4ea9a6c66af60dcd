// Issue 17, "Mute a commenter": a signed-in reader mutes another commenter from one of their comments; that
// commenter's comments are collapsed for the muter only ("Comment from a muted reader", one click shows it), another
// signed-in reader and a signed-out one see them as before, and the muter unmutes from their profile. Form posts:
// it works without JavaScript too.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { testDb } from '../../support/db';
import { createArticle, createTrustedReader, uniqueSuffix } from '../../support/factories';
import { signIn } from '../fixtures';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.map((v) => `${page.url()}: ${v.id} (${v.impact})`)).toEqual([]);
}

async function storyWithLoudComment(label: string) {
  const db = await testDb();
  const loud = await createTrustedReader(`${label} Loud`);
  const article = await createArticle(`muting-${label.toLowerCase()}`);
  const text = `Every roundabout in this town is a mistake ${uniqueSuffix()}`;
  const id = crypto.randomUUID();
  await db.comment.create({
    data: { id, threadId: id, articleId: article.id, userId: loud.id, body: text, status: 'PUBLISHED' },
  });
  await db.article.update({ where: { id: article.id }, data: { commentCount: 1 } });
  return { loud, story: `/articles/${article.slug}`, text };
}

test('a muted commenter is collapsed for the reader who muted them, and for no one else', async ({ page, browser }) => {
  const { loud, story, text } = await storyWithLoudComment('Journey');
  const muter = await createTrustedReader('Muter');
  const bystander = await createTrustedReader('Bystander');

  await signIn(page, muter.email, { from: story });
  await page.goto(story);
  const comment = page.locator('li.comment', { hasText: text });
  await comment.getByRole('button', { name: 'Mute' }).click();

  const muted = page.locator('details.comment__muted');
  await expect(muted.locator('summary')).toHaveText('Comment from a muted reader (show)');
  await expect(page.getByText(text)).toBeHidden();
  await expectNoAxeViolations(page);
  await muted.locator('summary').click();
  await expect(page.getByText(text)).toBeVisible();

  // Another signed-in reader sees the comment in full, with its Mute button.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, bystander.email, { from: story });
  await otherPage.goto(story);
  await expect(otherPage.getByText(text)).toBeVisible();
  await expect(otherPage.locator('details.comment__muted')).toHaveCount(0);
  await expect(otherPage.locator('li.comment', { hasText: text }).getByRole('button', { name: 'Mute' })).toBeVisible();
  await other.close();

  // Signed out: the comment as always, and nothing to mute with.
  const outside = await browser.newContext();
  const signedOut = await outside.newPage();
  await signedOut.goto(story);
  await expect(signedOut.getByText(text)).toBeVisible();
  await expect(signedOut.getByRole('button', { name: 'Mute' })).toHaveCount(0);
  await outside.close();

  // The profile lists the mute; unmuting restores the comment.
  await page.goto('/profile');
  await expect(page.getByRole('heading', { name: 'Muted readers' })).toBeVisible();
  await expect(page.locator('.mute-list')).toContainText(loud.displayName!);
  await expect(page).toHaveTitle(/Your account/);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: `Unmute ${loud.displayName}` }).click();
  await expect(page.getByText('You have muted nobody.')).toBeVisible();
  await page.goto(story);
  await expect(page.getByText(text)).toBeVisible();
  await expect(page.locator('details.comment__muted')).toHaveCount(0);
});

test('muting and unmuting work without JavaScript', async ({ browser }) => {
  const { loud, story, text } = await storyWithLoudComment('Plain');
  const muter = await createTrustedReader('Plainmuter');
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, muter.email, { from: story });
  await page.goto(story);
  await page.locator('li.comment', { hasText: text }).getByRole('button', { name: 'Mute' }).click();
  await page.goto(story);
  await expect(page.locator('details.comment__muted summary')).toHaveText('Comment from a muted reader (show)');
  await expect(page.getByText(text)).toBeHidden();
  // <details> opens without any script.
  await page.locator('details.comment__muted summary').click();
  await expect(page.getByText(text)).toBeVisible();
  await page.goto('/profile');
  await page.getByRole('button', { name: `Unmute ${loud.displayName}` }).click();
  await page.goto('/profile');
  await expect(page.getByText('You have muted nobody.')).toBeVisible();
  await context.close();
});
