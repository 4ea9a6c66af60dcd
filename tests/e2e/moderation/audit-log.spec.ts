// Issue 16, "Audit log for the desk": every moderator reads the log, filters it by person, action, clause, story
// and dates, follows each entry to its comment's story, and exports what they see as CSV.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { testDb } from '../../support/db';
import { createArticle, createTrustedReader, uniqueSuffix } from '../../support/factories';
import { signIn } from '../fixtures';

test('a moderator finds a colleague’s rejection by name, follows it to the story and exports it', async ({ page }) => {
  const db = await testDb();
  const me = await createTrustedReader('Desk', 'MODERATOR');
  const colleague = await createTrustedReader('Colleague', 'MODERATOR');
  const article = await createArticle('audited');
  const id = crypto.randomUUID();
  const note = `Second warning about the harbour thread ${uniqueSuffix()}`;
  await db.comment.create({
    data: {
      id,
      threadId: id,
      articleId: article.id,
      body: 'Rejected words',
      status: 'REJECTED',
      rejectClause: 'civility',
    },
  });
  const at = new Date(Date.UTC(2026, 10, 20, 14, 3, 27));
  await db.moderationEvent.create({
    data: {
      commentId: id,
      actorType: 'moderator',
      actorId: colleague.id,
      action: 'reject',
      fromStatus: 'PUBLISHED',
      toStatus: 'REJECTED',
      clause: 'civility',
      note,
      createdAt: at,
      clauses: {
        create: [{ clause: 'civility', commentId: id, actorType: 'moderator', action: 'reject', createdAt: at }],
      },
    },
  });

  await signIn(page, me.email, { from: '/moderate' });
  await page.goto('/moderate');
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();

  // Part of the colleague's name, in another case, with the story and the day.
  await page.getByLabel('Person').fill(colleague.displayName!.split(' ')[0]!.toUpperCase());
  await page.getByLabel('Story').selectOption(article.id);
  await page.getByLabel('From', { exact: true }).fill('2026-11-20');
  await page.getByLabel('To', { exact: true }).fill('2026-11-20');
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByRole('row').filter({ hasText: note });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('2026-11-20 14:03:27 UTC');
  await expect(row).toContainText(colleague.displayName!);
  await expect(row.getByRole('link', { name: article.headline })).toHaveAttribute(
    'href',
    `/articles/${article.slug}#comment-${id}`,
  );

  // A day with nothing from that person: the filters combine.
  await page.getByLabel('From', { exact: true }).fill('2026-11-21');
  await page.getByLabel('To', { exact: true }).fill('2026-11-21');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('No entries match these filters.')).toBeVisible();
  await page.getByLabel('From', { exact: true }).fill('2026-11-20');
  await page.getByLabel('To', { exact: true }).fill('2026-11-20');
  await page.getByRole('button', { name: 'Search' }).click();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export these entries as CSV' }).click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('time_utc,actor_type,actor,action,from,to,clauses,comment_id,story,note');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('2026-11-20T14:03:27.000Z,moderator,');
  expect(lines[1]).toContain(`,reject,PUBLISHED,REJECTED,civility,${id},${article.headline},${note}`);
});
