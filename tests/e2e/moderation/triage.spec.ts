// Triage on the moderation desk (issue 16), driven as a moderator works a busy queue: the priority order puts a
// threat before older first-comment holds (and "oldest first" stays a choice in the URL), each card says how long it
// has waited, and the filters combine, update as the moderator types, and survive a reload. Comments arrive through
// the real postComment action, so they are held (and keyed) as they would be in production.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createArticle, createNewReader, createTrustedReader } from '../../support/factories';
import { distDir, baseURL, postCommentOverHttp } from '../../support/server-actions';
import { openSession } from '../../support/sessions';
import { signIn } from '../fixtures';
import { testDb } from '../../support/db';

const server = { url: baseURL, distDir: distDir() };

async function post(article: { id: string; slug: string }, label: string, body: string) {
  const reader = await createNewReader(label);
  const posted = await postCommentOverHttp({ server, article, sessionToken: await openSession(reader.id), body });
  expect(posted.state?.status, `${label}'s comment was taken`).not.toBe('invalid');
  return reader;
}

async function moderatorPage(page: Page, label: string, from: string) {
  const moderator = await createTrustedReader(label, 'MODERATOR');
  await signIn(page, moderator.email, { from });
  await expect(page.getByRole('heading', { name: 'Moderation' })).toBeVisible();
  await expect(page.locator('[data-keyboard="ready"]')).toBeAttached();
}

const cards = (page: Page) => page.locator('[data-card]');
const filters = (page: Page) => page.getByRole('search', { name: 'Filter the queue' });

async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

test('priority order puts a threat before older first-comment holds; oldest first stays a choice', async ({ page }) => {
  const article = await createArticle('triage-priority');
  const stamp = Date.now();
  const routine = [`A first thought on the harbour plan ${stamp}`, `Another first comment on the budget ${stamp}`];
  await post(article, 'TriageFirst', routine[0]!);
  await post(article, 'TriageSecond', routine[1]!);
  const threat = `We know where you live, and you will pay for this. ${stamp}`;
  await post(article, 'TriageThreat', threat);

  await moderatorPage(page, 'ModTriage', `/moderate?article=${article.id}`);
  await expect(cards(page)).toHaveCount(3);
  await expect(cards(page).first()).toContainText(threat);
  await expect(cards(page).nth(1)).toContainText(routine[0]!);
  // Each card's age, and the age of the oldest item waiting in Pending.
  await expect(cards(page).first().locator('[data-age]')).toHaveText(/^(just now|\d+ min)$/);
  await expect(page.locator('[data-oldest="pending"]')).toContainText(/oldest (just now|\d+ (min|h|d))/);
  await expectAxeClean(page);

  await filters(page).getByLabel('Order').selectOption('oldest');
  await expect(page).toHaveURL(/order=oldest/);
  await expect(cards(page).last()).toContainText(threat);
  await expect(cards(page).first()).toContainText(routine[0]!);
  await page.reload();
  await expect(filters(page).getByLabel('Order')).toHaveValue('oldest');
  await expect(cards(page).last()).toContainText(threat);
});

test('filters combine, update as the moderator types, and survive a reload', async ({ page }) => {
  const article = await createArticle('triage-filters');
  const stamp = Date.now();
  const phone = `Ring Marjorie on 07700 900123 about it ${stamp}`;
  const first = `Just my first comment here ${stamp}`;
  const phoneWriter = await post(article, 'Filterphone', phone);
  await post(article, 'Filterfirst', first);

  await moderatorPage(page, 'ModFilters', `/moderate?article=${article.id}`);
  await expect(cards(page)).toHaveCount(2);

  // By rule: only the comment the personal-information rule held.
  await filters(page).getByLabel('Rule').selectOption('personal-info');
  await expect(page).toHaveURL(/rule=personal-info/);
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toContainText(phone);

  // Combined with a commenter typed in part and in another case: no match, then a match.
  await filters(page).getByLabel('Commenter', { exact: true }).pressSequentially('filterfirst');
  await expect(page).toHaveURL(/author=filterfirst/);
  await expect(page.getByText('Nothing in this queue for this filter.')).toBeVisible();
  await filters(page).getByLabel('Commenter', { exact: true }).fill(phoneWriter.email.slice(0, 12).toUpperCase());
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toContainText(phone);

  // By clause, then a reload keeps all three.
  await filters(page).getByLabel('Clause').selectOption('privacy');
  await expect(page).toHaveURL(/clause=privacy/);
  await page.reload();
  await expect(filters(page).getByLabel('Rule')).toHaveValue('personal-info');
  await expect(filters(page).getByLabel('Clause')).toHaveValue('privacy');
  await expect(filters(page).getByLabel('Commenter', { exact: true })).toHaveValue(
    phoneWriter.email.slice(0, 12).toUpperCase(),
  );
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toContainText(phone);
  // The tab counts follow the filters too.
  await expect(page.locator('[data-queue-count="pending"]')).toHaveText('1');
  // A clause the comment was not held under empties the queue.
  await filters(page).getByLabel('Clause').selectOption('spam');
  await expect(page.getByText('Nothing in this queue for this filter.')).toBeVisible();
  await expectAxeClean(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the filter form is a plain GET form', async ({ page }) => {
    const article = await createArticle('triage-nojs');
    const stamp = Date.now();
    const phone = `Call Derek on 07700 900456 tonight ${stamp}`;
    await post(article, 'Nojsphone', phone);
    await post(article, 'Nojsfirst', `Just a first remark ${stamp}`);
    const moderator = await createTrustedReader('ModNoJs', 'MODERATOR');
    await page
      .context()
      .addCookies([{ name: 'next-auth.session-token', value: await openSession(moderator.id), url: baseURL }]);
    await page.goto(`/moderate?article=${article.id}`);
    await expect(cards(page)).toHaveCount(2);
    await filters(page).getByLabel('Rule').selectOption('personal-info');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/rule=personal-info/);
    await expect(cards(page)).toHaveCount(1);
    await expect(cards(page).first()).toContainText(phone);
  });
});

test('All finds a comment whatever its status, by text and by commenter', async ({ page }) => {
  const article = await createArticle('triage-all');
  const stamp = Date.now();
  const text = `Buy cheap watches at my shop ${stamp}`;
  const writer = await createTrustedReader('Allwriter');
  const db = await testDb();
  await db.comment.create({
    data: { articleId: article.id, userId: writer.id, body: text, status: 'REJECTED', rejectClause: 'spam' },
  });
  await db.comment.create({
    data: { articleId: article.id, userId: writer.id, body: `A fair published point ${stamp}`, status: 'PUBLISHED' },
  });

  await moderatorPage(page, 'ModAll', `/moderate?article=${article.id}`);
  await page.getByRole('link', { name: 'All', exact: true }).click();
  await expect(page).toHaveURL(/queue=all/);
  // Newest first: both, whatever their status.
  await expect(cards(page)).toHaveCount(2);
  await filters(page).getByLabel('Text contains').pressSequentially('cheap watches');
  await expect(page).toHaveURL(/q=cheap/);
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toContainText(text);
  await expect(cards(page).first()).toContainText('rejected');
  await filters(page).getByLabel('Text contains').fill('');
  await filters(page).getByLabel('Commenter', { exact: true }).fill(writer.email.toUpperCase());
  await expect(page).toHaveURL(/author=/);
  await expect(cards(page)).toHaveCount(2);
  await page.reload();
  await expect(page.getByRole('link', { name: 'All', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(cards(page)).toHaveCount(2);
  await expectAxeClean(page);
});
