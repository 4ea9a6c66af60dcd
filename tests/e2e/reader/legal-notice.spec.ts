// Issue 17: notices of illegal content from anyone (DSA Art. 16, 17), and held comments that tell their writer the
// expected wait and update when decided.
import AxeBuilder from '@axe-core/playwright';
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { testDb } from '../../support/db';
import { createArticle, createTrustedReader, uniqueEmail } from '../../support/factories';
import { waitForMail } from '../../support/mailbox';
import { baseURL } from '../../support/server-actions';
import { openSession } from '../../support/sessions';

/** axe runs in the page, so it scans a JavaScript-enabled page at the same URL as the no-JavaScript journey's. */
async function expectNoAxeViolations(page: Page) {
  await page.waitForLoadState();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(
    results.violations.map((v) => `${page.url()}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' '))}`),
  ).toEqual([]);
}

async function signedInPage(browser: Browser, userId: string, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled, baseURL });
  await context.addCookies([{ name: 'next-auth.session-token', value: await openSession(userId), url: baseURL }]);
  return context.newPage();
}

/** The transparency report's notice figures: received, and decided. */
async function noticeCounts(page: Page) {
  await page.goto('/transparency');
  const received = Number((await page.locator('[data-figure="notices-received"]').innerText()).replace(/,/g, ''));
  const decided = Number(/^[\d,]+/.exec(await page.locator('[data-figure="notices-decided"]').innerText())![0]);
  return { received, decided };
}

async function publishedComment(label: string) {
  const db = await testDb();
  const article = await createArticle(label);
  const writer = await createTrustedReader(`${label} writer`);
  const id = randomUUID();
  const body = `Comment under notice ${label} ${Date.now()}`;
  await db.comment.create({
    data: { id, threadId: id, articleId: article.id, userId: writer.id, body, status: 'PUBLISHED' },
  });
  await db.article.update({ where: { id: article.id }, data: { commentCount: { increment: 1 } } });
  return { article, writer, comment: { id, body } };
}

test('anyone can report an illegal comment without an account or JavaScript; a moderator removes it and both are told why', async ({
  browser,
}) => {
  // Two browsers, three emails, four accessibility scans.
  test.slow();
  const db = await testDb();
  const { article, writer, comment } = await publishedComment('notice');
  const reporter = { name: 'Dana Reporter', email: uniqueEmail('notice-reporter') };

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const before = await noticeCounts(page);

  // The link is a plain link on the signed-out (cached) page, under the comment and under the story.
  await page.goto(`/articles/${article.slug}`);
  await expect(page.locator('script[src]')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Report illegal content' })).toHaveCount(2);
  await page.locator(`#comment-${comment.id}`).getByRole('link', { name: 'Report illegal content' }).click();
  await expect(page).toHaveURL(new RegExp(`/notices\\?comment=${comment.id}$`));
  await expect(page.getByRole('heading', { name: 'Report illegal content' })).toBeVisible();
  await expect(page.locator('blockquote')).toHaveText(comment.body);
  const scan = await (await browser.newContext({ baseURL })).newPage();
  await scan.goto(page.url());
  await expectNoAxeViolations(scan);
  // The refused form, as a reader with JavaScript sees it.
  await scan.getByRole('button', { name: 'Send notice' }).click();
  await expect(scan.locator('#notice-explanation-error')).toBeVisible();
  await expectNoAxeViolations(scan);

  // Refused with a message under each field, and what was typed comes back.
  await page.getByLabel('Your name').fill(reporter.name);
  await page.getByLabel('Your email address').fill('not-an-address');
  await page.getByLabel('Why is this content illegal?').fill('It is wrong.');
  await page.getByRole('button', { name: 'Send notice' }).click();
  await expect(page.locator('#notice-category-error')).toHaveText('Choose the kind of law or right concerned.');
  await expect(page.locator('#notice-explanation-error')).toHaveText(
    'Explain in at least 30 characters why the content is illegal.',
  );
  await expect(page.locator('#notice-email-error')).toContainText('Give an email address');
  await expect(page.locator('#notice-goodFaith-error')).toContainText('in good faith');
  await expect(page.getByLabel('Your name')).toHaveValue(reporter.name);
  await expect(page.getByLabel('Why is this content illegal?')).toHaveValue('It is wrong.');
  expect(await db.legalNotice.count({ where: { commentId: comment.id } })).toBe(0);

  const explanation = 'The comment accuses a named local councillor of taking bribes, which is false and defamatory.';
  await page.getByLabel('Law or right concerned').selectOption('defamation');
  await page.getByLabel('The law or right, in your words').fill('Defamation Act 2013, s.1');
  await page.getByLabel('Why is this content illegal?').fill(explanation);
  await page.getByLabel('Your email address').fill(reporter.email);
  await page.getByLabel(/I believe, in good faith/).check();
  const sentAt = new Date();
  await page.getByRole('button', { name: 'Send notice' }).click();
  await expect(page.getByRole('heading', { name: 'Notice received' })).toBeVisible();
  const reference = /N-[0-9A-Z]{8}/.exec(await page.getByRole('status').innerText())![0];
  await scan.goto(page.url());
  await expect(scan.getByRole('heading', { name: 'Notice received' })).toBeVisible();
  await expectNoAxeViolations(scan);

  const receipt = await waitForMail({ to: reporter.email, subject: /We received your notice/, since: sentAt });
  expect(receipt.subject).toBe(`We received your notice ${reference}`);
  expect(receipt.text).toContain(explanation);
  expect(receipt.text).toContain('Defamation or damage to reputation (Defamation Act 2013, s.1)');
  const notice = await db.legalNotice.findUniqueOrThrow({ where: { reference } });
  expect(notice).toMatchObject({ commentId: comment.id, status: 'OPEN', reporterName: reporter.name });

  // The moderator's own queue, marked as a legal notice.
  const moderator = await createTrustedReader('Notice mod', 'MODERATOR');
  const modPage = await signedInPage(browser, moderator.id, false);
  await modPage.goto('/moderate');
  await modPage.getByRole('link', { name: /^Legal notices \(\d+\)$/ }).click();
  await expect(modPage.getByRole('heading', { name: 'Legal notices' })).toBeVisible();
  await modPage.goto(`/moderate/notices?q=${reference}`);
  const card = modPage.getByRole('article', { name: `Legal notice ${reference}` });
  await expect(card.getByText('Legal notice', { exact: true })).toBeVisible();
  await expect(card).toContainText(comment.body);
  await expect(card).toContainText(reporter.email);
  const modScan = await signedInPage(browser, moderator.id);
  await modScan.goto(modPage.url());
  await expectNoAxeViolations(modScan);
  await modScan.context().close();

  // A decision without reasons is refused; then removal citing a clause and the law.
  await card.getByRole('button', { name: 'Remove the comment' }).click();
  await expect(card.getByText('Give the reasons the reporter (and the writer) will read.')).toBeVisible();
  const reason = 'An unproven allegation of a crime against a named person: unlawful under the Defamation Act 2013.';
  await card.getByLabel('Clause the removal cites').selectOption('civility');
  await card.getByLabel(/^Reasons/).fill(reason);
  await card.getByRole('button', { name: 'Remove the comment' }).click();
  await expect(modPage.getByText(`Notice ${reference}: content removed.`)).toBeVisible();

  const removed = await db.comment.findUniqueOrThrow({ where: { id: comment.id } });
  expect(removed.status).toBe('REJECTED');
  expect(removed.rejectClause).toBe('civility');
  expect(removed.rejectNote).toContain(reference);
  const actions = (
    await db.moderationEvent.findMany({ where: { commentId: comment.id }, orderBy: { createdAt: 'asc' } })
  ).map((event) => event.action);
  expect(actions).toEqual(['notice-received', 'reject', 'notice-removed']);
  expect(await db.legalNotice.findUniqueOrThrow({ where: { reference } })).toMatchObject({
    status: 'REMOVED',
    decisionClause: 'civility',
    decisionReason: reason,
    decidedById: moderator.id,
  });

  const decision = await waitForMail({ to: reporter.email, subject: /Decision on your notice/, since: sentAt });
  expect(decision.subject).toBe(`Decision on your notice ${reference}: content removed`);
  expect(decision.text).toContain(`Reasons: ${reason}`);
  expect(decision.text).toContain('§1');
  // The writer gets the usual statement of reasons, with the appeal.
  const writerMail = await waitForMail({ to: writer.email, subject: /not published/, since: sentAt });
  expect(writerMail.text).toContain(reference);
  expect(writerMail.text).toContain('second moderator');

  // The story page no longer shows it, and the report counts the notice.
  await page.goto(`/articles/${article.slug}`);
  await expect(page.getByText(comment.body)).toHaveCount(0);
  const after = await noticeCounts(page);
  expect(after.received).toBe(before.received + 1);
  expect(after.decided).toBe(before.decided + 1);
  await context.close();
  await scan.context().close();
  await modPage.context().close();
});

test('a notice about a story can be decided with no action, and the reporter is told why', async ({ browser }) => {
  const { article } = await publishedComment('story-notice');
  const email = uniqueEmail('story-reporter');
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/articles/${article.slug}`);
  await page.locator('.article__notice').getByRole('link', { name: 'Report illegal content' }).click();
  await expect(page.getByRole('link', { name: article.headline })).toBeVisible();
  await page.getByLabel('Law or right concerned').selectOption('privacy');
  await page.getByLabel('Why is this content illegal?').fill('The story publishes my home address without consent.');
  await page.getByLabel('Your name').fill('Sam Subject');
  await page.getByLabel('Your email address').fill(email);
  await page.getByLabel(/I believe, in good faith/).check();
  await page.getByRole('button', { name: 'Send notice' }).click();
  const reference = /N-[0-9A-Z]{8}/.exec(await page.getByRole('status').innerText())![0];

  const moderator = await createTrustedReader('Story mod', 'MODERATOR');
  const modPage = await signedInPage(browser, moderator.id);
  await modPage.goto(`/moderate/notices?q=${reference}`);
  const card = modPage.getByRole('article', { name: `Legal notice ${reference}` });
  await card.getByLabel(/^Reasons/).fill('The story gives the street only, which was already public in court records.');
  await card.getByRole('button', { name: 'No action' }).click();
  await expect(modPage.getByText(`Notice ${reference}: no action.`)).toBeVisible();
  const mail = await waitForMail({ to: email, subject: /Decision on your notice/ });
  expect(mail.subject).toBe(`Decision on your notice ${reference}: no action taken`);
  expect(mail.text).toContain('already public in court records');
  await modPage.goto(`/moderate/notices?view=decided&q=${reference}`);
  await expect(modPage.getByRole('article', { name: `Legal notice ${reference}` })).toContainText('No action');
  await context.close();
  await modPage.context().close();
});

test('the writer of a held comment is told what happens next and the expected wait, and sees the decision without reloading', async ({
  browser,
}) => {
  test.slow();
  const db = await testDb();
  // A fortnight of held comments, each decided 20 minutes after it was sent, at this hour of the day.
  const history = await createArticle('wait-history');
  const sampleWriter = await createTrustedReader('Wait sample');
  const now = Date.now();
  const samples = Array.from({ length: 41 }, (_, i) => {
    const submittedAt = new Date(now - (1 + (i % 13)) * 86_400_000 - i * 1000);
    return { id: randomUUID(), submittedAt, decidedAt: new Date(submittedAt.getTime() + 20 * 60_000) };
  });
  await db.comment.createMany({
    data: samples.map((s) => ({
      id: s.id,
      threadId: s.id,
      articleId: history.id,
      userId: sampleWriter.id,
      body: `Decided sample ${s.id}`,
      status: 'PUBLISHED' as const,
      createdAt: s.submittedAt,
      decidedAt: s.decidedAt,
    })),
  });
  await db.moderationEvent.createMany({
    data: samples.map((s) => ({
      commentId: s.id,
      actorType: 'moderator',
      action: 'approve',
      fromStatus: 'PENDING',
      toStatus: 'PUBLISHED',
      createdAt: s.decidedAt,
    })),
  });

  const article = await createArticle('held-wait');
  const writer = await createTrustedReader('Held writer');
  const id = randomUUID();
  const body = `My held comment about the library ${Date.now()}`;
  const reasons = [
    {
      ruleId: 'article-premoderated',
      outcome: 'hold',
      clause: 'moderation',
      message: 'Comments on this story are read by a moderator first.',
      evidence: [],
    },
  ];
  await db.comment.create({
    data: {
      id,
      threadId: id,
      articleId: article.id,
      userId: writer.id,
      body,
      status: 'PENDING',
      reasons: JSON.stringify(reasons),
    },
  });

  const page = await signedInPage(browser, writer.id);
  const held = page.locator(`#comment-${id}`);
  // The estimate is cached for a minute in the server: a page rendered before these samples may still show the last.
  await expect(async () => {
    await page.goto(`/articles/${article.slug}`);
    await expect(held.locator('[data-wait]')).toHaveText(
      /^Held comments are usually decided within about 20 minutes( at this hour)? \(the median of \d+ decisions in the last 14 days\)\.$/,
      { timeout: 1000 },
    );
  }).toPass({ timeout: 75_000, intervals: [2000, 5000, 10_000] });
  await expect(held.getByText('Held for review — only you can see this comment.')).toBeVisible();
  await expect(held.getByText(/^What happens next: a moderator reads it and decides\./)).toBeVisible();
  await expect(held.getByText('Comments on this story are read by a moderator first.')).toBeVisible();

  // A moderator approves it; the writer's page shows it published without a reload.
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  const moderator = await createTrustedReader('Wait mod', 'MODERATOR');
  const modPage = await signedInPage(browser, moderator.id);
  await modPage.goto(`/moderate?queue=pending&author=${encodeURIComponent(writer.email)}`);
  await modPage.locator('[data-card]').filter({ hasText: body }).getByRole('button', { name: 'Approve' }).click();
  await expect(modPage.locator('[data-card]').filter({ hasText: body })).toHaveCount(0);

  await expect(held.locator('.comment__status')).toHaveCount(0, { timeout: 15_000 });
  await expect(held.locator('.comment__body').first()).toHaveText(body);
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await page.context().close();
  await modPage.context().close();
});
