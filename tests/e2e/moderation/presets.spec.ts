// Story presets (issue 18): an admin sets comments by section and tag; the dry run counts what a change touches;
// matching stories change at once for readers; time rules (close N days after publication) apply at request and
// submission time, with no cron and no stale cached page.
//
// The clock: every time rule counts from the story's publication on the app's clock. A test places a story in time
// by its publishedAt, and moves the app's clock on (POST /__test/clock: TEST_CLOCK=1 in playwright.config.ts,
// lib/server/test-clock.ts) rather than waiting; it puts the clock back when it is done.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { createAccount, createArticle, createTrustedReader, uniqueSuffix } from '../../support/factories';
import { signIn } from '../fixtures';
import { testDb } from '../../support/db';

async function anonymousGet(request: APIRequestContext, path: string) {
  const response = await request.get(path, { headers: { cookie: '' } });
  expect(response.status()).toBe(200);
  return { cache: response.headers()['x-page-cache'], html: await response.text() };
}

/** Requests the page until the stored copy answers (storing compresses in the background). */
async function warm(request: APIRequestContext, path: string) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const page = await anonymousGet(request, path);
    if (page.cache === 'hit') return page;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${path} never came from the cache`);
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('an admin creates a preset: the dry run counts stories and pending comments, and a matching story is pre-moderated for readers', async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  const db = await testDb();
  const suffix = uniqueSuffix();
  const tag = `Inquest ${suffix}`;
  const name = `Inquests ${suffix}`;
  // Two stories with the tag (one of them with a comment waiting for a moderator), one without.
  const matching = await createArticle('preset-match');
  const second = await createArticle('preset-match-2');
  const other = await createArticle('preset-other');
  for (const story of [matching, second])
    await db.article.update({ where: { id: story.id }, data: { section: 'Local', tags: JSON.stringify([tag]) } });
  const writer = await createAccount('preset-writer');
  await db.comment.create({
    data: { articleId: second.id, userId: writer.id, body: `Waiting ${suffix}`, status: 'PENDING' },
  });

  const anonymous = await playwright.request.newContext({ baseURL });
  const path = `/articles/${matching.slug}`;
  const before = await warm(anonymous, path);
  expect(before.html).toContain('Sign in to comment');
  expect(before.html).not.toContain('read by a moderator before they appear');

  const admin = await createTrustedReader('PresetAdmin', 'ADMIN');
  await signIn(page, admin.email, { from: '/moderate/presets' });
  await expect(page.getByRole('heading', { name: 'Story presets', level: 1 })).toBeVisible();
  // The shipped defaults are listed in the reader's words.
  await expect(page.getByText('On stories in the Obituaries section, comments are closed.')).toBeVisible();
  await expectNoAxeViolations(page);

  const form = page.getByRole('form', { name: 'New preset' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Tags', { exact: true }).fill(tag);
  await form.getByLabel('Comment mode').selectOption('Pre-moderated');
  await form.getByLabel('Notice shown above the comment box').fill(`Comments on inquests are read first ${suffix}.`);
  await form.getByRole('button', { name: 'Dry run' }).click();
  await expect(form.getByRole('status')).toHaveText('Dry run: this change affects 2 stories and 1 pending comment.');
  await expect(form.getByTestId('impact-stories')).toHaveText('2');
  await expect(form.getByTestId('impact-pending')).toHaveText('1');
  await expect(form.getByText(`${matching.headline}: open → pre-moderated`)).toBeVisible();
  await expect(form.getByText(other.headline)).toHaveCount(0);
  // The dry run saved nothing.
  expect(await db.presetVersion.count({ where: { presets: { contains: name } } })).toBe(0);

  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(form.getByRole('status')).toContainText(`added “${name}”. Updated 2 stories and 1 pending comment.`);
  const saved = await db.moderationEvent.findFirstOrThrow({
    where: { action: 'presets-saved', note: { contains: name } },
  });
  expect(saved.actorId).toBe(admin.id);

  // Every saved version stays readable: the history links to a read-only view of what it held.
  const version = await db.presetVersion.findFirstOrThrow({ where: { presets: { contains: name } } });
  await page.goto('/moderate/presets');
  await page.getByRole('link', { name: `v${version.id}`, exact: true }).click();
  const viewing = page.getByRole('region', { name: new RegExp(`^Version ${version.id} \\(read only\\)`) });
  await expect(viewing).toContainText(`${name}: On stories about ${tag}`);
  await expectNoAxeViolations(page);

  // The signed-out page changed at once (the save invalidated each matching story's cached page).
  const after = await anonymousGet(anonymous, path);
  expect(after.html).toContain(`Comments on inquests are read first ${suffix}.`);
  expect(after.html).toContain('Comments on this story are read by a moderator before they appear');
  expect((await anonymousGet(anonymous, `/articles/${other.slug}`)).html).not.toContain('read by a moderator');

  // A reader's comment on the matching story waits for a moderator, and the audit log names the preset.
  const reader = await createTrustedReader('PresetReader');
  const readerPage = await browser.newPage();
  await signIn(readerPage, reader.email, { from: path });
  await expect(readerPage.getByText(`Comments on inquests are read first ${suffix}.`)).toBeVisible();
  const text = `A measured thought on the inquest ${suffix}`;
  await readerPage.getByLabel(`Comment as ${reader.displayName}`).fill(text);
  await readerPage.getByRole('button', { name: 'Post comment' }).click();
  await expect(readerPage.getByRole('status').filter({ hasText: 'Your comment is held for review.' })).toBeVisible();
  const comment = await db.comment.findFirstOrThrow({ where: { body: text } });
  expect(comment.status).toBe('PENDING');
  const hold = await db.moderationEvent.findFirstOrThrow({ where: { commentId: comment.id, action: 'auto-hold' } });
  expect(hold.note).toContain(`(preset “${name}” (tag ${tag}))`);
  await readerPage.close();

  // The article settings page shows where the mode comes from.
  await page.goto('/moderate/articles');
  await expectNoAxeViolations(page);
  const row = page.getByRole('table', { name: `Effective settings: ${matching.headline}` }).getByRole('row', {
    name: /Comment mode/,
  });
  await expect(row).toContainText('Pre-moderated');
  await expect(row).toContainText(`preset “${name}” (tag ${tag})`);

  // The policy page explains it from the same definition.
  await page.goto('/policy#sensitive-stories');
  await expect(
    page.getByText(`On stories about ${tag}, every comment is read by a moderator before it appears.`),
  ).toBeVisible();

  // Put back: later specs post on stories without presets of this test's making.
  await db.article.updateMany({
    where: { id: { in: [matching.id, second.id] } },
    data: { tags: '[]' },
  });
  await anonymous.dispose();
});

test('a story closes at its time: the signed-out page stops being served from the cache and posts are refused', async ({
  page,
  playwright,
  baseURL,
  request,
}) => {
  const db = await testDb();
  const article = await createArticle('closes-soon');
  // Three days (the story's own close-after) less an hour ago: it closes in an hour.
  const publishedAt = new Date(Date.now() - 3 * 86_400_000 + 3_600_000);
  await db.article.update({ where: { id: article.id }, data: { publishedAt, autoCloseDays: 3 } });
  const closesAt = publishedAt.getTime() + 3 * 86_400_000;
  const path = `/articles/${article.slug}`;

  const anonymous = await playwright.request.newContext({ baseURL });
  const open = await warm(anonymous, path);
  expect(open.html).toContain('Comments close on');
  expect(open.html).toContain(new Date(closesAt).toISOString());
  expect(open.html).toContain('Sign in to comment');

  const reader = await createTrustedReader('ClosesSoon');
  await signIn(page, reader.email, { from: path });
  const box = page.getByLabel(`Comment as ${reader.displayName}`);
  const text = `Written just before the close ${uniqueSuffix()}`;
  await box.fill(text);

  // Nothing is run at the closing time: the next request and the next submission see it. Two hours on, by the
  // app's clock.
  expect((await request.post('/__test/clock', { data: { offsetMs: 2 * 3_600_000 } })).status()).toBe(204);
  try {
    const closed = await anonymousGet(anonymous, path);
    expect(closed.html).toContain('Comments are closed on this story.');
    expect(closed.html).not.toContain('Sign in to comment');

    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(page.locator('form.comment-form').getByRole('alert')).toContainText(
      /Comments on this story closed on .+, 3 days after publication \(this story’s own setting\)\./,
    );
    expect(await db.comment.count({ where: { body: text } })).toBe(0);
  } finally {
    expect((await request.post('/__test/clock', { data: { offsetMs: 0 } })).status()).toBe(204);
  }
  await anonymous.dispose();
});
