// Every route handler method in the access table, requested as every role; and the streams server.ts answers itself.
import { expect, test } from '@playwright/test';
import http from 'node:http';
import { allows, roles, routeEntries as routes, streamEntries as streams } from '../../support/access-table';
import { createArticle } from '../../support/factories';
import { testDb } from '../../support/db';
import { unsubscribeTokenFor } from '../../support/email-links';
import { baseURL, cookieHeader, httpRequest } from '../../support/server-actions';
import { createAccount } from '../../support/factories';
import { createActor, type Actor } from '../../support/sessions';

async function csrf(actor: Actor) {
  const response = await httpRequest('GET', '/api/auth/csrf', { headers: cookieHeader(actor.sessionToken) });
  const cookie = [response.headers['set-cookie'] ?? []]
    .flat()
    .find((c) => c.startsWith('next-auth.csrf-token='))!
    .split(';')[0]!;
  return { token: (JSON.parse(response.text) as { csrfToken: string }).csrfToken, cookie };
}

const routeChecks: Record<string, (actor: Actor, allowed: boolean) => Promise<void>> = {
  'GET /api/auth/[...nextauth]': async (actor) => {
    const response = await httpRequest('GET', '/api/auth/session', { headers: cookieHeader(actor.sessionToken) });
    expect(response.status).toBe(200);
    const session = JSON.parse(response.text) as { user?: { email?: string } };
    expect(session.user?.email).toBe(actor.user?.email);
  },
  'POST /api/auth/[...nextauth]': async (actor) => {
    const { token, cookie } = await csrf(actor);
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: [cookie, cookieHeader(actor.sessionToken).cookie].filter(Boolean).join('; '),
    };
    const response = await httpRequest('POST', '/api/auth/signout', {
      headers,
      body: new URLSearchParams({ csrfToken: token, callbackUrl: '/' }).toString(),
    });
    expect(response.status).toBe(302);
    if (actor.sessionToken)
      expect(await (await testDb()).session.count({ where: { sessionToken: actor.sessionToken } })).toBe(0);
  },
  'GET /api/account/data': async (actor, allowed) => {
    const response = await httpRequest('GET', '/api/account/data', { headers: cookieHeader(actor.sessionToken) });
    expect(response.headers['cache-control']).toContain('no-store');
    if (!allowed) {
      expect(response.status).toBe(401);
      expect(response.text).not.toContain('@');
      return;
    }
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="the-ledger-my-data-/);
    const data = JSON.parse(response.text) as { account: { id: string; email: string } };
    expect(data.account).toMatchObject({ id: actor.user!.id, email: actor.user!.email });
  },
  'GET /api/comments/[id]/status': async (actor, allowed) => {
    // Someone else's held comment is never answered; the caller's own is.
    const db = await testDb();
    const article = await db.article.findFirstOrThrow({ select: { id: true } });
    const stranger = await createAccount('status-stranger');
    const theirs = await db.comment.create({
      data: { articleId: article.id, userId: stranger.id, body: 'Held, not yours', status: 'PENDING' },
    });
    const other = await httpRequest('GET', `/api/comments/${theirs.id}/status`, {
      headers: cookieHeader(actor.sessionToken),
    });
    expect(other.status).toBe(404);
    expect(other.text).not.toContain('PENDING');
    if (!allowed) return;
    const own = await db.comment.create({
      data: { articleId: article.id, userId: actor.user!.id, body: 'Held, yours', status: 'PENDING' },
    });
    const response = await httpRequest('GET', `/api/comments/${own.id}/status`, {
      headers: cookieHeader(actor.sessionToken),
    });
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toContain('no-store');
    expect(JSON.parse(response.text)).toEqual({ status: 'PENDING' });
  },
  'GET /moderate/log/csv': async (actor, allowed) => {
    const response = await httpRequest('GET', '/moderate/log/csv?action=reject', {
      headers: cookieHeader(actor.sessionToken),
    });
    expect(response.headers['cache-control']).toContain('no-store');
    if (!allowed) {
      expect(response.status).toBe(404);
      expect(response.text).not.toContain('time_utc');
      return;
    }
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.text.split('\r\n')[0]).toBe(
      '\uFEFFtime_utc,actor_type,actor,action,from,to,clauses,comment_id,story,note',
    );
  },
  'GET /api/moderation/counts': async (actor, allowed) => {
    const response = await httpRequest('GET', '/api/moderation/counts', { headers: cookieHeader(actor.sessionToken) });
    if (allowed) {
      expect(response.status).toBe(200);
      expect(Object.keys(JSON.parse(response.text) as object).sort()).toEqual([
        'appeals',
        'approved',
        'pending',
        'rejected',
        'reported',
        'unmoderated',
      ]);
    } else {
      expect(response.status).toBe(404);
      expect(response.text).not.toContain('pending');
    }
  },
  'POST /api/unsubscribe/[token]': async (actor) => {
    const target = await createAccount('one-click');
    const token = unsubscribeTokenFor({ kind: 'user', id: target.id, topic: 'moderation' });
    const response = await httpRequest('POST', `/api/unsubscribe/${token}`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...cookieHeader(actor.sessionToken) },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(200);
    expect((await (await testDb()).user.findUniqueOrThrow({ where: { id: target.id } })).notifyModeration).toBe(false);
  },
};

for (const entry of routes) {
  test.describe(`route ${entry.method} ${entry.path}`, () => {
    for (const role of roles) {
      const allowed = allows(entry, role);
      test(`${role}: ${allowed ? 'allowed' : 'refused'}`, async () => {
        const check = routeChecks[`${entry.method} ${entry.path}`];
        expect(check, 'a check in routeChecks').toBeTruthy();
        await check!(await createActor(role), allowed);
      });
    }
  });
}

/** Opens a stream, reads its status and first bytes, and hangs up (a stream that is granted never ends). */
function openStream(path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
    const request = http.get(`${baseURL}${path}`, { headers }, (response) => {
      response.setEncoding('utf8');
      response.once('data', (chunk: string) => {
        resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), text: chunk });
        request.destroy();
      });
    });
    request.on('error', reject);
    request.setTimeout(15_000, () => request.destroy(new Error(`no answer from ${path}`)));
  });
}

const streamChecks: Record<string, (actor: Actor, allowed: boolean) => Promise<void>> = {
  'GET /live/articles/[slug]': async (actor) => {
    const article = await createArticle('stream-access');
    const stream = await openStream(`/live/articles/${article.slug}`, cookieHeader(actor.sessionToken));
    expect(stream.status).toBe(200);
    expect(stream.type).toMatch(/^text\/event-stream/);
  },
  'GET /live/moderation': async (actor, allowed) => {
    const stream = await openStream(
      `/live/moderation?queue=pending&since=${Date.now()}`,
      cookieHeader(actor.sessionToken),
    );
    if (!allowed) {
      // No session at all: 401; any account that is not staff: 403. Nothing about the queues either way.
      expect(stream.status).toBe(actor.sessionToken ? 403 : 401);
      expect(stream.text).not.toContain('pending');
      return;
    }
    expect(stream.status).toBe(200);
    expect(stream.type).toMatch(/^text\/event-stream/);
  },
};

for (const entry of streams) {
  test.describe(`stream ${entry.method} ${entry.path}`, () => {
    for (const role of roles) {
      const allowed = allows(entry, role);
      test(`${role}: ${allowed ? 'allowed' : 'refused'}`, async () => {
        const check = streamChecks[`${entry.method} ${entry.path}`];
        expect(check, 'a check in streamChecks').toBeTruthy();
        await check!(await createActor(role), allowed);
      });
    }
  });
}
