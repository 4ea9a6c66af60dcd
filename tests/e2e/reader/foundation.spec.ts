// The reader's side of the foundation: front page, article with author contact block and policy link,
// author page, policy clauses with stable anchors, 404s, accessibility, no-JS reading and a phone viewport.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';

const seedStory = readFileSync('prisma/seed/huawei-russia-5g.txt', 'utf8');

test('the front page lists the newest stories with author, date and comment count', async ({ page }) => {
  // The front page lists the 30 newest stories: after the suite's own stories the seed's may have scrolled off it
  // (the seed dates them hours before it runs, prisma/seed.ts), so the newest item is checked, whatever it is, and
  // the Huawei story on its author's page.
  await page.goto('/');
  const items = page.locator('.story-list__item');
  const newest = items.first();
  await expect(newest.locator('a[href^="/authors/"]')).toHaveCount(1);
  await expect(newest.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  await expect(newest.getByRole('link', { name: /\d+ comments?/ })).toHaveAttribute(
    'href',
    /^\/articles\/[^/]+#comments$/,
  );
  await page.goto('/authors/andrew-blake');
  await expect(page.getByRole('link', { name: /Huawei signs deal/ })).toHaveAttribute(
    'href',
    '/articles/huawei-russia-5g',
  );
  await page.goto('/');
  // Newest first.
  const dates = await items.locator('time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')!));
  expect([...dates].sort().reverse()).toEqual(dates);
});

test('the article: headline, byline, dateline, body, author contact block, policy line; footer lines are not body text', async ({
  page,
}) => {
  await page.goto('/articles/huawei-russia-5g');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Huawei signs deal to build Russia’s 5G networks after U.S. ban',
  );
  await expect(page.locator('.article__byline').getByRole('link', { name: 'Andrew Blake' })).toHaveAttribute(
    'href',
    '/authors/andrew-blake',
  );
  await expect(page.locator('.article__dateline')).toHaveText(/Washington/);

  const body = page.locator('.article__body p');
  const storyLines = seedStory
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^•|can be reached at|^Please read our comment policy/i.test(l));
  await expect(body).toHaveCount(storyLines.length);
  await expect(body.last()).toContainText('Entities List');
  await expect(page.locator('.article__body')).not.toContainText('can be reached at');
  await expect(page.locator('.article__body')).not.toContainText('comment policy');

  const box = page.locator('.author-box');
  await expect(box.getByRole('heading', { name: 'Andrew Blake' })).toBeVisible();
  await expect(box.getByRole('link', { name: 'ablake@washingtontimes.com' })).toHaveAttribute(
    'href',
    'mailto:ablake@washingtontimes.com',
  );
  await expect(box.locator('.author-box__avatar')).toHaveText('AB');
  await expect(box).toContainText('covers technology');

  const policy = page.locator('.policy-note');
  await expect(policy).toHaveText('Please read our comment policy before commenting.');
  await policy.getByRole('link', { name: 'comment policy' }).click();
  await expect(page).toHaveURL(/\/policy$/);
});

test('“More from this author” lists the author’s other stories', async ({ page }) => {
  await page.goto('/articles/council-bike-lanes');
  const author = await page.locator('.article__byline a').textContent();
  await page.goto(`/authors/${author!.toLowerCase().replace(/\s+/g, '-')}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(author!);
  await expect(page.getByRole('link', { name: /@/ })).toHaveAttribute('href', /^mailto:/);
  await expect(page.locator('.story-list__item').first()).toBeVisible();
});

test('the policy page has numbered clauses with stable anchors', async ({ page }) => {
  await page.goto('/policy#privacy');
  for (const id of [
    'civility',
    'hate-and-threats',
    'on-topic',
    'spam',
    'privacy',
    'impersonation',
    'links',
    'language',
    'moderation',
  ]) {
    await expect(page.locator(`[id="${id}"]`)).toBeVisible();
  }
  await expect(page.locator('[id="privacy"]')).toContainText('§5');
  await expect(page.locator('[id="privacy"]')).toBeInViewport();
});

test('unknown stories and authors get a 404 page', async ({ page }) => {
  for (const path of ['/articles/no-such-story', '/authors/nobody-here', '/no/such/page']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Go to the latest stories' })).toBeVisible();
  }
});

test('reading needs no JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/articles/huawei-russia-5g');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Huawei');
  await expect(page.locator('.comment__body').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in to comment' })).toBeVisible();
  await context.close();
});

test('a phone-sized screen shows the story without horizontal scrolling', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true });
  const page = await context.newPage();
  for (const path of ['/', '/articles/huawei-russia-5g', '/policy']) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await context.close();
});

test('pages have no accessibility violations (axe-core, WCAG 2 A and AA)', async ({ page }) => {
  for (const path of [
    '/',
    '/articles/huawei-russia-5g',
    '/authors/andrew-blake',
    '/policy',
    '/transparency',
    '/sign-in',
  ]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(
      results.violations.map(
        (v) => `${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);
  }
});
