// "Edit and approve" (issue 16), driven as a moderator: a held comment with a phone number is published without it.
// Readers see "[removed by a moderator]" and never the number; the writer is told what was removed and under which
// clause, on the page and by email; an edit that adds a word is refused under the field. With and without JavaScript.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createArticle, createNewReader, createTrustedReader } from '../../support/factories';
import { baseURL, distDir, postCommentOverHttp } from '../../support/server-actions';
import { openSession } from '../../support/sessions';
import { waitForMail } from '../../support/mailbox';
import { testDb } from '../../support/db';

const server = { url: baseURL, distDir: distDir() };

/** A new reader's comment with a phone number: the automatic checks hold it. */
async function heldWithPhone(label: string) {
  const article = await createArticle(label);
  const writer = await createNewReader(label.replace(/[^a-z]/gi, ''));
  const stamp = Date.now();
  const phone = `07700 9${String(stamp).slice(-5)}`;
  const text = `The flats on Mill Lane are damp, ring the agent on ${phone} and ask him why ${stamp}`;
  const posted = await postCommentOverHttp({ server, article, sessionToken: await openSession(writer.id), body: text });
  expect(posted.state?.status).not.toBe('invalid');
  const comment = await (await testDb()).comment.findFirstOrThrow({ where: { articleId: article.id } });
  expect(comment.status).toBe('PENDING');
  return { article, writer, phone, text, stamp, commentId: comment.id };
}

async function signedIn(browser: Browser, userId: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  await context.addCookies([{ name: 'next-auth.session-token', value: await openSession(userId), url: baseURL }]);
  return context.newPage();
}

const card = (page: Page, text: string) => page.locator('[data-card]').filter({ hasText: text });

test('a moderator removes a phone number and publishes the rest; the writer is told what and why', async ({
  browser,
}) => {
  const { article, writer, phone, text, stamp, commentId } = await heldWithPhone('redact-phone');
  const moderator = await createTrustedReader('ModRedact', 'MODERATOR');
  const page = await signedIn(browser, moderator.id);
  await page.goto(`/moderate?article=${article.id}`);
  const held = card(page, text);
  await expect(held).toBeVisible();

  // Keyboard: the disclosure opens with Enter, like every other on the card.
  await held.locator('summary', { hasText: 'Edit and approve' }).focus();
  await page.keyboard.press('Enter');
  const editor = held.getByLabel('Comment as it will be published');
  await expect(editor).toHaveValue(text);

  const axe = await new AxeBuilder({ page }).include('[data-card]').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

  // Adding a word is refused, under the field, and nothing is published.
  await editor.fill(text.replace(phone, '[removed]').replace('are damp', 'are very damp'));
  await held.getByLabel('Removed under').selectOption('privacy');
  await held.getByRole('button', { name: 'Publish without the removed text' }).click();
  await expect(held.locator('.field__error')).toContainText('“very” is not in the comment');
  await expect(editor).toHaveAttribute('aria-invalid', 'true');
  expect((await (await testDb()).comment.findUniqueOrThrow({ where: { id: commentId } })).status).toBe('PENDING');

  await editor.fill(text.replace(phone, '[removed]'));
  await held.getByLabel('Removed under').selectOption('privacy');
  await held.getByLabel('Message to the writer about the removal (optional)').fill('Phone numbers stay private.');
  await held.getByRole('button', { name: 'Publish without the removed text' }).click();
  await expect(held).toHaveCount(0);

  // Readers: the rest of the comment, the marker where the number was, never the number.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/articles/${article.slug}`);
  const published = reader.locator(`#comment-${commentId}`);
  await expect(published).toContainText(`ring the agent on [removed by a moderator] and ask him why ${stamp}`);
  await expect(published).toContainText('(edited by a moderator)');
  expect(await reader.content()).not.toContain(phone);

  // The writer: what was removed and the clause, under their comment.
  const own = await signedIn(browser, writer.id);
  await own.goto(`/articles/${article.slug}`);
  const statement = own.locator(`#comment-${commentId} .statement`);
  await expect(statement).toContainText('Part of your comment was removed by a moderator');
  await expect(statement).toContainText(`Removed: “${phone}”`);
  await expect(statement.getByRole('link', { name: /§\d+ Respect privacy/ })).toBeVisible();
  await expect(statement).toContainText('Phone numbers stay private.');
  // Like any decision, it can be appealed once, from the profile.
  await statement.getByRole('link', { name: 'Appeal this decision' }).click();
  await expect(
    own.locator(`#comment-${commentId}`).locator('summary', { hasText: 'Appeal this decision' }),
  ).toBeVisible();

  // …and by email.
  const mail = await waitForMail({ to: writer.email, subject: /part of it removed/ });
  expect(mail.text).toContain(`Removed: “${phone}”`);

  // Staff: the original in the comment's history.
  await page.goto(`/moderate/log?comment=${commentId}`);
  await expect(page.locator('[data-original]')).toContainText(phone);
  await expect(page.getByRole('table')).toContainText('redact-approve');
  await Promise.all([page.context().close(), reader.context().close(), own.context().close()]);
});

test('without JavaScript: a refused edit comes back under its field, a good one publishes', async ({ browser }) => {
  const { article, phone, text, stamp, commentId } = await heldWithPhone('redact-nojs');
  const moderator = await createTrustedReader('ModRedactNoJs', 'MODERATOR');
  const page = await signedIn(browser, moderator.id, false);
  await page.goto(`/moderate?article=${article.id}`);
  const held = card(page, text);
  await held.locator('summary', { hasText: 'Edit and approve' }).click();
  const editor = held.getByLabel('Comment as it will be published');
  await editor.fill(text.replace(phone, 'a number I made up'));
  await held.getByLabel('Removed under').selectOption('privacy');
  await held.getByRole('button', { name: 'Publish without the removed text' }).click();

  // The page comes back with the editor open, the edit as typed, and the reason it was refused.
  await expect(held.locator('.field__error')).toContainText('is not in the comment');
  await expect(editor).toBeVisible();
  await expect(editor).toHaveValue(text.replace(phone, 'a number I made up'));

  await editor.fill(text.replace(phone, ''));
  await held.getByLabel('Removed under').selectOption('privacy');
  await held.getByRole('button', { name: 'Publish without the removed text' }).click();
  await expect(held).toHaveCount(0);
  const row = await (await testDb()).comment.findUniqueOrThrow({ where: { id: commentId } });
  expect(row).toMatchObject({ status: 'PUBLISHED', originalBody: text });

  const reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await reader.goto(`/articles/${article.slug}`);
  await expect(reader.locator(`#comment-${commentId}`)).toContainText(
    `ring the agent on [removed by a moderator] and ask him why ${stamp}`,
  );
  expect(await reader.content()).not.toContain(phone);
  await Promise.all([page.context().close(), reader.context().close()]);
});
