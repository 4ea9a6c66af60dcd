import { expect, test } from '@playwright/test';
import { createTrustedReader } from '../../support/factories';
import { signIn } from '../fixtures';
import { testDb } from '../../support/db';
import { replyLinkFor } from '../../support/email-links';
import { extractLinks, waitForMail } from '../../support/mailbox';

const articlePath = '/articles/huawei-russia-5g';
const authorEmail = 'ablake@washingtontimes.com';

test('the author is emailed, replies from the link once, and the reader hears about it', async ({ page, browser }) => {
  const reader = await createTrustedReader('Curious');
  await signIn(page, reader.email, { from: articlePath });
  const since = new Date();
  const text = `Which 30 countries signed with Huawei? ${Date.now()}`;
  await page.getByLabel(`Comment as ${reader.displayName}`).fill(text);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('Your comment is published.')).toBeVisible();
  const db = await testDb();
  const comment = await db.comment.findFirstOrThrow({ where: { body: text } });

  // The author's digest arrives in the SMTP sink, with a "Reply as the author" link for this comment.
  const digest = await waitForMail({
    to: authorEmail,
    subject: /new comment/i,
    since,
    timeoutMs: 30_000,
    contains: text,
  });
  expect(digest.text).toContain(text);
  expect(digest.headers['list-unsubscribe']).toMatch(/^<http.*\/api\/unsubscribe\//);
  expect(digest.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
  const replyLink = extractLinks(digest).find((href) => href.includes(`/reply/${comment.id}/`));
  expect(replyLink, 'reply link for the comment').toBeTruthy();

  // The author opens it: no sign-in, the comment in context, a reply form.
  const author = await browser.newPage();
  await author.goto(replyLink!);
  await expect(author.getByText(text)).toBeVisible();
  const reply = `Thanks for asking — the list includes several Gulf states. ${Date.now()}`;
  await author.getByLabel(/Your reply, as Andrew Blake/).fill(reply);
  await author.getByRole('button', { name: 'Publish reply' }).click();
  await expect(author).toHaveURL(new RegExp(`${articlePath}#comment-`));
  const replyItem = author.locator('li.comment').filter({ hasText: reply }).last();
  await expect(replyItem.locator('.badge--author')).toHaveText('Author');
  await expect(author.locator(`#comment-${comment.id} .comment-list--replies`).getByText(reply)).toBeVisible();

  // The link is single-use: it posts no second reply, but within the edit window it corrects the one it posted.
  await author.goto(replyLink!);
  await expect(author.getByRole('heading', { name: 'You have already replied through this link' })).toBeVisible();
  await expect(author.getByRole('button', { name: 'Publish reply' })).toHaveCount(0);
  const box = author.getByLabel('Your reply', { exact: true });
  await expect(box).toHaveValue(reply);
  const corrected = `${reply} (Corrected: and two in Central Asia.)`;
  await box.fill(corrected);
  await author.getByRole('button', { name: 'Save changes' }).click();
  await expect(author.getByText('Your reply was updated.')).toBeVisible();
  await author.goto(articlePath);
  await expect(author.locator(`#comment-${comment.id} .comment-list--replies`).getByText(corrected)).toBeVisible();

  // A tampered link gets a clear error page and a way to ask for a fresh link.
  const url = new URL(replyLink!);
  const segments = url.pathname.split('/'); // ['', 'reply', commentId, token]
  const token = segments[3]!;
  segments[3] = token.slice(0, 10) + (token[10] === 'x' ? 'y' : 'x') + token.slice(11);
  const response = await author.goto(`${url.origin}${segments.join('/')}`);
  expect(response?.status()).toBeLessThan(500);
  await expect(author.getByRole('heading', { name: 'This reply link cannot be used' })).toBeVisible();
  await expect(author.locator('body')).not.toContainText(/stack|TypeError|at \w+ \(/);
  await author.getByRole('button', { name: 'Email me a fresh link' }).click();
  await expect(author.getByText(/a fresh one is on its way/)).toBeVisible();
  const fresh = await waitForMail({ to: authorEmail, subject: /new reply link/i, since, timeoutMs: 15_000 });
  expect(extractLinks(fresh).some((href) => href.includes(`/reply/${comment.id}/`))).toBe(true);
  await author.close();

  // The reader is told the author replied.
  const notice = await waitForMail({ to: reader.email, subject: /author replied/i, since, timeoutMs: 15_000 });
  expect(notice.text).toContain(reply);
  // Written when it went (REPLY_NOTIFICATION_DELAY_SECONDS after the reply): a later correction sends no second one.
  expect(notice.text).toContain('The reply may have been edited since');

  // The audit log records the author's reply and its correction.
  const replyRow = await db.comment.findFirstOrThrow({ where: { body: corrected } });
  expect(replyRow.authorProfileId).not.toBeNull();
  expect(await db.moderationEvent.count({ where: { commentId: replyRow.id, action: 'author-reply' } })).toBe(1);
  expect(await db.moderationEvent.count({ where: { commentId: replyRow.id, action: 'author-edit' } })).toBe(1);

  // The reader answers the author; the author's next digest shows what that reply answers.
  const digestSince = new Date();
  await page.goto(`${articlePath}?reply=${replyRow.id}#comment-${replyRow.id}`);
  const answer = `Thank you, that helps ${Date.now()}`;
  await page.getByLabel('Reply to Andrew Blake').fill(answer);
  await page.getByRole('button', { name: 'Post reply' }).click();
  // In the thread, as a comment (the reply box may still hold the text for a moment while the page catches up).
  await expect(page.locator('li.comment .comment__body').getByText(answer)).toBeVisible();
  const next = await waitForMail({ to: authorEmail, since: digestSince, timeoutMs: 30_000, contains: answer });
  expect(next.text).toContain(`${reader.displayName} replied to you (Andrew Blake), who wrote:`);
  expect(next.text).toContain('and two in Central Asia');

  // Within the window the author can also withdraw the reply from the same link.
  const again = await browser.newPage();
  await again.goto(replyLink!);
  await again.getByRole('button', { name: 'Delete reply' }).click();
  await expect(again).toHaveURL(new RegExp(`${articlePath}#comments`));
  expect((await db.comment.findUniqueOrThrow({ where: { id: replyRow.id } })).status).toBe('DELETED');
  await again.goto(replyLink!);
  await expect(again.getByText('You deleted this reply.')).toBeVisible();
  await again.close();
});

test('an author can unsubscribe with one click and subscribe again', async ({ page, playwright }) => {
  const db = await testDb();
  const reader = await createTrustedReader('Unsub');
  await signIn(page, reader.email, { from: '/articles/council-bike-lanes' });
  const since = new Date();
  const text = `Will the lanes be plowed in winter? ${Date.now()}`;
  await page.getByLabel(`Comment as ${reader.displayName}`).fill(text);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('Your comment is published.')).toBeVisible();
  const digest = await waitForMail({ to: 'dreyes@example-news.com', since, timeoutMs: 30_000, contains: text });
  const oneClick = digest.headers['list-unsubscribe']!.slice(1, -1);
  // RFC 8058: the mail client POSTs to the List-Unsubscribe URL.
  const api = await playwright.request.newContext();
  const response = await api.post(oneClick, { form: { 'List-Unsubscribe': 'One-Click' } });
  expect(response.status()).toBe(200);
  expect((await db.author.findUniqueOrThrow({ where: { email: 'dreyes@example-news.com' } })).notifyOnComments).toBe(
    false,
  );
  // The page link shows the state and subscribes again.
  const pageLink = extractLinks(digest).find((href) => href.includes('/unsubscribe/'))!;
  await page.goto(pageLink);
  await expect(page.getByText(/no longer receiving/)).toBeVisible();
  await page.getByRole('button', { name: 'Subscribe again' }).click();
  await expect(page.getByText(/is receiving/)).toBeVisible();
  expect((await db.author.findUniqueOrThrow({ where: { email: 'dreyes@example-news.com' } })).notifyOnComments).toBe(
    true,
  );
  await api.dispose();
});

test('an author without JavaScript replies from the link (the page keeps the token out of referrers without breaking the form)', async ({
  browser,
}) => {
  const db = await testDb();
  const reader = await createTrustedReader('NoScript');
  const article = await db.article.findUniqueOrThrow({ where: { slug: 'huawei-russia-5g' } });
  const comment = await db.comment.create({
    data: {
      articleId: article.id,
      userId: reader.id,
      body: `Asked without scripts ${Date.now()}`,
      status: 'PUBLISHED',
    },
  });
  const link = await replyLinkFor(comment.id);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const author = await context.newPage();
  const response = await author.goto(link.path);
  expect(response?.status()).toBe(200);
  const reply = `Answered with scripts off ${Date.now()}`;
  await author.getByLabel(/Your reply, as Andrew Blake/).fill(reply);
  await author.getByRole('button', { name: 'Publish reply' }).click();
  await expect(author).toHaveURL(new RegExp(`${articlePath}#comment-`));
  expect(await db.comment.count({ where: { body: reply, authorProfileId: { not: null } } })).toBe(1);
  // And the token still does not travel to other sites in the Referer header.
  await author.goto((await replyLinkFor(comment.id)).path);
  expect(await author.locator('meta[name="referrer"]').getAttribute('content')).toBe('same-origin');
  await context.close();
});
