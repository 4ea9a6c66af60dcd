// Issue 16, "People": a reader under a measure appeals it from their profile (reached from the measure email's link),
// the appeal waits in the Appeals tab marked as an appeal of an account measure, the moderator who imposed it cannot
// decide it, a second moderator lifts it, and the reader is emailed and may comment again. Without JavaScript too.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { testDb } from '../../support/db';
import { createArticle, createTrustedReader, uniqueSuffix } from '../../support/factories';
import { extractLinks, waitForMail } from '../../support/mailbox';
import { signIn } from '../fixtures';

async function expectNoAxeViolations(page: Page, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function signedInPage(browser: Browser, email: string, from: string, javaScriptEnabled = true) {
  const first = await browser.newPage();
  await signIn(first, email, { from });
  const state = await first.context().storageState();
  await first.context().close();
  const context = await browser.newContext({ javaScriptEnabled, storageState: state });
  return context.newPage();
}

/** The commenter page's measure form, as the moderator uses it. */
async function impose(page: Page, userId: string, measure: 'suspend' | 'ban', message: string) {
  await page.goto(`/moderate/people/${userId}`);
  await page.getByLabel('Measure').selectOption(measure);
  if (measure === 'suspend') await page.getByLabel('Days (suspension)').selectOption('7');
  await page.getByLabel('Under (required to impose)').selectOption('on-topic');
  await page.getByLabel('Message to the reader').fill(message);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: measure === 'suspend' ? /suspended/ : /banned/ }),
  ).toBeVisible();
}

test('a suspended reader appeals from the email’s link; the moderator who imposed it cannot decide; a second one lifts it', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000); // three people sign in through the real email flow
  const db = await testDb();
  const reader = await createTrustedReader('Appellant');
  const [imposer, second] = [
    await createTrustedReader('Imposer', 'MODERATOR'),
    await createTrustedReader('Reviewer', 'MODERATOR'),
  ];
  const article = await createArticle('measure-appeal');
  const message = `Three off-topic comments about the weather ${uniqueSuffix()}`;

  await signIn(page, imposer.email, { from: '/moderate' });
  const since = new Date();
  await impose(page, reader.id, 'suspend', message);
  const measureMail = await waitForMail({ to: reader.email, subject: /suspended from commenting/, since });
  expect(measureMail.text).toContain('You may appeal this measure once');
  const appealLink = extractLinks(measureMail).find((href) => href.includes('/profile#measures'));
  expect(appealLink, 'the appeal link in the measure email').toBeTruthy();

  // The suspended reader signs in and follows the email's link to the measure on their profile.
  const readerPage = await signedInPage(browser, reader.email, '/profile');
  await readerPage.goto(new URL(appealLink!).pathname + '#measures');
  const measures = readerPage.getByRole('region', { name: 'Measures on your account' });
  await expect(measures).toContainText('Your account is suspended from commenting until');
  await expect(measures).toContainText(message);
  await measures.locator('summary', { hasText: 'Appeal the suspension' }).click();
  await expectNoAxeViolations(readerPage, '#measures');
  await measures.getByRole('button', { name: 'Send appeal' }).click();
  await expect(measures.getByText('Explain in at least 10 characters why the measure should end.')).toBeVisible();
  await expect(measures.getByLabel(/Why should the suspension end/)).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(readerPage, '#measures');
  const statement = `The weather was the story’s subject ${uniqueSuffix()}`;
  await measures.getByLabel(/Why should the suspension end/).fill(statement);
  await measures.getByRole('button', { name: 'Send appeal' }).click();
  // The section is rendered again with the appeal in place of the form.
  await expect(measures).toContainText('a moderator who did not impose the measure will decide');
  await readerPage.reload();
  await expect(measures).toContainText('You appealed on');
  await expect(measures.locator('summary', { hasText: 'Appeal the suspension' })).toHaveCount(0);

  // The moderator who imposed it sees the appeal in the Appeals tab but cannot decide it.
  await page.goto('/moderate?queue=appeals');
  const own = page.locator('[data-measure-appeal]', { hasText: statement });
  await expect(own).toContainText('Appeal of an account measure');
  await expect(own).toContainText('You imposed this measure: another moderator must decide the appeal.');
  await expect(own.getByRole('button', { name: 'Lift the measure' })).toHaveCount(0);

  // A second moderator reads the measure, its clause, message, who imposed it, and lifts it with reasons.
  const reviewer = await signedInPage(browser, second.email, '/moderate');
  await reviewer.goto('/moderate?queue=appeals');
  const card = reviewer.locator('[data-measure-appeal]', { hasText: statement });
  await expect(card).toContainText('Suspension until');
  await expect(card).toContainText(`Imposed by ${imposer.displayName}`);
  await expect(card).toContainText(message);
  await expect(card).toContainText('§');
  await expect(card.getByRole('link', { name: reader.displayName! })).toHaveAttribute(
    'href',
    `/moderate/people/${reader.id}`,
  );
  const reasons = `The comments were about the story’s subject ${uniqueSuffix()}`;
  const decidedSince = new Date();
  await card.getByLabel('Reasons (sent to the reader)').fill(reasons);
  await card.getByRole('button', { name: 'Lift the measure' }).click();
  await expect(reviewer.locator('[data-measure-appeal]', { hasText: statement })).toHaveCount(0);
  expect((await db.user.findUniqueOrThrow({ where: { id: reader.id } })).suspendedUntil).toBeNull();
  await reviewer.goto(`/moderate/people/${reader.id}`);
  await expect(reviewer.getByRole('list', { name: 'Appeals of measures' })).toContainText(`Appeal of the suspension`);
  await expect(reviewer.getByRole('list', { name: 'Appeals of measures' })).toContainText(`lifted`);

  // The reader is emailed the outcome with the reasons, sees it on their profile, and may comment again.
  const outcome = await waitForMail({ to: reader.email, subject: /suspension is lifted/, since: decidedSince });
  expect(outcome.text).toContain(reasons);
  await readerPage.goto('/profile');
  await expect(measures).toContainText('The suspension was lifted on appeal');
  await expect(measures).toContainText(reasons);
  await readerPage.goto(`/articles/${article.slug}`);
  const words = `Glad to be back talking about the ferry ${uniqueSuffix()}`;
  await readerPage.getByLabel(`Comment as ${reader.displayName}`).fill(words);
  await readerPage.getByRole('button', { name: 'Post comment' }).click();
  await expect(readerPage.getByText('Your comment is published.')).toBeVisible();

  // All of it in the audit log, about the reader's account.
  const actions = await db.moderationEvent.findMany({
    where: { subjectUserId: reader.id, action: { startsWith: 'measure-appeal' } },
    select: { action: true, actorId: true },
    orderBy: { createdAt: 'asc' },
  });
  expect(actions).toEqual([
    { action: 'measure-appeal', actorId: reader.id },
    { action: 'measure-appeal-lift', actorId: second.id },
  ]);
  await reviewer.context().close();
  await readerPage.context().close();
});

test('a banned reader signs in and appeals without JavaScript; the form keeps their words on an error', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const db = await testDb();
  const reader = await createTrustedReader('BannedAppellant');
  const imposer = await createTrustedReader('Banner', 'MODERATOR');
  await signIn(page, imposer.email, { from: '/moderate' });
  await impose(page, reader.id, 'ban', `Spam about cucumbers ${uniqueSuffix()}`);

  // The ban ended their sessions; they can still sign in, and appeal with no script at all.
  const readerPage = await signedInPage(browser, reader.email, '/profile', false);
  await readerPage.goto('/profile');
  const measures = readerPage.getByRole('region', { name: 'Measures on your account' });
  await expect(measures).toContainText('Your account is banned from commenting');
  await measures.locator('summary', { hasText: 'Appeal the ban' }).click();
  await measures.getByLabel(/Why should the ban end/).fill('Too short');
  await measures.getByRole('button', { name: 'Send appeal' }).click();
  await expect(measures.getByText('Explain in at least 10 characters why the measure should end.')).toBeVisible();
  await expect(measures.getByLabel(/Why should the ban end/)).toHaveValue('Too short');
  await measures.getByLabel(/Why should the ban end/).fill('It was a recipe for cucumber soup, not spam.');
  await measures.getByRole('button', { name: 'Send appeal' }).click();
  await readerPage.goto('/profile');
  await expect(measures).toContainText('You appealed on');
  expect(await db.appeal.findFirstOrThrow({ where: { userId: reader.id } })).toMatchObject({
    measureKind: 'ban',
    status: 'OPEN',
    statement: 'It was a recipe for cucumber soup, not spam.',
  });
  await readerPage.context().close();
});
