// Issue 16, "Picks": a moderator features a comment as an editors' pick; signed-out readers (served from the page
// cache) see it at once in the picks section with its badge and first in the Editors' picks sort, with no script;
// its writer is emailed.
import { expect, test } from '@playwright/test';
import { testDb } from '../../support/db';
import { createArticle, createTrustedReader, uniqueSuffix } from '../../support/factories';
import { waitForMail } from '../../support/mailbox';
import { signIn } from '../fixtures';

test('a featured comment becomes an editors’ pick readers see at once, and its writer hears of it', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const db = await testDb();
  const moderator = await createTrustedReader('Picker', 'MODERATOR');
  const writer = await createTrustedReader('Picked');
  const article = await createArticle('picks');
  const make = async (body: string, minutesAgo: number) => {
    const id = crypto.randomUUID();
    await db.comment.create({
      data: {
        id,
        threadId: id,
        articleId: article.id,
        userId: writer.id,
        body,
        status: 'PUBLISHED',
        // Approved by a moderator earlier, so it sits in the Approved queue where Feature is offered.
        decidedById: moderator.id,
        createdAt: new Date(Date.now() - minutesAgo * 60_000),
      },
    });
    return id;
  };
  const earlier = `An earlier, ordinary comment ${uniqueSuffix()}`;
  const chosen = `The ferry timetable was cut in 2019, not 2021 ${uniqueSuffix()}`;
  await make(earlier, 20);
  const id = await make(chosen, 10);
  await db.article.update({ where: { id: article.id }, data: { commentCount: 2 } });

  // A signed-out reader's page, cached before the pick.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const reader = await context.newPage();
  const story = `/articles/${article.slug}`;
  await reader.goto(story);
  await expect(reader.getByRole('region', { name: 'Editors’ picks' })).toHaveCount(0);

  await signIn(page, moderator.email, { from: '/moderate' });
  const since = new Date();
  await page.goto(`/moderate?queue=approved&author=${encodeURIComponent(writer.email)}`);
  const card = page.locator('[data-card]', { hasText: chosen });
  await card.getByRole('button', { name: 'Feature as an editors’ pick' }).click();
  await expect(card.getByText('editors’ pick', { exact: true })).toBeVisible();

  await reader.reload();
  const picks = reader.getByRole('region', { name: 'Editors’ picks' });
  await expect(picks).toContainText(chosen);
  await expect(picks).not.toContainText(earlier);
  const inThread = reader.locator(`#comment-${id}`);
  await expect(inThread.getByText('Editors’ pick', { exact: true })).toBeVisible();

  await reader.getByRole('navigation', { name: 'Sort comments' }).getByRole('link', { name: 'Editors’ picks' }).click();
  await expect(reader).toHaveURL(/\?sort=picks#comments$/);
  // The discussion's top-level threads (not the picks section's list, not replies): the pick opens it.
  const threads = reader.locator('ol.comment-list:not(.comment-list--replies):not(.comments__picks-list) > li');
  await expect(threads).toHaveCount(2);
  await expect(threads.first()).toContainText(chosen);
  await context.close();

  const mail = await waitForMail({ to: writer.email, subject: /editors’ pick/, since, timeoutMs: 15_000 });
  expect(mail.text).toContain(chosen);
});
