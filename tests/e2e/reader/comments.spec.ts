import { expect, test, type Page, type Request } from '@playwright/test';
import { createArticle, createTrustedReader, uniqueEmail } from '../../support/factories';
import { signIn } from '../fixtures';
import { testDb } from '../../support/db';
import {
  actionResult,
  callActionFetch,
  callActionFetchAndHangUp,
  decodeFetchShapeBody,
  formField,
  withFormFields,
} from '../../support/server-actions';

const articlePath = '/articles/council-bike-lanes';

function commentItem(page: Page, text: string) {
  return page.locator('li.comment').filter({ has: page.locator(':scope > article', { hasText: text }) });
}

async function postComment(page: Page, text: string) {
  const box = page.getByLabel(/^Comment as /);
  await box.fill(text);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your comment is published.' })).toBeVisible();
  await expect(commentItem(page, text)).toBeVisible();
}

test.describe('reader accounts', () => {
  test('a new reader signs in from an emailed link, chooses a display name and returns to the story', async ({
    page,
  }) => {
    const email = uniqueEmail('newcomer');
    await page.goto(articlePath);
    await page.getByRole('link', { name: 'Sign in to comment' }).click();
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);

    // Field-level validation, and the typed address is kept.
    await page.getByLabel('Email address').fill('not-an-address');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(page.getByText('Enter a valid email address')).toBeVisible();
    await expect(page.getByLabel('Email address')).toHaveValue('not-an-address');

    const taken = (await createTrustedReader('Taken')).displayName;
    await signIn(page, email, { from: `${articlePath}#comments` });
    // First sign-in: the welcome page asks for a public name, with clear errors.
    await expect(page.getByRole('heading', { name: 'Welcome' })).toBeVisible();
    await page.getByLabel('Display name').fill('x');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByText('Use at least 2 characters.')).toBeVisible();
    await page.getByLabel('Display name').fill(taken);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByText(/is taken; try another/)).toBeVisible();
    await page.getByLabel('Display name').fill(`Newcomer ${Date.now() % 100000}`);
    await page.getByRole('button', { name: 'Save and continue' }).click();

    await expect(page).toHaveURL(new RegExp(`${articlePath}#comments$`));
    await expect(page.getByLabel(/^Comment as Newcomer/)).toBeVisible();
  });

  test('a sign-in link works once', async ({ page, browser }) => {
    const reader = await createTrustedReader('Once');
    await signIn(page, reader.email, { from: articlePath });
    await expect(page.getByLabel(`Comment as ${reader.displayName}`)).toBeVisible();
    const { waitForMail, extractLinks } = await import('../../support/mailbox');
    const mail = await waitForMail({ to: reader.email, subject: /Sign in/ });
    const link = extractLinks(mail).find((href) => href.includes('/api/auth/callback/email'))!;
    const other = await browser.newPage();
    await other.goto(link);
    await expect(other.getByRole('heading', { name: 'We could not sign you in' })).toBeVisible();
    await other.close();
  });
});

test.describe('the discussion', () => {
  test('post, reply, edit, react, report and delete', async ({ page, browser }) => {
    const alice = await createTrustedReader('Alice');
    const bob = await createTrustedReader('Bob');
    await signIn(page, alice.email, { from: articlePath });
    const countBefore = Number((await page.locator('.comments__count').textContent())!.match(/\d+/)![0]);

    // Post: appears without a reload, with the count updated.
    const first = `Loading zones on every block sound sensible ${Date.now()}. Details: https://example.org/plan.`;
    await postComment(page, first);
    await expect(page.locator('.comments__count')).toContainText(`${countBefore + 1} comment`);
    await expect(page.getByLabel(`Comment as ${alice.displayName}`)).toHaveValue('');
    const link = commentItem(page, first).getByRole('link', { name: 'https://example.org/plan' });
    await expect(link).toHaveAttribute('rel', 'nofollow ugc noopener');

    // Bob replies, reacts, and reports.
    const bobPage = await browser.newPage();
    await signIn(bobPage, bob.email, { from: articlePath });
    const aliceComment = commentItem(bobPage, first);
    await aliceComment.getByRole('link', { name: 'Reply', exact: true }).first().click();
    const reply = `I disagree about the parking ${Date.now()}`;
    await aliceComment.getByLabel(`Reply to ${alice.displayName}`).fill(reply);
    await aliceComment.getByRole('button', { name: 'Post reply' }).click();
    await expect(aliceComment.locator('.comment-list--replies .comment__body', { hasText: reply })).toBeVisible();

    const respect = commentItem(bobPage, first)
      .getByRole('button', { name: /^Respect/ })
      .first();
    await respect.click();
    await expect(respect).toHaveAttribute('aria-pressed', 'true');
    await expect(respect).toContainText('1');
    await respect.click();
    await expect(respect).toHaveAttribute('aria-pressed', 'false');
    await expect(respect).toContainText('0');
    await respect.click();
    await expect(respect).toContainText('1');

    const own = commentItem(bobPage, reply);
    await expect(own.getByRole('button', { name: /^Respect/ })).toBeDisabled();

    const target = commentItem(bobPage, first);
    await target.getByRole('link', { name: 'Report', exact: true }).first().click();
    await target.getByRole('button', { name: 'Send report' }).first().click();
    await expect(target.getByText('Choose the part of the policy this comment breaks.')).toBeVisible();
    await target.getByLabel('Which part of the policy does it break?').first().selectOption('civility');
    await target.getByLabel('Note for the moderators (optional)').first().fill('Feels like a dig at shop owners.');
    await target.getByRole('button', { name: 'Send report' }).first().click();
    await expect(target.getByText('Thank you. A moderator will look at this comment.')).toBeVisible();
    const db = await testDb();
    const stored = await db.comment.findFirstOrThrow({ where: { body: first } });
    expect(await db.report.count({ where: { commentId: stored.id } })).toBe(1);
    // One report per reader per comment.
    await bobPage.goto(articlePath);
    await commentItem(bobPage, first).getByRole('link', { name: 'Report', exact: true }).first().click();
    await commentItem(bobPage, first)
      .getByLabel('Which part of the policy does it break?')
      .first()
      .selectOption('spam');
    await commentItem(bobPage, first).getByRole('button', { name: 'Send report' }).first().click();
    await expect(commentItem(bobPage, first).getByText('You have already reported this comment.')).toBeVisible();
    expect(await db.report.count({ where: { commentId: stored.id } })).toBe(1);

    // Alice edits within the window.
    await page.reload();
    const mine = commentItem(page, first);
    await mine.locator('summary', { hasText: 'Edit' }).first().click();
    const edited = `${first} (Edited: and cargo bikes.)`;
    await mine.getByLabel('Edit your comment').fill(edited);
    await mine.getByRole('button', { name: 'Save edit' }).click();
    await expect(page.getByText('Your edit was saved.')).toBeVisible();
    await expect(commentItem(page, edited).locator('.comment__edited').first()).toHaveText('(edited)');

    // Once the window has passed, the server refuses the edit and keeps the draft.
    await page.reload();
    const again = commentItem(page, edited);
    await again.locator('summary', { hasText: 'Edit' }).first().click();
    await db.comment.update({ where: { id: stored.id }, data: { createdAt: new Date(Date.now() - 10 * 60_000) } });
    await again.getByLabel('Edit your comment').fill('Too late to change this');
    await again.getByRole('button', { name: 'Save edit' }).click();
    await expect(again.getByText(/can only be edited within 5 minutes/)).toBeVisible();
    await expect(again.getByLabel('Edit your comment')).toHaveValue('Too late to change this');
    expect((await db.comment.findUniqueOrThrow({ where: { id: stored.id } })).body).toBe(edited);

    // Delete: a tombstone keeps Bob's reply readable.
    await page.reload();
    const toDelete = commentItem(page, edited);
    await toDelete.locator('summary', { hasText: 'Delete' }).first().click();
    await toDelete.getByRole('button', { name: 'Yes, delete it' }).click();
    await expect(page.getByText('This comment was deleted.')).toBeVisible();
    await expect(page.getByText(edited)).toHaveCount(0);
    await expect(page.getByText(reply)).toBeVisible();
    await bobPage.close();
  });

  test('sorting by newest, oldest and most respected', async ({ page }) => {
    const db = await testDb();
    const author = await createTrustedReader('Sorter');
    const article = await createArticle('sorting');
    const tag = Date.now();
    const base = Date.now() - 3_600_000;
    const rows = [
      { body: `Sort A ${tag}`, minutes: 1, reactions: 2 },
      { body: `Sort B ${tag}`, minutes: 2, reactions: 5 },
      { body: `Sort C ${tag}`, minutes: 3, reactions: 0 },
    ];
    for (const row of rows) {
      const id = crypto.randomUUID();
      await db.comment.create({
        data: {
          id,
          threadId: id,
          articleId: article.id,
          userId: author.id,
          body: row.body,
          status: 'PUBLISHED',
          reactionCount: row.reactions,
          createdAt: new Date(base + row.minutes * 60_000),
        },
      });
    }
    const order = async (sort: string) => {
      await page.goto(`/articles/${article.slug}?sort=${sort}`);
      const texts = await page.locator('.comment__body').allTextContents();
      return texts.filter((text) => text.endsWith(String(tag))).map((text) => text.split(' ')[1]);
    };
    expect(await order('oldest')).toEqual(['A', 'B', 'C']);
    expect(await order('newest')).toEqual(['C', 'B', 'A']);
    expect((await order('reactions')).slice(0, 2)).toEqual(['B', 'A']);
    await expect(page.getByRole('link', { name: 'Most respected' })).toHaveAttribute('aria-current', 'true');
  });

  test('a double submit creates one comment', async ({ page }) => {
    const reader = await createTrustedReader('Double');
    await signIn(page, reader.email, { from: articlePath });
    const text = `Submitted twice on purpose ${Date.now()}`;
    await page.getByLabel(`Comment as ${reader.displayName}`).fill(text);
    // Two submits of the same form before the first one answers (what a double click or a retry does).
    await page
      .locator('form.comment-form')
      .first()
      .evaluate((form: HTMLFormElement) => {
        form.requestSubmit();
        form.requestSubmit();
      });
    await expect(page.getByRole('status').filter({ hasText: 'Your comment is published.' })).toBeVisible();
    await page.waitForTimeout(500);
    const db = await testDb();
    expect(await db.comment.count({ where: { body: text } })).toBe(1);
  });

  test('posting works without JavaScript, and a refresh does not post twice', async ({ browser }) => {
    const reader = await createTrustedReader('NoJs');
    const signedIn = await browser.newPage();
    await signIn(signedIn, reader.email, { from: articlePath });
    const state = await signedIn.context().storageState();
    await signedIn.close();
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: state });
    const page = await context.newPage();
    await page.goto(articlePath);
    const text = `Posted with scripts off ${Date.now()}`;
    await page.getByLabel(`Comment as ${reader.displayName}`).fill(text);
    const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(articlePath));
    await page.getByRole('button', { name: 'Post comment' }).click();
    const request = await posted;
    await expect(page.getByText('Your comment is published.')).toBeVisible();
    await expect(commentItem(page, text)).toBeVisible();
    const db = await testDb();
    expect(await db.comment.count({ where: { body: text } })).toBe(1);

    // A refresh of the answer (or Back and submit again) resends the very same form: same fields, same
    // idempotency key, same cookie. Twice, as an impatient reader would. It is answered, and stores nothing new.
    const form = request.postDataBuffer()!;
    expect(form.toString('utf8'), 'the no-JS form carries its idempotency key').toMatch(
      /name="idempotencyKey"\r\n\r\n[0-9a-f-]{36}\r\n/,
    );
    for (let i = 0; i < 2; i++) {
      const resent = await context.request.post(request.url(), {
        headers: { 'content-type': request.headers()['content-type']!, origin: new URL(request.url()).origin },
        data: form,
      });
      expect(resent.status()).toBeLessThan(400);
      expect(await resent.text()).toContain('Your comment is published.');
    }
    expect(await db.comment.count({ where: { body: text } })).toBe(1);
    await context.close();
  });

  test('retries of the same request never double a comment: repeated, lost responses, concurrent', async ({ page }) => {
    const reader = await createTrustedReader('Retry');
    await signIn(page, reader.email, { from: articlePath });
    const sessionToken = (await page.context().cookies()).find((c) =>
      c.name.endsWith('next-auth.session-token'),
    )!.value;
    const text = `Retried ${Date.now()}`;
    const captured = page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']);
    await page.getByLabel(`Comment as ${reader.displayName}`).fill(text);
    await page.getByRole('button', { name: 'Post comment' }).click();
    const request = await captured;
    await expect(page.getByRole('status').filter({ hasText: 'Your comment is published.' })).toBeVisible();

    const db = await testDb();
    const actionId = request.headers()['next-action']!;
    const path = new URL(request.url()).pathname;
    const args = await decodeFetchShapeBody(request.postDataBuffer()!, request.headers()['content-type']!);
    expect(formField(args, 'idempotencyKey')).toMatch(/^[0-9a-f-]{36}$/);
    const stored = async (body: string) => db.comment.findMany({ where: { body }, select: { id: true } });
    const answer = (text: string) => actionResult(text) as { status?: string; commentId?: string } | undefined;

    // 1. The browser's request, sent again unchanged: answered with the comment it already created.
    const [original] = await stored(text);
    const again = await callActionFetch(actionId, args, { path, sessionToken });
    expect(again.status).toBe(200);
    expect(answer(again.text)).toMatchObject({ status: 'done', commentId: original!.id });
    expect(await stored(text)).toHaveLength(1);

    // 2. A lost response: the server stores the comment, the client hangs up before reading the answer and
    //    retries with the same key (what the form does after a network error).
    const lost = withFormFields(args, { body: `${text} lost`, idempotencyKey: crypto.randomUUID() });
    expect(await callActionFetchAndHangUp(actionId, lost, { path, sessionToken })).toBe(200);
    await expect.poll(async () => (await stored(`${text} lost`)).length).toBe(1);
    const retry = await callActionFetch(actionId, lost, { path, sessionToken });
    expect(answer(retry.text)).toMatchObject({ status: 'done', commentId: (await stored(`${text} lost`))[0]!.id });
    expect(await stored(`${text} lost`)).toHaveLength(1);

    // 3. Four copies of one request at once (a retry racing the original): one comment, and every copy is told its id.
    const raced = withFormFields(args, { body: `${text} raced`, idempotencyKey: crypto.randomUUID() });
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => callActionFetch(actionId, raced, { path, sessionToken })),
    );
    const rows = await stored(`${text} raced`);
    expect(rows).toHaveLength(1);
    for (const response of answers) {
      expect(response.status).toBe(200);
      expect(answer(response.text)).toMatchObject({ status: 'done', commentId: rows[0]!.id });
    }
  });

  test('signed-out visitors cannot post, in the page or by calling the action', async ({ page, browser }) => {
    await page.goto(articlePath);
    await expect(page.getByRole('link', { name: 'Sign in to comment' })).toBeVisible();
    await expect(page.locator('textarea')).toHaveCount(0);

    // Capture a real server-action call made by a signed-in reader…
    const reader = await createTrustedReader('Replay');
    const signedIn = await browser.newPage();
    await signIn(signedIn, reader.email, { from: articlePath });
    const sessionToken = (await signedIn.context().cookies()).find((c) =>
      c.name.endsWith('next-auth.session-token'),
    )!.value;
    const captured = new Promise<Request>((resolve) =>
      // The post itself, not the compose-time draft check, which can fire first on a slow machine.
      signedIn.on(
        'request',
        (request) =>
          request.method() === 'POST' &&
          request.headers()['next-action'] &&
          request.postData()?.includes('idempotencyKey') &&
          resolve(request),
      ),
    );
    await signedIn.getByLabel(`Comment as ${reader.displayName}`).fill(`Legitimate ${Date.now()}`);
    await signedIn.getByRole('button', { name: 'Post comment' }).click();
    const request = await captured;
    await signedIn.close();

    // …and replay it without the session cookie, with a new body and key (re-encoded by the shared helper;
    // withFormFields throws if a field is missing, so the swap cannot silently do nothing).
    const actionId = request.headers()['next-action']!;
    const path = new URL(request.url()).pathname;
    const args = await decodeFetchShapeBody(request.postDataBuffer()!, request.headers()['content-type']!);
    const stamp = Date.now();
    const replay = await callActionFetch(
      actionId,
      withFormFields(args, { body: `Anonymous replay ${stamp}`, idempotencyKey: `replay-${stamp}` }),
      { path },
    );
    expect(replay.status).toBeLessThan(500);
    expect(replay.text).toContain('Sign in to take part');
    const db = await testDb();
    expect(await db.comment.count({ where: { body: `Anonymous replay ${stamp}` } })).toBe(0);

    // The control: the same forged request with the reader's cookie posts, so the zero above is the sign-in check's doing.
    const control = await callActionFetch(
      actionId,
      withFormFields(args, { body: `Signed-in replay ${stamp}`, idempotencyKey: `control-${stamp}` }),
      { path, sessionToken },
    );
    expect(control.status).toBe(200);
    expect(await db.comment.count({ where: { body: `Signed-in replay ${stamp}` } })).toBe(1);
  });

  test('a closed story says so and refuses posts', async ({ page }) => {
    const db = await testDb();
    const reader = await createTrustedReader('Closed');
    await signIn(page, reader.email, { from: articlePath });
    const form = page.getByLabel(`Comment as ${reader.displayName}`);
    await form.fill('Written before the story closed');
    await db.article.update({ where: { slug: 'council-bike-lanes' }, data: { commentsOpen: false } });
    try {
      await page.getByRole('button', { name: 'Post comment' }).click();
      await expect(page.locator('form.comment-form').getByRole('alert')).toContainText(/closed/i);
      await expect(form).toHaveValue('Written before the story closed');
      expect(await db.comment.count({ where: { body: 'Written before the story closed' } })).toBe(0);
      await page.reload();
      await expect(page.getByText('Comments are closed on this story.')).toBeVisible();
      await expect(page.getByLabel(/^Comment as/)).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Reply', exact: true })).toHaveCount(0);
    } finally {
      await db.article.update({ where: { slug: 'council-bike-lanes' }, data: { commentsOpen: true } });
    }
  });
});
