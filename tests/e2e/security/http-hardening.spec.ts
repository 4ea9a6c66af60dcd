// Issue 12.6, 12.9, 12.10 and 12.3 at the HTTP level, against the production server: forwarded headers a
// client made up, cross-origin actions, honest statuses on link error pages, what /healthz tells strangers,
// and the development mailbox's refusal to run on a reachable address.
import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { createAccount, createArticle } from '../../support/factories';
import { testDb } from '../../support/db';
import { replyLinkFor, unsubscribeTokenFor } from '../../support/email-links';
import { openSession } from '../../support/sessions';
import { callActionFetch, e2eMetricsToken, findAction, FormArg, httpRequest } from '../../support/server-actions';

const preferences = () => findAction('app/(account)/actions.ts', 'updatePreferencesAction');

async function readerWithSession() {
  const reader = await createAccount('Forwarded');
  return { reader, token: await openSession(reader.id) };
}

const notifyReplies = async (id: string) =>
  (await (await testDb()).user.findUniqueOrThrow({ where: { id } })).notifyReplies;

test('a cross-origin server action is refused with 403 and changes nothing, even with a forged X-Forwarded-Host', async () => {
  const { reader, token } = await readerWithSession();
  const action = preferences();
  const form = new FormArg({ notifyModeration: 'on' });
  const attempts = [
    { origin: 'https://evil.example' },
    { origin: 'null' },
    // Without TRUST_PROXY the server must not let a client name the host Next compares the Origin with.
    { origin: 'https://evil.example', headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' } },
  ];
  for (const attempt of attempts) {
    const response = await callActionFetch(action.id, [{ status: 'idle' }, form], {
      path: '/profile',
      sessionToken: token,
      ...attempt,
    });
    expect(response.status, JSON.stringify(attempt)).toBe(403);
    expect(response.text).toContain('submitted from another website');
    expect(await notifyReplies(reader.id)).toBe(true);
  }
  // The same call from this site works (so the refusals above are about the origin, not the call).
  const ok = await callActionFetch(action.id, [{ status: 'idle' }, form], { path: '/profile', sessionToken: token });
  expect(ok.status).toBe(200);
  expect(await notifyReplies(reader.id)).toBe(false);
});

test('link error pages answer 404 or 410 with the friendly page', async () => {
  const article = await createArticle('link-status');
  const db = await testDb();
  const reader = await createAccount('Linked');
  const comment = await db.comment.create({
    data: { articleId: article.id, userId: reader.id, body: 'A published comment.', status: 'PUBLISHED' },
  });

  const garbage = await httpRequest('GET', `/reply/${comment.id}/garbage`);
  expect(garbage.status).toBe(404);
  expect(garbage.text).toContain('This reply link cannot be used');
  expect(garbage.text).toContain('Email me a fresh link');

  const expired = await replyLinkFor(comment.id, { expiresAt: new Date(Date.now() - 1000) });
  const expiredPage = await httpRequest('GET', expired.path);
  expect(expiredPage.status).toBe(410);
  expect(expiredPage.text).toContain('expired');

  const used = await replyLinkFor(comment.id);
  await db.authorReplyLink.update({ where: { id: used.linkId }, data: { usedAt: new Date() } });
  const usedPage = await httpRequest('GET', used.path);
  expect(usedPage.status).toBe(410);
  expect(usedPage.text).toContain('You have already replied through this link');

  const valid = await replyLinkFor(comment.id);
  expect((await httpRequest('GET', valid.path)).status).toBe(200);

  const badUnsubscribe = await httpRequest('GET', '/unsubscribe/not-a-token');
  expect(badUnsubscribe.status).toBe(404);
  expect(badUnsubscribe.text).toContain('This link is not valid');
  const goodUnsubscribe = await httpRequest(
    'GET',
    `/unsubscribe/${unsubscribeTokenFor({ kind: 'user', id: reader.id, topic: 'replies' })}`,
  );
  expect(goodUnsubscribe.status).toBe(200);
});

test('/healthz says only ok or not; the figures need the metrics token', async () => {
  const health = await httpRequest('GET', '/healthz');
  expect(health.status).toBe(200);
  expect(JSON.parse(health.text)).toEqual({ ok: true, database: 'reachable' });
  expect((await httpRequest('GET', '/metrics')).status).toBe(401);
  expect(
    (await httpRequest('GET', '/metrics', { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status,
  ).toBe(401);
  const metrics = await httpRequest('GET', '/metrics', { headers: { authorization: `Bearer ${e2eMetricsToken}` } });
  expect(metrics.status).toBe(200);
  expect(JSON.parse(metrics.text).pageCache).toHaveProperty('hits');
});

test('the development mailbox refuses to start on a reachable address, saying why', () => {
  const start = (env: Record<string, string>, host = '127.0.0.1') =>
    spawnSync(process.execPath, ['--import', 'tsx', 'server.ts', '--port', '3199', '--hostname', host], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        AUTH_SECRET: 'mailbox-guard-secret-0123456789',
        SMTP_URL: '',
        DATABASE_URL: 'file:./data/never-opened.db',
        ...env,
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
  const publicUrl = start({ DEV_MAILBOX: '1', APP_URL: 'https://news.example' });
  expect(publicUrl.status).toBe(1);
  expect(publicUrl.stderr).toMatch(
    /Refusing to start: .*mailbox.*APP_URL \(https:\/\/news\.example\) is not a loopback address/,
  );
  const everyInterface = start({ DEV_MAILBOX: '1', APP_URL: 'http://localhost:3199' }, '0.0.0.0');
  expect(everyInterface.status).toBe(1);
  expect(everyInterface.stderr).toMatch(/listen on 0\.0\.0\.0/);
});
