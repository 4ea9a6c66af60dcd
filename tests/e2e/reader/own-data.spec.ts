// Issue 17, "Own data and identity": a reader changes their display name from the profile (once per 30 days, the
// old name kept for staff, every cached page showing the name refreshed) and downloads their data as JSON.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { testDb } from '../../support/db';
import { createArticle, createTrustedReader, uniqueSuffix } from '../../support/factories';
import { signIn } from '../fixtures';

async function publishedComment(userId: string, text: string) {
  const article = await createArticle('renamed');
  const id = crypto.randomUUID();
  await (
    await testDb()
  ).comment.create({ data: { id, threadId: id, articleId: article.id, userId, body: text, status: 'PUBLISHED' } });
  return article;
}

test('a reader changes their display name: the story shows it at once, staff keep the old one, a second change waits 30 days', async ({
  page,
  browser,
}) => {
  const reader = await createTrustedReader('Renamer');
  const text = `Bus lanes on the ring road are half empty ${uniqueSuffix()}`;
  const article = await publishedComment(reader.id, text);
  const story = `/articles/${article.slug}`;

  // A signed-out reader's copy of the story is cached with the old name.
  const outside = await browser.newContext();
  const signedOut = await outside.newPage();
  await signedOut.goto(story);
  await expect(signedOut.locator('li.comment', { hasText: text })).toContainText(reader.displayName!);

  await signIn(page, reader.email, { from: '/profile' });
  await page.goto('/profile');
  const newName = `Ringroad ${uniqueSuffix()}`.slice(0, 30);
  const field = page.getByLabel('Display name');
  await expect(field).toHaveValue(reader.displayName!);
  await field.fill(newName);
  await page.getByRole('button', { name: 'Change name' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(newName);
  await expect(page.getByText(/change your name once every 30 days: next on/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Change name' })).toHaveCount(0);

  await signedOut.reload();
  const comment = signedOut.locator('li.comment', { hasText: text });
  await expect(comment).toContainText(newName);
  await expect(comment).not.toContainText(reader.displayName!);
  await outside.close();

  const log = await (
    await testDb()
  ).moderationEvent.findFirstOrThrow({ where: { action: 'user-rename', actorId: reader.id } });
  expect(log.note).toBe(`${reader.displayName} → ${newName}`);
});

test('a name someone else has, or a journalist’s, is refused with the reason and the typed text kept', async ({
  page,
}) => {
  await createArticle('byline'); // its author is "Fixture Writer", a journalist's name no reader may take
  const reader = await createTrustedReader('Refused');
  const other = await createTrustedReader('Holder');
  await signIn(page, reader.email, { from: '/profile' });
  await page.goto('/profile');
  await page.getByLabel('Display name').fill(other.displayName!);
  await page.getByRole('button', { name: 'Change name' }).click();
  await expect(page.getByText(`“${other.displayName}” is taken; try another.`)).toBeVisible();
  await expect(page.getByLabel('Display name')).toHaveValue(other.displayName!);
  await page.getByLabel('Display name').fill('Fixture Writer');
  await page.getByRole('button', { name: 'Change name' }).click();
  await expect(page.getByLabel('Display name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reader.displayName!);
});

test('changing the name works without JavaScript', async ({ browser }) => {
  const reader = await createTrustedReader('NoScript');
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, reader.email, { from: '/profile' });
  await page.goto('/profile');
  const newName = `Plain ${uniqueSuffix()}`.slice(0, 30);
  await page.getByLabel('Display name').fill(newName);
  await page.getByRole('button', { name: 'Change name' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(newName);
  await context.close();
});

test('Download my data gives one JSON file with the account and its comments', async ({ page }) => {
  const reader = await createTrustedReader('Downloader');
  const text = `The library should open on Sundays ${uniqueSuffix()}`;
  await publishedComment(reader.id, text);
  await signIn(page, reader.email, { from: '/profile' });
  await page.goto('/profile');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download my data' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^the-ledger-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
    account: { email: string; displayName: string };
    comments: { body: string; status: string }[];
  };
  expect(data.account).toMatchObject({ email: reader.email, displayName: reader.displayName });
  expect(data.comments).toContainEqual(expect.objectContaining({ body: text, status: 'PUBLISHED' }));
});

test('the email preference checkboxes sit beside their labels', async ({ page }) => {
  const reader = await createTrustedReader('Boxes');
  await signIn(page, reader.email, { from: '/profile' });
  await page.goto('/profile');
  const labels = await page.locator('label:has(input[type="checkbox"])').all();
  expect(labels.length).toBeGreaterThanOrEqual(3);
  for (const label of labels) {
    const box = label.getByRole('checkbox');
    const [b, l] = [await box.boundingBox(), await label.boundingBox()];
    expect(b!.width).toBeLessThan(40);
    // On the label's line, at its start: not stretched across the form above the words.
    expect(b!.y + b!.height / 2).toBeGreaterThan(l!.y);
    expect(b!.y + b!.height / 2).toBeLessThan(l!.y + l!.height);
    expect(b!.x - l!.x).toBeLessThan(10);
  }
});
