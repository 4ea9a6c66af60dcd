// Issue 20: a post answers with the new comment, not the whole re-rendered page. With JavaScript the page
// inserts the comment the action returns (no reload, no page render in the answer); without it the form
// post is answered with a 303 to the story at the comment (post/redirect/get), so a reload never reposts.
import { expect, test, type Page } from '@playwright/test';
import { createArticle, createTrustedReader } from '../../support/factories';
import { testDb } from '../../support/db';
import { signIn } from '../fixtures';

function commentItem(page: Page, text: string) {
  return page.locator('li.comment').filter({ has: page.locator(':scope > article', { hasText: text }) });
}

/** A story with two published comments by another reader, whose texts must not come back in a post's answer. */
async function storyWithComments(label: string) {
  const db = await testDb();
  const article = await createArticle(label);
  const other = await createTrustedReader(`Other ${Date.now() % 1_000_000}`);
  const texts = [`Earlier remark about the budget ${Date.now()}`, `Another earlier remark ${Date.now()}`];
  for (const [index, body] of texts.entries()) {
    const id = crypto.randomUUID();
    await db.comment.create({
      data: {
        id,
        threadId: id,
        articleId: article.id,
        userId: other.id,
        body,
        status: 'PUBLISHED',
        reasons: '[]',
        createdAt: new Date(Date.now() - (10 - index) * 60_000),
      },
    });
  }
  await db.article.update({ where: { id: article.id }, data: { commentCount: texts.length } });
  return { article, path: `/articles/${article.slug}`, texts, otherName: other.displayName };
}

/** The answers of the post actions the page sends (fetches with a Next-Action header and a form key; not the
 *  compose box's draft check), read in full before the page gets them. */
async function postAnswers(page: Page): Promise<string[]> {
  const answers: string[] = [];
  await page.route('**/articles/**', async (route) => {
    const request = route.request();
    if (
      request.method() !== 'POST' ||
      !request.headers()['next-action'] ||
      !request.postData()?.includes('idempotencyKey')
    )
      return route.fallback();
    const response = await route.fetch();
    answers.push(await response.text());
    await route.fulfill({ response });
  });
  return answers;
}

test('with JavaScript a post answers with the new comment only, and the page inserts it', async ({ page }) => {
  const { path, texts, otherName } = await storyWithComments('post-answer');
  const reader = await createTrustedReader(`Answer ${Date.now() % 1_000_000}`);
  await signIn(page, reader.email, { from: path });
  await expect(page.locator('.comments__count')).toContainText('2 comments');
  // Survives only if the page is never reloaded.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

  // A new comment: last of the oldest-first threads, focused, with the count updated.
  const text = `Posting should be quick ${Date.now()}`;
  await page.getByLabel(`Comment as ${reader.displayName}`).fill(text);
  const answers = await postAnswers(page);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect.poll(() => answers.length).toBe(1);
  const answer = answers[0]!;
  expect(answer).toContain(text);
  for (const other of texts) expect(answer, 'the answer carries no other comment').not.toContain(other);
  expect(answer.length, 'the answer is one comment, not a page').toBeLessThan(20_000);
  await expect(page.getByRole('status').filter({ hasText: 'Your comment is published.' })).toBeVisible();
  const mine = commentItem(page, text);
  await expect(page.locator('ol.comment-list:not(.comment-list--replies) > li').last()).toHaveId(
    (await mine.getAttribute('id'))!,
  );
  await expect(mine.locator(':scope > article')).toBeFocused();
  await expect(mine.locator('.badge--you')).toBeVisible();
  await expect(page.locator('.comments__count')).toContainText('3 comments');
  await expect(page.getByLabel(`Comment as ${reader.displayName}`)).toHaveValue('');

  // A reply lands under its parent.
  const parent = commentItem(page, texts[0]!);
  await parent.getByRole('link', { name: 'Reply', exact: true }).click();
  await expect(page).toHaveURL(/\?reply=[^#]+#comment-/);
  const reply = `A reply under the first remark ${Date.now()}`;
  await parent.getByLabel(`Reply to ${otherName}`).fill(reply);
  await parent.getByRole('button', { name: 'Post reply' }).click();
  await expect.poll(() => answers.length).toBe(2);
  const replyAnswer = answers[1]!;
  expect(replyAnswer).toContain(reply);
  for (const other of texts) expect(replyAnswer).not.toContain(other);
  await expect(parent.locator(':scope > ol.comment-list--replies > li', { hasText: reply })).toBeVisible();
  await expect(commentItem(page, reply).locator(':scope > article')).toBeFocused();

  // A held comment is shown to its writer with the reasons the page shows after a reload.
  const held = `Whoever drew up this budget is an 1d10t, frankly ${Date.now()}`;
  await page.getByLabel(`Comment as ${reader.displayName}`).fill(held);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your comment is held for review.' })).toContainText(
    '§1 Be civil',
  );
  const heldItem = commentItem(page, held);
  await expect(heldItem.getByText('Held for review — only you can see this comment.')).toBeVisible();
  await expect(heldItem).toContainText('Held for review under §1 Be civil');
  // The notice as text and links (server-rendered HTML also carries React's <!-- --> text separators).
  const notice = (item: ReturnType<typeof commentItem>) =>
    item
      .locator('.comment__status')
      .evaluate((el) => [el.textContent, ...[...el.querySelectorAll('a')].map((a) => a.getAttribute('href'))]);
  const inserted = await notice(heldItem);
  expect(inserted).toContain('/policy#civility');
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

  await page.reload();
  await expect(commentItem(page, held).locator('.comment__status')).toBeVisible();
  expect(await notice(commentItem(page, held))).toEqual(inserted);
  await expect(commentItem(page, text)).toBeVisible();
  await expect(commentItem(page, reply)).toBeVisible();
  const db = await testDb();
  expect(await db.comment.count({ where: { body: { in: [text, reply, held] } } })).toBe(3);
});

test('without JavaScript a post is answered with a 303 to the comment, and a reload does not repost', async ({
  browser,
}) => {
  const { path, texts, otherName } = await storyWithComments('post-prg');
  const reader = await createTrustedReader(`Redirected ${Date.now() % 1_000_000}`);
  const signedIn = await browser.newPage();
  await signIn(signedIn, reader.email, { from: path });
  const state = await signedIn.context().storageState();
  await signedIn.close();
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: state });
  const page = await context.newPage();
  await page.goto(path);
  const db = await testDb();

  // Invalid input: the page answers with the field error and the text kept, as before.
  await page.getByLabel(`Comment as ${reader.displayName}`).fill('x');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('Write at least 2 characters.')).toBeVisible();
  await expect(page.getByLabel(`Comment as ${reader.displayName}`)).toHaveValue('x');

  const text = `Posted and redirected ${Date.now()}`;
  await page.getByLabel(`Comment as ${reader.displayName}`).fill(text);
  const posted = page.waitForResponse((r) => r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Post comment' }).click();
  const response = await posted;
  const stored = await db.comment.findFirstOrThrow({ where: { body: text } });
  expect(response.status()).toBe(303);
  expect(response.headers()['location']).toBe(`${path}?sort=newest&posted=${stored.id}#comment-${stored.id}`);
  await expect(page).toHaveURL(new RegExp(`posted=${stored.id}#comment-${stored.id}$`));
  await expect(page.locator(`#comment-${stored.id}`)).toContainText(text);
  await expect(page.getByRole('status').filter({ hasText: 'Your comment is published.' })).toBeVisible();
  await page.reload();
  await expect(page.locator(`#comment-${stored.id}`)).toContainText(text);
  expect(await db.comment.count({ where: { body: text } })).toBe(1);

  // A reply: back to its open parent, the notice in the reply form it was sent from.
  await page.goto(path);
  const parent = commentItem(page, texts[1]!);
  await parent.getByRole('link', { name: 'Reply', exact: true }).click();
  const reply = `A reply without scripts ${Date.now()}`;
  await parent.getByLabel(`Reply to ${otherName}`).fill(reply);
  const replied = page.waitForResponse((r) => r.request().method() === 'POST');
  await parent.getByRole('button', { name: 'Post reply' }).click();
  expect((await replied).status()).toBe(303);
  const storedReply = await db.comment.findFirstOrThrow({ where: { body: reply } });
  await expect(page).toHaveURL(new RegExp(`#comment-${storedReply.id}$`));
  await expect(parent.locator(':scope > ol.comment-list--replies > li', { hasText: reply })).toBeVisible();
  await expect(parent.getByRole('status').filter({ hasText: 'Your comment is published.' })).toBeVisible();
  await context.close();
});
