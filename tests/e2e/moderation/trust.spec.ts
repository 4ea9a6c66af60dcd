// Issue 13, points 1–7: moderation a reader can trust. Each test is the reproduction from the issue.
import { expect, test, type Page } from '@playwright/test';
import { createArticle, createNewReader, createTrustedReader } from '../../support/factories';
import { signIn } from '../fixtures';
import { testDb } from '../../support/db';
import { waitForMail } from '../../support/mailbox';

function card(page: Page, text: string) {
  return page.locator('[data-card]').filter({ hasText: text });
}

function commentItem(page: Page, text: string) {
  return page.locator('li.comment').filter({ has: page.locator(':scope > article', { hasText: text }) });
}

test('an appeal cannot be bypassed from a console tab opened before it (point 1)', async ({ browser }) => {
  const db = await testDb();
  const writer = await createTrustedReader('Appeals');
  const article = await createArticle('appeal-lock');
  const text = `The council ignored the cycling survey ${Date.now()}`;
  const id = crypto.randomUUID();
  await db.comment.create({
    data: { id, threadId: id, articleId: article.id, userId: writer.id, body: text, status: 'PENDING' },
  });

  const [first, second] = [
    await createTrustedReader('LockA', 'MODERATOR'),
    await createTrustedReader('LockB', 'MODERATOR'),
  ];
  const modContext = await browser.newContext();
  const modA = await modContext.newPage();
  await signIn(modA, first.email, { from: '/moderate' });
  await card(modA, text).getByLabel('Reject under').selectOption('on-topic');
  await card(modA, text).getByRole('button', { name: 'Reject' }).click();
  await expect(card(modA, text)).toHaveCount(0);
  // The second tab: the Rejected queue, left open.
  const staleTab = await modContext.newPage();
  await staleTab.goto('/moderate?queue=rejected');
  await expect(card(staleTab, text).locator('summary', { hasText: 'Reinstate (approve)' })).toBeVisible();

  const writerPage = await browser.newPage();
  await signIn(writerPage, writer.email, { from: '/profile' });
  const own = writerPage.locator('li.comment', { hasText: text });
  await own.locator('summary', { hasText: 'Appeal this decision' }).click();
  await own.getByLabel(/Why should this decision change/).fill('It is about the survey the story quotes.');
  await own.getByRole('button', { name: 'Send appeal' }).click();
  await expect(own).toContainText('Your appeal is with a moderator who did not make the decision.');

  // Reinstating asks first (a disclosure, then the confirming button).
  await card(staleTab, text).locator('summary', { hasText: 'Reinstate (approve)' }).click();
  await card(staleTab, text).getByRole('button', { name: 'Yes, reinstate it' }).click();
  await expect(card(staleTab, text).getByRole('alert')).toContainText('The commenter has appealed this decision');
  expect((await db.comment.findUniqueOrThrow({ where: { id } })).status).toBe('REJECTED');
  expect((await db.appeal.findUniqueOrThrow({ where: { commentId: id } })).status).toBe('OPEN');

  // The appeal stays in the Appeals queue until another moderator decides it; then it is closed.
  const modB = await browser.newPage();
  await signIn(modB, second.email, { from: '/moderate?queue=appeals' });
  await card(modB, text).getByRole('button', { name: 'Reinstate' }).click();
  await expect(card(modB, text)).toHaveCount(0);
  expect((await db.appeal.findUniqueOrThrow({ where: { commentId: id } })).status).toBe('REINSTATED');
  expect((await db.comment.findUniqueOrThrow({ where: { id } })).status).toBe('PUBLISHED');
  for (const p of [writerPage, modB]) await p.close();
  await modContext.close();
});

test('the article shows the moderator’s clause, note and appeal link, as the profile and email do (points 2 and 3)', async ({
  browser,
}) => {
  const newcomer = await createNewReader('Statement');
  const article = await createArticle('statement');
  const path = `/articles/${article.slug}`;
  const page = await browser.newPage();
  await signIn(page, newcomer.email, { from: path });
  const text = `Only an idiot would plan a bike lane here ${Date.now()}`;
  await page.getByLabel(`Comment as ${newcomer.displayName}`).fill(text);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your comment is held for review.' })).toBeVisible();
  const held = commentItem(page, text);
  await expect(held).toContainText('Held for review under §1 Be civil');
  await expect(held).toContainText('your comments are reviewed by a moderator until one of them is approved');
  // A second comment while the first waits is told the same true thing, not "first comment".
  const later = `A calmer second thought on the lanes ${Date.now()}`;
  await page.getByLabel(`Comment as ${newcomer.displayName}`).fill(later);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(commentItem(page, later)).toContainText('until one of them is approved');
  await expect(page.locator('#comments')).not.toContainText('first comment');

  const moderator = await createTrustedReader('StatementMod', 'MODERATOR');
  const modPage = await browser.newPage();
  await signIn(modPage, moderator.email, { from: '/moderate' });
  const target = card(modPage, text);
  await target.getByLabel('Reject under').selectOption('civility');
  await target.getByLabel('Note to the commenter (optional)').fill('Argue with the plan, not the planners.');
  await target.getByRole('button', { name: 'Reject' }).click();
  await expect(card(modPage, text)).toHaveCount(0);

  await page.goto(path);
  const rejected = commentItem(page, text);
  await expect(rejected).toContainText('A moderator rejected it under §1 Be civil');
  await expect(rejected).toContainText('Moderator’s note: Argue with the plan, not the planners.');
  await expect(rejected.getByRole('link', { name: 'Appeal this decision' })).toHaveAttribute(
    'href',
    /\/profile#comment-/,
  );
  await expect(rejected.locator('.statement')).not.toContainText('§9');
  await expect(rejected.locator('.statement')).not.toContainText('Rejected under');
  // The second comment is still held, and still says only what is true.
  await expect(commentItem(page, later)).toContainText('until one of them is approved');

  await page.goto('/profile');
  const onProfile = page.locator('li.comment', { hasText: text });
  await expect(onProfile).toContainText('A moderator rejected it under §1 Be civil');
  await expect(onProfile).toContainText('Moderator’s note: Argue with the plan, not the planners.');
  const mail = await waitForMail({ to: newcomer.email, subject: /not published/i, timeoutMs: 15_000 });
  expect(mail.text).toContain('A moderator rejected it under §1 Be civil');
  expect(mail.text).toContain('Moderator’s note: Argue with the plan, not the planners.');

  // Approving the second one ends the new-account hold for good.
  await modPage.goto('/moderate');
  await card(modPage, later).getByRole('button', { name: 'Approve' }).click();
  await expect(card(modPage, later)).toHaveCount(0);
  await page.goto(path);
  const third = `Now my comments publish at once ${Date.now()}`;
  await page.getByLabel(`Comment as ${newcomer.displayName}`).fill(third);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your comment is published.' })).toBeVisible();
  await page.close();
  await modPage.close();
});

test('a rejected comment keeps its text and can be corrected and sent again, without JavaScript too (point 4)', async ({
  browser,
}) => {
  const db = await testDb();
  const reader = await createTrustedReader('Resend');
  const article = await createArticle('resend');
  const path = `/articles/${article.slug}`;
  const signedIn = await browser.newPage();
  await signIn(signedIn, reader.email, { from: path });
  const state = await signedIn.context().storageState();
  await signedIn.close();

  const context = await browser.newContext({ javaScriptEnabled: false, storageState: state });
  const page = await context.newPage();
  await page.goto(path);
  const stamp = Date.now();
  const rude = `This plan is bullshit and the figures are wrong ${stamp}`;
  await page.getByLabel(`Comment as ${reader.displayName}`).fill(rude);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.locator('form.comment-form').first().getByRole('alert')).toContainText(
    'Your comment was not published. §8 Mind your language',
  );
  await expect(page.getByLabel(`Comment as ${reader.displayName}`)).toHaveValue(rude);

  const fixed = `This plan is wrong and the figures do not add up ${stamp}`;
  await page.getByLabel(`Comment as ${reader.displayName}`).fill(fixed);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('Your comment is published.')).toBeVisible();
  await expect(commentItem(page, fixed)).toBeVisible();
  await expect(commentItem(page, rude)).toHaveCount(0);
  expect((await db.comment.findFirstOrThrow({ where: { body: rude } })).status).toBe('DELETED');
  expect(await db.comment.count({ where: { body: fixed, status: 'PUBLISHED' } })).toBe(1);

  // The rejected comment itself offers "Edit and send again" (here after a reload, so the box is empty).
  const rude2 = `Second try, still shit ${stamp}`;
  await page.getByLabel(`Comment as ${reader.displayName}`).fill(rude2);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await page.goto(path);
  const item = commentItem(page, rude2);
  await expect(item).toContainText('Rejected under §8 Mind your language');
  await item.locator('summary', { hasText: 'Edit and send again' }).click();
  await item.getByLabel('Correct your comment').fill(`Second try, said politely ${stamp}`);
  await item.getByRole('button', { name: 'Send again' }).click();
  await expect(commentItem(page, `Second try, said politely ${stamp}`)).toBeVisible();
  await expect(commentItem(page, rude2)).toHaveCount(0);
  await context.close();
});

test('with JavaScript, sending the corrected text from the compose box replaces the rejected comment (point 4)', async ({
  page,
}) => {
  const db = await testDb();
  const reader = await createTrustedReader('ResendJs');
  const article = await createArticle('resend-js');
  await signIn(page, reader.email, { from: `/articles/${article.slug}` });
  const box = page.getByLabel(`Comment as ${reader.displayName}`);
  const rude = `What a load of bullshit ${Date.now()}`;
  await box.fill(rude);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Your comment was not published.' })).toBeVisible();
  await expect(box).toHaveValue(rude);
  const fixed = rude.replace('bullshit', 'nonsense');
  await box.fill(fixed);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your comment is published.' })).toBeVisible();
  await expect(commentItem(page, fixed)).toBeVisible();
  await expect(commentItem(page, rude)).toHaveCount(0);
  expect((await db.comment.findFirstOrThrow({ where: { body: rude } })).status).toBe('DELETED');
});

test('the profile says why comments are reviewed and what ends it; duplicates and deletions do not count (point 6)', async ({
  page,
}) => {
  const db = await testDb();
  const reader = await createTrustedReader('Standing');
  const moderator = await createTrustedReader('StandingMod', 'MODERATOR');
  const article = await createArticle('standing');
  const add = async (
    status: 'REJECTED' | 'PUBLISHED',
    data: { reasons?: string; decidedById?: string; rejectClause?: string },
  ) => {
    const id = crypto.randomUUID();
    await db.comment.create({
      data: { id, threadId: id, articleId: article.id, userId: reader.id, body: `History ${id}`, status, ...data },
    });
  };
  // A duplicate and a profanity rejection: only the profanity counts, so comments still publish.
  await add('REJECTED', {
    reasons: JSON.stringify([
      { ruleId: 'duplicate-self', outcome: 'reject', clause: 'spam', message: 'x', evidence: [] },
    ]),
  });
  await add('REJECTED', {
    reasons: JSON.stringify([
      { ruleId: 'banned-terms', outcome: 'reject', clause: 'language', message: 'x', evidence: [] },
    ]),
  });
  await signIn(page, reader.email, { from: '/profile' });
  await expect(page.getByRole('heading', { name: 'Why your comments are reviewed first' })).toHaveCount(0);

  await add('REJECTED', { decidedById: moderator.id, rejectClause: 'civility' });
  await page.reload();
  const why = page.getByRole('region', { name: 'Why your comments are reviewed first' });
  await expect(why).toContainText('Your comments are reviewed because 2 of your comments broke the policy');
  await expect(why).toContainText('It ends once moderators have approved');
  await expect(why).toContainText('§8 Mind your language');
  await expect(why).toContainText('§1 Be civil');
  await expect(why).not.toContainText('§4');
});

test('display names that pass for a journalist, staff or the site are refused under §6 (point 7)', async ({ page }) => {
  const newcomer = await createNewReader('Naming');
  const db = await testDb();
  await db.user.update({ where: { id: newcomer.id }, data: { displayName: null } });
  await signIn(page, newcomer.email, { from: '/profile' });
  await expect(page.getByRole('heading', { name: 'Welcome' })).toBeVisible();
  for (const name of ['Andrew Blake', 'andrew  BLAKE', 'The Ledger Moderator', 'Site Admin']) {
    await page.getByLabel('Display name').fill(name);
    // Each answer in turn: the previous one's error is still on the page until the next arrives.
    const answered = page.waitForResponse((response) => response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await answered;
    await expect(page.getByText(/^§6 Be yourself: /)).toBeVisible();
    await expect(page).toHaveURL(/\/welcome/);
  }
  // A name of one's own is accepted. (Retried: on a slow machine the last refusal's echo can land after the new
  // text is typed and put the refused name back in the box.)
  const own = `Andrew Blakely ${Date.now() % 10000}`;
  await expect(async () => {
    await page.getByLabel('Display name').fill(own);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/welcome'), { timeout: 5_000 });
  }).toPass({ timeout: 40_000 });
});
