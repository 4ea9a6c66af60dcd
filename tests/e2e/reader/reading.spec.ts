// Issue 17, the small things readers notice: "Show more comments" lands on the first thread it adds (without
// JavaScript too), and times read "5 minutes ago" in the reader's zone with the exact time on hover, while the
// cached page for signed-out readers keeps its UTC times and no script.
import { expect, test } from '@playwright/test';
import { createArticle, createTrustedReader } from '../../support/factories';
import { testDb } from '../../support/db';
import { signIn } from '../fixtures';

async function storyWithThreads(label: string, count: number) {
  const db = await testDb();
  const article = await createArticle(label);
  const writer = await createTrustedReader(`Threads ${Date.now() % 1_000_000}`);
  const start = Date.now() - (count + 60) * 60_000;
  for (let i = 0; i < count; i++) {
    const id = crypto.randomUUID();
    await db.comment.create({
      data: {
        id,
        threadId: id,
        articleId: article.id,
        userId: writer.id,
        body: `Thread number ${i + 1} on the budget`,
        status: 'PUBLISHED',
        reasons: '[]',
        createdAt: new Date(start + i * 60_000),
      },
    });
  }
  await db.article.update({ where: { id: article.id }, data: { commentCount: count } });
  return `/articles/${article.slug}`;
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('"Show more comments" lands on the first thread it adds; times are UTC', async ({ page }) => {
    const path = await storyWithThreads('show-more-lands', 25);
    await page.goto(path);
    await expect(page.locator('.comment__time').first()).toContainText('UTC');
    await page.getByRole('link', { name: /Show more comments/ }).click();
    await expect(page).toHaveURL(/[?&]shown=40.*#thread-21$/);
    const landing = page.locator('#thread-21');
    await expect(landing).toContainText('Thread number 21 on the budget');
    await expect(landing).toBeInViewport();
  });
});

test('signed in, times read relative in the reader’s zone, with the exact time on hover', async ({ browser }) => {
  const context = await browser.newContext({ timezoneId: 'Asia/Tokyo', locale: 'en-GB' });
  const page = await context.newPage();
  const path = await storyWithThreads('relative-times', 2);
  const reader = await createTrustedReader(`Times ${Date.now() % 1_000_000}`);
  await signIn(page, reader.email, { from: path });
  const time = page.locator('li.comment', { hasText: 'Thread number 2 on the budget' }).locator('time.comment__time');
  await expect(time).toHaveText(/^(1 hour ago|\d+ minutes ago)$/);
  const dateTime = (await time.getAttribute('datetime'))!;
  const tokyo = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', dateStyle: 'full', timeStyle: 'short' });
  await expect(time).toHaveAttribute('title', tokyo.format(new Date(dateTime)));
  await context.close();
});

test('a field’s error shows once, and goes when the reader corrects the text', async ({ page }) => {
  const path = await storyWithThreads('validation-clears', 1);
  const reader = await createTrustedReader(`Fixes ${Date.now() % 1_000_000}`);
  await signIn(page, reader.email, { from: path });
  const box = page.getByLabel(`Comment as ${reader.displayName}`);
  await box.fill('   ');
  await page.getByRole('button', { name: 'Post comment' }).click();
  const form = page.locator('form.comment-form').first();
  const error = form.locator('.field__error');
  await expect(error).toHaveCount(1);
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  const message = (await error.textContent())!;
  await expect(form.getByText(message, { exact: true })).toHaveCount(1);
  await box.fill('Now with something to say about the budget');
  await expect(error).toHaveCount(0);
  await expect(form.getByRole('alert')).toHaveCount(0);
  await expect(box).not.toHaveAttribute('aria-invalid', 'true');
});
