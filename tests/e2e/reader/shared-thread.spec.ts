// Issue 20's signed-in split (lib/cache/shared-thread.ts): a signed-in reader with nothing of their own on a story
// gets the story's shared list of threads, spliced by server.ts into a page Next rendered without it, so the inline
// RSC payload does not repeat the comments. Everything in the list works as before, with and without JavaScript, and
// the list is never older than the database (a row written outside the app shows at once).
import { expect, test } from '@playwright/test';
import { testDb } from '../../support/db';
import { createArticle, createTrustedReader, uniqueSuffix } from '../../support/factories';
import { signIn } from '../fixtures';

async function storyWithComments(label: string) {
  const db = await testDb();
  const writer = await createTrustedReader(`${label} Writer`);
  const article = await createArticle(`shared-${label.toLowerCase()}`);
  const texts = [`The bus lanes ${uniqueSuffix()}`, `The tram plans ${uniqueSuffix()}`];
  for (const [index, body] of texts.entries()) {
    const id = crypto.randomUUID();
    await db.comment.create({
      data: {
        id,
        threadId: id,
        articleId: article.id,
        userId: writer.id,
        body,
        status: 'PUBLISHED',
        createdAt: new Date(Date.now() - (10 - index) * 60_000),
      },
    });
  }
  await db.article.update({ where: { id: article.id }, data: { commentCount: texts.length } });
  return { db, article, writer, story: `/articles/${article.slug}`, texts };
}

test('a reader with nothing on the story gets the shared list once in the HTML; replies, reactions and fresh rows work', async ({
  page,
}) => {
  const { db, article, writer, story, texts } = await storyWithComments('Journey');
  const reader = await createTrustedReader('Sharer');
  await signIn(page, reader.email, { from: story });

  const first = await page.goto(story);
  expect(first!.headers()['x-shared-thread']).toBe('spliced');
  const html = await first!.text();
  // Once in the list, not again in the inline RSC payload.
  expect(html.split(texts[0]!).length - 1).toBe(1);
  const comment = page.locator('li.comment', { hasText: texts[0]! });
  await expect(comment.getByRole('link', { name: 'Reply', exact: true })).toBeVisible();
  await expect(comment.getByRole('button', { name: 'Mute' })).toBeVisible();
  await expect(comment.getByRole('link', { name: 'Report', exact: true })).toBeVisible();

  // A comment written straight into the database (no invalidation announces it) is on the next page at once.
  const late = `The ferry timetable ${uniqueSuffix()}`;
  const id = crypto.randomUUID();
  await db.comment.create({
    data: { id, threadId: id, articleId: article.id, userId: writer.id, body: late, status: 'PUBLISHED' },
  });
  const second = await page.goto(story);
  expect(second!.headers()['x-shared-thread']).toBe('spliced');
  await expect(page.getByText(late)).toBeVisible();

  // Reply opens its form on the client (the list then comes whole from the server).
  await comment.getByRole('link', { name: 'Reply', exact: true }).click();
  await expect(page.getByLabel(`Reply to ${writer.displayName}`)).toBeVisible();
  await expect(page).toHaveURL(/reply=/);

  // A reaction through the list's island: the button says so, and the reader's next page is rendered whole.
  await page.goto(story);
  const respect = page.locator('li.comment', { hasText: texts[1]! }).getByRole('button', { name: /Respect/ });
  await respect.click();
  await expect(respect).toHaveAttribute('aria-pressed', 'true');
  const third = await page.goto(story);
  expect(third!.headers()['x-shared-thread']).toBe('whole');
  await expect(
    page.locator('li.comment', { hasText: texts[1]! }).getByRole('button', { name: /Respect/ }),
  ).toHaveAttribute('aria-pressed', 'true');
});

test('the shared list works without JavaScript: reply and react', async ({ browser }) => {
  const { story, texts, writer } = await storyWithComments('Plain');
  const reader = await createTrustedReader('Plainsharer');
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, reader.email, { from: story });
  const response = await page.goto(story);
  expect(response!.headers()['x-shared-thread']).toBe('spliced');
  await page.locator('li.comment', { hasText: texts[0]! }).getByRole('link', { name: 'Reply', exact: true }).click();
  await expect(page.getByLabel(`Reply to ${writer.displayName}`)).toBeVisible();
  await page.goto(story);
  await page
    .locator('li.comment', { hasText: texts[1]! })
    .getByRole('button', { name: /Respect/ })
    .click();
  await page.goto(story);
  await expect(
    page.locator('li.comment', { hasText: texts[1]! }).getByRole('button', { name: /Respect/ }),
  ).toHaveAttribute('aria-pressed', 'true');
  await context.close();
});
