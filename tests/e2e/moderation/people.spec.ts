// Issue 16, "People": from a card to the commenter's page, found again by part of their email; their standing,
// comments and reports; a staff-only note another moderator reads; a measure taken from the page.
import { expect, test } from '@playwright/test';
import { testDb } from '../../support/db';
import { createArticle, createTrustedReader, uniqueSuffix } from '../../support/factories';
import { waitForMail } from '../../support/mailbox';
import { signIn } from '../fixtures';

test('a moderator opens a commenter’s page from a card, leaves a note a colleague reads, and suspends them', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000); // three people sign in through the real email flow
  const db = await testDb();
  const writer = await createTrustedReader('Persona');
  const article = await createArticle('people');
  const held = `Held words about the ferry timetable ${uniqueSuffix()}`;
  const id = crypto.randomUUID();
  await db.comment.create({
    data: { id, threadId: id, articleId: article.id, userId: writer.id, body: held, status: 'PENDING' },
  });
  const [me, colleague] = [
    await createTrustedReader('PeopleDesk', 'MODERATOR'),
    await createTrustedReader('PeopleDesk2', 'MODERATOR'),
  ];

  await signIn(page, me.email, { from: '/moderate' });
  await page.goto(`/moderate?queue=pending&author=${encodeURIComponent(writer.email)}`);
  await page.locator('[data-card]', { hasText: held }).getByRole('link', { name: writer.displayName! }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(writer.displayName!);
  await expect(page.getByText(/account \d+ days old/)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: held })).toContainText('pending');
  await expect(page.getByText('Measures in force: none.')).toBeVisible();

  const note = `Asked twice to keep to the topic ${uniqueSuffix()}`;
  await page.getByLabel('Add a note (staff only)').fill(note);
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByText('Note added. Only staff can see it.')).toBeVisible();
  await expect(page.getByLabel('Add a note (staff only)')).toHaveValue('');
  await expect(page.getByRole('listitem').filter({ hasText: note })).toContainText(me.displayName!);

  // Imposing a measure cites a clause: without one nothing happens and the form says so.
  await page.getByLabel('Measure').selectOption('suspend');
  await page.getByLabel('Days (suspension)').selectOption('7');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'the clause it enforces' })).toBeVisible();
  expect((await db.user.findUniqueOrThrow({ where: { id: writer.id } })).suspendedUntil).toBeNull();
  const since = new Date();
  await page.getByLabel('Under (required to impose)').selectOption('on-topic');
  await page.getByLabel('Message to the reader').fill('Three off-topic comments this week.');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status').filter({ hasText: /suspended/i })).toBeVisible();
  await page.reload();
  await expect(page.getByText(/Measures in force: suspended until .* under §\d+/)).toBeVisible();
  await expect(page.getByText('“Three off-topic comments this week.”')).toBeVisible();
  const mail = await waitForMail({ to: writer.email, subject: /suspended from commenting/, since, timeoutMs: 15_000 });
  expect(mail.text).toContain('Three off-topic comments this week.');
  expect(mail.text).toMatch(/Under §\d+/);

  // The colleague finds the same account by part of its email, in capitals, and reads the note.
  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, colleague.email, { from: '/moderate' });
  await other.goto('/moderate');
  await other.getByRole('link', { name: 'People', exact: true }).click();
  await other.getByLabel('Name or email').fill(writer.email.split('@')[0]!.toUpperCase());
  await other.getByRole('button', { name: 'Find' }).click();
  await other.getByRole('link', { name: writer.displayName! }).click();
  await expect(other.getByRole('listitem').filter({ hasText: note })).toContainText(me.displayName!);
  await context.close();

  // The reader never sees the note.
  const readerContext = await browser.newContext();
  const readerPage = await readerContext.newPage();
  await signIn(readerPage, writer.email, { from: '/profile' });
  await readerPage.goto('/profile');
  await expect(readerPage.getByText(note)).toHaveCount(0);
  await expect(readerPage.getByRole('region', { name: 'Measures on your account' })).toContainText(
    'Three off-topic comments this week.',
  );
  expect((await readerPage.goto(`/moderate/people/${writer.id}`))?.status()).toBe(404);
  await readerContext.close();
});
