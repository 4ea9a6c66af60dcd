// Shared steps for journeys: signing in the way a reader does (link read from the SMTP sink). Accounts and
// stories are arranged directly in the database with tests/support/factories.ts.
import { expect, type Page } from '@playwright/test';
import { extractLinks, waitForMail } from '../support/mailbox';

/** Signs in through the real flow: the sign-in form, the email in the SMTP sink, the link. */
export async function signIn(
  page: Page,
  email: string,
  { from = '/', displayName }: { from?: string; displayName?: string } = {},
) {
  const since = new Date();
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(from)}`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  const mail = await waitForMail({ to: email, subject: /Sign in/, since, timeoutMs: 15_000 });
  const link = extractLinks(mail).find((href) => href.includes('/api/auth/callback/email'));
  expect(link, 'sign-in link in the email').toBeTruthy();
  await page.goto(link!);
  await page.waitForURL((url) => !url.pathname.startsWith('/api/auth'));
  // A first sign-in lands on /welcome; the caller either names the account here or tests that page itself.
  if (displayName) {
    await expect(page.getByRole('heading', { name: 'Welcome' })).toBeVisible();
    await page.getByLabel('Display name').fill(displayName);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/welcome'));
  }
}
