// Issue 17, "Delete my account": the reader asks on their profile, the emailed link opens a page with one button
// (opening it changes nothing: mail scanners open links), and the button erases the account, ends the session and
// says so. A comment others replied to stays as a nameless tombstone; the others go; the signed-out copy of the
// story (page cache) changes at once. With JavaScript and without.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { testDb } from '../../support/db';
import { createArticle, createTrustedReader, uniqueSuffix } from '../../support/factories';
import { extractLinks, waitForMail } from '../../support/mailbox';
import { signIn } from '../fixtures';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.map((v) => `${page.url()}: ${v.id} (${v.impact})`)).toEqual([]);
}

/** A reader with two comments on a story: one another reader answered, one nobody did. */
async function readerWithComments(label: string) {
  const db = await testDb();
  const reader = await createTrustedReader(label);
  const other = await createTrustedReader(`${label} Other`);
  const article = await createArticle(`leaving-${label.toLowerCase()}`);
  const suffix = uniqueSuffix();
  const texts = {
    answered: `The new footbridge looks flimsy to me ${suffix}`,
    alone: `Nobody will answer this note about ferries ${suffix}`,
    reply: `The footbridge passed its load test ${suffix}`,
  };
  const make = async (userId: string, body: string, parentId?: string) => {
    const id = crypto.randomUUID();
    await db.comment.create({
      data: {
        id,
        threadId: parentId ?? id,
        parentId: parentId ?? null,
        depth: parentId ? 1 : 0,
        articleId: article.id,
        userId,
        body,
        status: 'PUBLISHED',
      },
    });
    await db.article.update({ where: { id: article.id }, data: { commentCount: { increment: 1 } } });
    return id;
  };
  const answered = await make(reader.id, texts.answered);
  await make(reader.id, texts.alone);
  await make(other.id, texts.reply, answered);
  return { reader, other, article, texts };
}

async function deletionLink(email: string, since: Date): Promise<string> {
  const mail = await waitForMail({ to: email, subject: /Confirm deleting/, since });
  const link = extractLinks(mail).find((href) => href.includes('/delete-account/'));
  expect(link, 'confirmation link in the email').toBeTruthy();
  return link!;
}

test('a reader deletes their account through the emailed link; the story keeps the reply under a nameless tombstone', async ({
  page,
  browser,
}) => {
  const db = await testDb();
  const { reader, other, article, texts } = await readerWithComments('Leaver');
  const story = `/articles/${article.slug}`;

  // A signed-out copy of the story is cached with the reader's comments.
  const outside = await browser.newContext();
  const signedOut = await outside.newPage();
  await signedOut.goto(story);
  await expect(signedOut.getByText(texts.alone)).toBeVisible();

  await signIn(page, reader.email, { from: '/profile' });
  await page.goto('/profile');
  const since = new Date();
  await page.getByRole('button', { name: 'Email me a link to delete my account' }).click();
  await expect(page.getByText(`We have emailed ${reader.email} a link`)).toBeVisible();
  const link = await deletionLink(reader.email, since);

  // Opening the link (as a mail scanner would) deletes nothing.
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Delete your account' })).toBeVisible();
  await expect(page).toHaveTitle(/Delete your account/);
  await expect(page.getByText(reader.email)).toBeVisible();
  expect(await db.user.count({ where: { id: reader.id } })).toBe(1);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Delete my account' }).click();
  await page.waitForURL('**/account-deleted');
  await expect(page.getByRole('heading', { level: 1, name: 'Your account was deleted' })).toBeVisible();
  // The title arrives with the navigation's metadata, a moment after the heading.
  await expect(page).toHaveTitle(/Account deleted/);
  await expectNoAxeViolations(page);
  expect(await db.user.count({ where: { id: reader.id } })).toBe(0);

  // The session is over.
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/sign-in/);

  // The cached story changed: the lone comment is gone, the answered one is a tombstone without a name.
  await signedOut.reload();
  await expect(signedOut.getByText(texts.reply)).toBeVisible();
  await expect(signedOut.getByText('This comment was deleted.')).toBeVisible();
  await expect(signedOut.getByText(texts.alone)).toHaveCount(0);
  await expect(signedOut.getByText(texts.answered)).toHaveCount(0);
  await expect(signedOut.locator('#comments')).not.toContainText(reader.displayName!);
  await expect(signedOut.locator('#comments')).toContainText(other.displayName!);
  await outside.close();

  // The link is spent.
  await page.goto(link);
  await expect(page.getByText(/This link is not valid/)).toBeVisible();
  // The deletion is in the audit log, without the person.
  const audit = await db.moderationEvent.findFirstOrThrow({
    where: { action: 'account-deleted' },
    orderBy: { createdAt: 'desc' },
  });
  expect(audit.note).toEqual(
    expect.stringMatching(/^A reader deleted their account: \d+ comments? removed, 1 kept, emptied/),
  );
});

test('deleting an account works without JavaScript', async ({ browser }) => {
  const db = await testDb();
  const { reader, article, texts } = await readerWithComments('Plainleaver');
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, reader.email, { from: '/profile' });
  await page.goto('/profile');
  const since = new Date();
  await page.getByRole('button', { name: 'Email me a link to delete my account' }).click();
  await expect(page.getByText(`We have emailed ${reader.email} a link`)).toBeVisible();
  await page.goto(await deletionLink(reader.email, since));
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account was deleted' })).toBeVisible();
  expect(await db.user.count({ where: { id: reader.id } })).toBe(0);
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(`/articles/${article.slug}`);
  await expect(page.getByText(texts.reply)).toBeVisible();
  await expect(page.getByText(texts.alone)).toHaveCount(0);
  await context.close();
});

test('the only administrator is told to appoint another first, and nothing is deleted', async ({ page }) => {
  const db = await testDb();
  const admin = await createTrustedReader('Soleadmin', 'ADMIN');
  // Every other administrator steps down for this test, and back afterwards.
  const others = await db.user.findMany({ where: { role: 'ADMIN', id: { not: admin.id } }, select: { id: true } });
  await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { role: 'MODERATOR' } });
  try {
    await signIn(page, admin.email, { from: '/profile' });
    await page.goto('/profile');
    await page.getByRole('button', { name: 'Email me a link to delete my account' }).click();
    await expect(page.getByText(/You are the only administrator/)).toBeVisible();
    expect(await db.user.count({ where: { id: admin.id } })).toBe(1);
  } finally {
    await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { role: 'ADMIN' } });
  }
});
