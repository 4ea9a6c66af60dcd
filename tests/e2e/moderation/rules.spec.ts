// Rule management: an admin's change is dry-run over past comments (with the right counts on a prepared
// set), saved as a new version with who and when, and applies to the next comment.
import { expect, test } from '@playwright/test';
import { createArticle, createTrustedReader } from '../../support/factories';
import { signIn } from '../fixtures';
import { testDb } from '../../support/db';

test('dry run counts the comments a new banned term would move, then saving versions it', async ({ page }) => {
  const db = await testDb();
  const word = `zorbleflax${Date.now().toString(36)}`;
  const article = await createArticle('rules');
  const writer = await createTrustedReader('RulesWriter');
  // The prepared set: three published comments with the new word, two without.
  const bodies = [
    `The ${word} argument again`,
    `More ${word} from the council`,
    `Is ${word} even a word?`,
    'A clean comment about rules',
    'Another clean comment',
  ];
  for (const [index, body] of bodies.entries()) {
    const id = crypto.randomUUID();
    await db.comment.create({
      data: {
        id,
        threadId: id,
        articleId: article.id,
        userId: writer.id,
        body,
        status: 'PUBLISHED',
        createdAt: new Date(Date.now() - (index + 1) * 3_600_000),
      },
    });
  }
  const versionsBefore = await db.policyVersion.count();

  const admin = await createTrustedReader('RulesAdmin', 'ADMIN');
  await signIn(page, admin.email, { from: '/moderate/rules' });
  await expect(page.getByRole('heading', { name: 'Policy rules' })).toBeVisible();
  const banned = page.getByLabel('Banned terms (rejected, §8)');
  await banned.fill(`${await banned.inputValue()}\n${word}`);
  await page.getByLabel('What changed and why (kept with the version)').fill('Test word for the dry run');

  // Invalid settings are refused field by field, and nothing typed is lost.
  const links = page.getByLabel('Links allowed before a comment is held');
  await links.fill('-4');
  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByText('The link limit must be at least 0.')).toBeVisible();
  await expect(banned).toHaveValue(new RegExp(`${word}$`));
  await links.fill('2');

  await page.getByRole('button', { name: 'Dry run' }).click();
  const result = page.getByRole('region', { name: 'Dry run result' });
  await expect(result.locator('[data-move="publish-reject"]')).toHaveText('3');
  await expect(page.getByText(/Dry run over the last \d+ comments: 3 would be judged differently\./)).toBeVisible();
  await expect(result.locator('.dry-run__examples li')).toHaveCount(3);
  await expect(result).toContainText('banned-terms');
  expect(await db.policyVersion.count()).toBe(versionsBefore);

  await result.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByText(/Saved as version \d+\./)).toBeVisible();
  const saved = await db.policyVersion.findFirstOrThrow({ orderBy: { id: 'desc' } });
  expect(saved.createdById).toBe(admin.id);
  expect(saved.note).toBe('Test word for the dry run');
  expect(JSON.parse(saved.settings).bannedTerms).toContain(word);
  await page.reload();
  await expect(page.getByRole('cell', { name: `v${saved.id} (in force)` })).toBeVisible();

  try {
    // The next comment with the word is refused under §8.
    await page.goto(`/articles/${article.slug}`);
    await page.getByLabel(/^Comment as/).fill(`Say it: ${word.toUpperCase()}!`);
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Your comment was not published.' })).toContainText(
      '§8 Mind your language',
    );
  } finally {
    // Later tests expect the shipped defaults: save them back as the newest version.
    await db.policyVersion.deleteMany({ where: { id: { gte: saved.id } } });
  }
});

test('an allowlist entry added at runtime shows in the dry run with the comments it spares', async ({ page }) => {
  const db = await testDb();
  const article = await createArticle('rules-allowlist');
  const writer = await createTrustedReader('AllowWriter');
  const place = `Bitch Creek ${Date.now().toString(36).replace(/[0-9]/g, '')}`;
  // A published comment naming a place that contains a word with an innocent sense: held under the defaults.
  const id = crypto.randomUUID();
  await db.comment.create({
    data: {
      id,
      threadId: id,
      articleId: article.id,
      userId: writer.id,
      body: `The ${place} trail is closed again`,
      status: 'PUBLISHED',
      createdAt: new Date(Date.now() - 60_000),
    },
  });

  const admin = await createTrustedReader('AllowAdmin', 'ADMIN');
  await signIn(page, admin.email, { from: '/moderate/rules' });
  await expect(page.getByLabel('Terms with an innocent sense (held, not rejected)')).toHaveValue(/\bdyke\b/);
  const allowlist = page.getByLabel('Allowlist');
  await expect(allowlist).toHaveValue(/dyke road/);
  await allowlist.fill(`${await allowlist.inputValue()}\n${place}`);
  await page.getByRole('button', { name: 'Dry run' }).click();
  const result = page.getByRole('region', { name: 'Dry run result' });
  await expect(result.locator('[data-move="hold-publish"]')).not.toHaveText('0');
  await expect(result.getByRole('heading', { name: 'Allowlist at work' })).toBeVisible();
  await expect(result.locator('.dry-run__allowlist')).toContainText(`“${place}” (1)`);
});
