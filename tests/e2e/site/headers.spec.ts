// Browser-facing security: the CSP (nonce per rendered response, `script-src 'none'` for the signed-out reader
// edition) actually lets our scripts run and nothing else; the other headers; session cookie flags; foreign-origin actions.
import { expect, test, type Page } from '@playwright/test';
import { createTrustedReader } from '../../support/factories';
import { signIn } from '../fixtures';
import { testDb } from '../../support/db';
import { callActionFetch, decodeFetchShapeBody, formField, withFormFields } from '../../support/server-actions';

function scriptSources(csp: string): string {
  return (
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src')) ?? ''
  );
}

async function watchViolations(page: Page) {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test('every page carries the security headers and a CSP without inline-script allowances', async ({ request }) => {
  for (const path of ['/', '/articles/huawei-russia-5g', '/policy', '/sign-in', '/articles/no-such-story']) {
    const response = await request.get(path);
    const h = response.headers();
    const csp = h['content-security-policy'] ?? '';
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    expect(scriptSources(csp), path).not.toContain('unsafe-inline');
    // A nonce per rendered response, hashes for a cached page that keeps scripts, or none at all for the
    // signed-out reader edition.
    expect(scriptSources(csp), path).toMatch(/'nonce-[A-Za-z0-9+/=]+'|'sha256-|^script-src 'none'$/);
    expect(h['x-content-type-options'], path).toBe('nosniff');
    expect(h['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(h['strict-transport-security'], path).toContain('max-age=');
  }
  // A fresh nonce per rendered response.
  const a = (await request.get('/sign-in')).headers()['content-security-policy'];
  const b = (await request.get('/sign-in')).headers()['content-security-policy'];
  expect(a).not.toBe(b);
});

test('signed-out readers get pages that run no script; signed-in readers get working framework scripts', async ({
  browser,
  request,
}) => {
  const path = '/articles/council-bike-lanes';
  let hit;
  for (let i = 0; i < 40 && hit?.headers()['x-page-cache'] !== 'hit'; i++) hit = await request.get(path);
  const csp = hit!.headers()['content-security-policy'];
  expect(scriptSources(csp)).toBe("script-src 'none'");
  expect(await hit!.text()).not.toMatch(/<script/i);

  const context = await browser.newContext();
  const page = await context.newPage();
  const violations = await watchViolations(page);
  await page.goto(path);
  expect(await page.evaluate(() => typeof (window as unknown as { next?: unknown }).next)).toBe('undefined');
  await page.locator('.policy-note').getByRole('link', { name: 'comment policy' }).click();
  await expect(page).toHaveURL(/\/policy$/);
  expect(violations).toEqual([]);
  await context.close();

  // Signed in, the same story is rendered for the reader with a nonce, and the App Router runs under it.
  const reader = await createTrustedReader('Scripts');
  const signedIn = await browser.newPage();
  const signedInViolations = await watchViolations(signedIn);
  await signIn(signedIn, reader.email, { from: path });
  const response = await signedIn.reload();
  expect(scriptSources(response!.headers()['content-security-policy']!)).toMatch(/'nonce-/);
  await expect
    .poll(() => signedIn.evaluate(() => typeof (window as unknown as { next?: unknown }).next))
    .toBe('object');
  await signedIn.locator('.policy-note').getByRole('link', { name: 'comment policy' }).click();
  await expect(signedIn).toHaveURL(/\/policy$/);
  expect(signedInViolations).toEqual([]);
  await signedIn.close();
});

test('an injected inline script is refused by the browser', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/policy');
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  expect(violations.length).toBeGreaterThan(0);
});

test('session cookies are HttpOnly and SameSite=Lax; server actions refuse foreign origins', async ({ page }) => {
  const reader = await createTrustedReader('Cookie');
  await signIn(page, reader.email, { from: '/articles/council-bike-lanes' });
  const session = (await page.context().cookies()).find((c) => c.name.endsWith('next-auth.session-token'))!;
  expect(session.httpOnly).toBe(true);
  expect(session.sameSite).toBe('Lax');

  // Capture a real comment post, then replay it from another origin with the same cookie.
  const text = `Origin check ${Date.now()}`;
  const captured = page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']);
  await page.getByLabel(/^Comment as/).fill(text);
  await page.getByRole('button', { name: 'Post comment' }).click();
  const request = await captured;
  await expect(page.getByRole('status').filter({ hasText: 'Your comment is published.' })).toBeVisible();

  // The captured arguments, re-encoded by the helper every security spec uses, with a new body and a new
  // idempotency key (withFormFields throws if the form has no such field, so the swap cannot silently miss).
  const actionId = request.headers()['next-action']!;
  const path = new URL(request.url()).pathname;
  const args = await decodeFetchShapeBody(request.postDataBuffer()!, request.headers()['content-type']!);
  expect(formField(args, 'body')).toBe(text);
  const forge = (suffix: string) =>
    withFormFields(args, { body: `${text} ${suffix}`, idempotencyKey: `${suffix}-${Date.now()}` });

  const forged = await callActionFetch(actionId, forge('forged'), {
    path,
    sessionToken: session.value,
    origin: 'https://evil.example',
  });
  const db = await testDb();
  expect(await db.comment.count({ where: { body: `${text} forged` } }), 'forged comments stored').toBe(0);
  expect(forged.status).toBeGreaterThanOrEqual(400);

  // The control: the very same request from our own origin does post. So the zero above is the origin check's
  // doing, and the assertion fails if that check breaks (verified by allowing evil.example in next.config.ts).
  const control = await callActionFetch(actionId, forge('control'), { path, sessionToken: session.value });
  expect(control.status).toBe(200);
  expect(await db.comment.count({ where: { body: `${text} control` } })).toBe(1);
});
