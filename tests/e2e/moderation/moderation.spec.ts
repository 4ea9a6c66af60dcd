import { expect, test, type Page, type Request } from '@playwright/test';
import { createArticle, createNewReader, createTrustedReader } from '../../support/factories';
import { signIn } from '../fixtures';
import { testDb } from '../../support/db';
import { waitForMail } from '../../support/mailbox';

const articlePath = '/articles/library-sunday-hours';

async function post(page: Page, displayName: string, text: string) {
  await page.getByLabel(`Comment as ${displayName}`).fill(text);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Your comment/ })).toBeVisible();
}

function card(page: Page, text: string) {
  return page.locator('[data-card]').filter({ hasText: text });
}

test('a held comment waits in Pending and is published when a moderator approves it', async ({ page, browser }) => {
  const newcomer = await createNewReader('Newcomer');
  await signIn(page, newcomer.email, { from: articlePath });
  const text = `My first comment here: Sunday opening is overdue ${Date.now()}`;
  await post(page, newcomer.displayName, text);
  await expect(page.getByText(/held for review/i).first()).toBeVisible();
  await expect(page.getByText(/§9 Moderation and appeals/).first()).toBeVisible();

  // Other readers do not see it.
  const anonymous = await browser.newPage();
  await anonymous.goto(articlePath);
  await expect(anonymous.getByText(text)).toHaveCount(0);

  const moderator = await createTrustedReader('Mod', 'MODERATOR');
  const modPage = await browser.newPage();
  await signIn(modPage, moderator.email, { from: '/moderate' });
  await expect(modPage.getByRole('heading', { name: 'Moderation' })).toBeVisible();
  const held = card(modPage, text);
  await expect(held).toBeVisible();
  await expect(held.getByText('new-commenter', { exact: true })).toBeVisible();
  await held.getByRole('button', { name: 'Approve' }).click();
  await expect(card(modPage, text)).toHaveCount(0);

  await anonymous.reload();
  await expect(anonymous.getByText(text)).toBeVisible();
  const db = await testDb();
  const comment = await db.comment.findFirstOrThrow({ where: { body: text } });
  const actions = (
    await db.moderationEvent.findMany({ where: { commentId: comment.id }, orderBy: { createdAt: 'asc' } })
  ).map((e) => e.action);
  expect(actions).toEqual(['auto-hold', 'approve']);
  const mail = await waitForMail({ to: newcomer.email, subject: /published/i, timeoutMs: 15_000 });
  expect(mail.text).toContain(text);
  await anonymous.close();
  await modPage.close();
});

test('reports: a comment reported by 3 readers is hidden and waits in Reported', async ({ browser }) => {
  const db = await testDb();
  const writer = await createTrustedReader('Reported');
  const article = await createArticle('reports');
  const path = `/articles/${article.slug}`;
  const text = `A comment some readers dislike ${Date.now()}`;
  const id = crypto.randomUUID();
  await db.comment.create({
    data: { id, threadId: id, articleId: article.id, userId: writer.id, body: text, status: 'PUBLISHED' },
  });
  await db.article.update({ where: { id: article.id }, data: { commentCount: { increment: 1 } } });

  for (let i = 0; i < 3; i++) {
    const reporter = await createTrustedReader(`Reporter${i}`);
    const page = await browser.newPage();
    await signIn(page, reporter.email, { from: path });
    const item = page.locator('li.comment').filter({ has: page.locator(':scope > article', { hasText: text }) });
    await item.getByRole('link', { name: 'Report', exact: true }).click();
    await item.getByLabel('Which part of the policy does it break?').selectOption('civility');
    await item.getByRole('button', { name: 'Send report' }).click();
    // The third report hides the comment at once.
    if (i < 2) await expect(item.getByText('Thank you.')).toBeVisible();
    else await expect(item).toHaveCount(0);
    await page.close();
  }
  const anonymous = await browser.newPage();
  await anonymous.goto(path);
  await expect(anonymous.getByText(text)).toHaveCount(0);
  await anonymous.close();

  const moderator = await createTrustedReader('ModR', 'MODERATOR');
  const modPage = await browser.newPage();
  await signIn(modPage, moderator.email, { from: '/moderate?queue=reported' });
  const reported = card(modPage, text);
  await expect(reported).toBeVisible();
  await expect(reported.getByText('Reports (3)')).toBeVisible();
  await expect(reported.getByText('hidden by reports')).toBeVisible();
  expect(await db.moderationEvent.count({ where: { commentId: id, action: 'report' } })).toBe(3);
  expect(await db.moderationEvent.count({ where: { commentId: id, action: 'hide-by-reports' } })).toBe(1);
  await modPage.close();
});

test('reject with a clause, appeal, and a different moderator reinstates', async ({ browser }) => {
  const db = await testDb();
  const writer = await createTrustedReader('Appellant');
  const writerPage = await browser.newPage();
  await signIn(writerPage, writer.email, { from: articlePath });
  const text = `The board should have asked branch staff first ${Date.now()}`;
  await post(writerPage, writer.displayName, text);

  const first = await createTrustedReader('ModA', 'MODERATOR');
  const second = await createTrustedReader('ModB', 'MODERATOR');
  const modA = await browser.newPage();
  await signIn(modA, first.email, { from: '/moderate?queue=approved' });
  // Published comments can be rejected from the article's context too; here from the Reported flow: report it first.
  const comment = await db.comment.findFirstOrThrow({ where: { body: text } });
  await db.comment.update({ where: { id: comment.id }, data: { reportCount: 1 } });
  await modA.goto('/moderate?queue=reported');
  const target = card(modA, text);
  await target.getByRole('button', { name: 'Reject' }).click();
  await expect(target.getByText('Choose the clause the comment breaks.')).toBeVisible();
  await target.getByLabel('Reject under').selectOption('on-topic');
  await target.getByLabel('Note to the commenter (optional)').fill('Please keep to the library story.');
  await target.getByRole('button', { name: 'Reject' }).click();
  await expect(card(modA, text)).toHaveCount(0);

  // The commenter sees the reason, with the clause, on the article and on the profile.
  await writerPage.goto(articlePath);
  // The same statement of reasons on both pages (and in the email): the moderator's clause and note.
  await expect(writerPage.locator('li.comment', { hasText: text })).toContainText(
    'A moderator rejected it under §3 Stay on topic',
  );
  await expect(writerPage.locator('li.comment', { hasText: text })).toContainText(
    'Moderator’s note: Please keep to the library story.',
  );
  await writerPage.goto('/profile');
  const own = writerPage.locator('li.comment', { hasText: text });
  await expect(own).toContainText('A moderator rejected it under §3 Stay on topic');
  await expect(own).toContainText('Moderator’s note: Please keep to the library story.');
  const rejectedMail = await waitForMail({ to: writer.email, subject: /not published/i, timeoutMs: 15_000 });
  expect(rejectedMail.text).toContain('§3 Stay on topic');

  // Appeal once.
  await own.locator('summary', { hasText: 'Appeal this decision' }).click();
  await own.getByLabel(/Why should this decision change/).fill('It answers a point about staffing the story raises.');
  await own.getByRole('button', { name: 'Send appeal' }).click();
  await expect(own).toContainText('Your appeal is with a moderator who did not make the decision.');
  await own.page().reload();
  await expect(writerPage.locator('li.comment', { hasText: text })).toContainText(
    'Your appeal is with a moderator who did not make the decision.',
  );
  await expect(writerPage.locator('li.comment', { hasText: text }).getByText('Appeal this decision')).toHaveCount(0);

  // The moderator who rejected it cannot decide the appeal…
  await modA.goto('/moderate?queue=appeals');
  const appealCard = card(modA, text);
  await expect(appealCard.locator('.card__appeal').getByText('It answers a point about staffing')).toBeVisible();
  await appealCard.getByRole('button', { name: 'Reinstate' }).click();
  await expect(appealCard.getByText(/another moderator must decide this appeal/)).toBeVisible();

  // …a different one can.
  const modB = await browser.newPage();
  await signIn(modB, second.email, { from: '/moderate?queue=appeals' });
  await card(modB, text).getByRole('button', { name: 'Reinstate' }).click();
  // Decided: the card leaves the Appeals queue.
  await expect(card(modB, text)).toHaveCount(0);
  const anonymous = await browser.newPage();
  await anonymous.goto(articlePath);
  await expect(anonymous.getByText(text)).toBeVisible();
  const actions = (
    await db.moderationEvent.findMany({ where: { commentId: comment.id }, orderBy: { createdAt: 'asc' } })
  ).map((e) => e.action);
  expect(actions).toEqual(['auto-publish', 'reject', 'appeal', 'appeal-reinstate']);
  const appeal = await db.appeal.findUniqueOrThrow({ where: { commentId: comment.id } });
  expect(appeal.status).toBe('REINSTATED');
  expect(appeal.decidedById).toBe(second.id);
  await waitForMail({ to: writer.email, subject: /appeal succeeded/i, timeoutMs: 15_000 });
  for (const p of [writerPage, modA, modB, anonymous]) await p.close();
});

test('two moderators deciding the same comment: one decision, one clear conflict', async ({ browser }) => {
  const db = await testDb();
  const newcomer = await createNewReader('Contested');
  const article = await db.article.findUniqueOrThrow({ where: { slug: 'library-sunday-hours' } });
  const text = `Contested comment ${Date.now()}`;
  const id = crypto.randomUUID();
  await db.comment.create({
    data: { id, threadId: id, articleId: article.id, userId: newcomer.id, body: text, status: 'PENDING' },
  });

  const [a, b] = [await createTrustedReader('ModX', 'MODERATOR'), await createTrustedReader('ModY', 'MODERATOR')];
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const pageA = await contextA.newPage();
  const pageB = await contextB.newPage();
  await signIn(pageA, a.email, { from: '/moderate' });
  await signIn(pageB, b.email, { from: '/moderate' });
  await expect(card(pageA, text)).toBeVisible();
  await expect(card(pageB, text)).toBeVisible();

  await card(pageA, text).getByRole('button', { name: 'Approve' }).click();
  await expect(card(pageA, text)).toHaveCount(0);
  const cardB = card(pageB, text);
  await cardB.getByLabel('Reject under').selectOption('spam');
  await cardB.getByRole('button', { name: 'Reject' }).click();
  await expect(cardB.locator('.decision').getByRole('alert')).toContainText(`Already decided by ${a.displayName}`);

  const stored = await db.comment.findUniqueOrThrow({ where: { id } });
  expect(stored.status).toBe('PUBLISHED');
  expect(await db.moderationEvent.count({ where: { commentId: id, actorType: 'moderator' } })).toBe(1);
  await contextA.close();
  await contextB.close();
});

test('readers cannot open the console or call its actions', async ({ page, browser, playwright }) => {
  const reader = await createTrustedReader('Nosy');
  await signIn(page, reader.email, { from: '/' });
  for (const path of ['/moderate', '/moderate/articles', '/moderate/log', '/moderate/outbox', '/moderate/rules']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    // Not even the page's title tells the console exists.
    const html = await response!.text();
    expect(html, path).not.toMatch(/Moderation|Audit log|Article settings|Mail outbox|Policy rules/);
    await expect(page).toHaveTitle(/Page not found/);
  }
  const counts = await page.request.get('/api/moderation/counts');
  expect(counts.status()).toBe(404);

  // Capture a genuine moderator action, then replay it with the reader's session.
  const db = await testDb();
  const newcomer = await createNewReader('Target');
  const article = await db.article.findUniqueOrThrow({ where: { slug: 'library-sunday-hours' } });
  const text = `Should stay pending ${Date.now()}`;
  const id = crypto.randomUUID();
  await db.comment.create({
    data: { id, threadId: id, articleId: article.id, userId: newcomer.id, body: text, status: 'PENDING' },
  });
  const other = `Decoy ${Date.now()}`;
  const decoyId = crypto.randomUUID();
  await db.comment.create({
    data: {
      id: decoyId,
      threadId: decoyId,
      articleId: article.id,
      userId: newcomer.id,
      body: other,
      status: 'PENDING',
    },
  });
  const moderator = await createTrustedReader('ModZ', 'MODERATOR');
  const modPage = await browser.newPage();
  await signIn(modPage, moderator.email, { from: '/moderate' });
  const captured = new Promise<Request>((resolve) =>
    modPage.on('request', (r) => r.method() === 'POST' && r.headers()['next-action'] && resolve(r)),
  );
  await card(modPage, other).getByRole('button', { name: 'Approve' }).click();
  const request = await captured;
  await modPage.close();

  const state = await page.context().storageState();
  const asReader = await playwright.request.newContext({ storageState: state });
  const body = request.postData()!.replaceAll(decoyId, id);
  const response = await asReader.post(request.url(), {
    headers: {
      'next-action': request.headers()['next-action']!,
      'content-type': request.headers()['content-type']!,
      origin: new URL(request.url()).origin,
    },
    data: body,
  });
  expect(await response.text()).toContain('Only moderators can do this.');
  expect((await db.comment.findUniqueOrThrow({ where: { id } })).status).toBe('PENDING');
  await asReader.dispose();
});
