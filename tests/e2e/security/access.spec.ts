// The access table (lib/access-table.ts) against the running production server:
//   1. the table lists exactly the actions, route methods and pages in the source (and in the build's manifest);
//   2. every action is called directly over HTTP as every role, in the fetch and no-JS shapes, with a payload that
//      would succeed for an allowed caller: the database must change for allowed roles and not at all for others;
//      every route method and page is requested as every role;
//   3. every action and route gets malformed payloads: never a 5xx, never a change.
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  accessTable,
  roles,
  type ActionEntry,
  type PageEntry,
  type Role,
  type RouteEntry,
} from '../../support/access-table';
import { testDb } from '../../support/db';
import { forgedReplyToken, replyLinkFor, unsubscribeTokenFor } from '../../support/email-links';
import {
  actionManifest,
  callActionFetch,
  callActionRaw,
  cookieHeader,
  findAction,
  FormArg,
  httpRequest,
  isInlineExport,
  noJsShapeBody,
  pagePathFor,
  postForm,
  type Fields,
  type HttpResult,
} from '../../support/server-actions';
import { createAccount, createActor, uniqueSuffix, type Actor } from '../../support/sessions';
import { createArticle } from '../fixtures';
import {
  currentRulesFields,
  fingerprint,
  idleState,
  invoke,
  scenarios,
  scrapePageForm,
  withBearerToken,
  type Prepared,
  type Shape,
} from './scenarios';

const actions = accessTable.filter((entry): entry is ActionEntry => entry.kind === 'action');
const routes = accessTable.filter((entry): entry is RouteEntry => entry.kind === 'route');
const pages = accessTable.filter((entry): entry is PageEntry => entry.kind === 'page');
const allows = (entry: { allow: readonly Role[] }, role: Role) => entry.allow.includes(role);

// ── 1. The table is complete ───────────────────────────────────────────────────────────────────────────

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name === 'generated' || name.startsWith('.')) return [];
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.(ts|tsx|js|jsx|mjs)$/.test(name) ? [full] : [];
  });
}
const rel = (file: string) => path.relative(process.cwd(), file).split(path.sep).join('/');
const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/[^\n]*/g, '$1');

/** Exported async functions of `'use server'` files, and inline `'use server'` closures (by enclosing function). */
function actionsInSource() {
  const found: { file: string; exportName: string; inline: boolean }[] = [];
  for (const file of ['app', 'components', 'lib'].flatMap(sourceFiles)) {
    const code = withoutComments(readFileSync(file, 'utf8'));
    if (!/['"]use server['"]/.test(code)) continue;
    if (/^\s*['"]use server['"]/.test(code)) {
      for (const match of code.matchAll(
        /export\s+(?:default\s+)?async\s+function\s+(\w+)|export\s+const\s+(\w+)\s*=\s*async\b/g,
      ))
        found.push({ file: rel(file), exportName: (match[1] ?? match[2])!, inline: false });
      for (const match of code.matchAll(/export\s*\{([^}]*)\}/g))
        for (const part of match[1]!.split(','))
          found.push({
            file: rel(file),
            exportName: part
              .trim()
              .split(/\s+as\s+/)
              .at(-1)!,
            inline: false,
          });
    } else {
      for (const match of code.matchAll(/['"]use server['"]/g)) {
        const before = code.slice(0, match.index);
        const enclosing = [...before.matchAll(/async\s+function\s+(\w+)|(\w+)\s*=\s*async\b/g)].at(-1);
        found.push({ file: rel(file), exportName: enclosing?.[1] ?? enclosing?.[2] ?? '(anonymous)', inline: true });
      }
    }
  }
  return found;
}

const httpMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
function routesInSource() {
  const found: { file: string; method: string }[] = [];
  for (const file of sourceFiles('app').filter((f) => /\/route\.(ts|js)$/.test(f))) {
    const code = withoutComments(readFileSync(file, 'utf8'));
    const names = [
      ...[...code.matchAll(/export\s+(?:async\s+)?function\s+(\w+)|export\s+(?:const|let)\s+(\w+)/g)].map(
        (m) => (m[1] ?? m[2])!,
      ),
      ...[...code.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) =>
        m[1]!.split(',').map((part) =>
          part
            .trim()
            .split(/\s+as\s+/)
            .at(-1)!,
        ),
      ),
    ];
    for (const name of names) if (httpMethods.includes(name)) found.push({ file: rel(file), method: name });
  }
  return found;
}

const pagesInSource = () =>
  sourceFiles('app')
    .filter((f) => /\/page\.(tsx|ts|jsx|js)$/.test(f))
    .map(rel);
const routePath = (file: string) =>
  `/${file
    .replace(/^app\//, '')
    .replace(/\/?(page|route)\.\w+$/, '')
    .split('/')
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .join('/')}`;

test.describe('the access table is complete', () => {
  test('every server action in the source has exactly one row, and every row has an action', () => {
    const inSource = actionsInSource()
      .map((a) => `${a.file}#${a.exportName}${a.inline ? ' (inline)' : ''}`)
      .sort();
    const inTable = actions.map((a) => `${a.file}#${a.exportName}${a.inline ? ' (inline)' : ''}`).sort();
    expect(inSource.length, 'server actions found in the source').toBeGreaterThan(10);
    expect(
      inSource.filter((a) => !inTable.includes(a)),
      'actions without a row in lib/access-table.ts',
    ).toEqual([]);
    expect(
      inTable.filter((a) => !inSource.includes(a)),
      'rows for actions that no longer exist',
    ).toEqual([]);
    expect(new Set(inTable).size, 'duplicate rows').toBe(inTable.length);
  });

  test('every server action in the build has a row (nothing compiled that the scan missed)', () => {
    const unlisted = actionManifest()
      .filter(
        (m) =>
          !actions.some(
            (a) =>
              a.file === m.filename && (a.inline ? isInlineExport(m.exportedName) : a.exportName === m.exportedName),
          ),
      )
      .map((m) => `${m.filename}#${m.exportedName}`);
    expect(unlisted).toEqual([]);
    for (const entry of actions) expect(() => findAction(entry.file, entry.exportName, entry.inline)).not.toThrow();
  });

  test('every route handler method in the source has exactly one row, and every row has a handler', () => {
    const inSource = routesInSource()
      .map((r) => `${r.method} ${r.file}`)
      .sort();
    const inTable = routes.map((r) => `${r.method} ${r.file}`).sort();
    expect(
      inSource.filter((r) => !inTable.includes(r)),
      'route methods without a row',
    ).toEqual([]);
    expect(
      inTable.filter((r) => !inSource.includes(r)),
      'rows for route methods that no longer exist',
    ).toEqual([]);
    for (const route of routes) expect(route.path, route.file).toBe(routePath(route.file));
  });

  test('every page in the source has exactly one row, and every row has a page', () => {
    const inSource = pagesInSource().sort();
    const inTable = pages.map((p) => p.file).sort();
    expect(
      inSource.filter((p) => !inTable.includes(p)),
      'pages without a row',
    ).toEqual([]);
    expect(
      inTable.filter((p) => !inSource.includes(p)),
      'rows for pages that no longer exist',
    ).toEqual([]);
    for (const page of pages) expect(page.path, page.file).toBe(routePath(page.file));
  });

  test('every action has a scenario in scenarios.ts', () => {
    expect(actions.filter((a) => !scenarios[a.exportName]).map((a) => a.exportName)).toEqual([]);
  });
});

// ── 2a. Every action as every role ─────────────────────────────────────────────────────────────────────

async function attempt(entry: ActionEntry, role: Role, shape: Shape) {
  const scenario = scenarios[entry.exportName]!;
  const actor = await createActor(role);
  const prepared = await withBearerToken(actor, await scenario.prepare(actor));
  const before = await fingerprint();
  const response = await invoke(entry, prepared.call, actor, shape);
  return { scenario, prepared, before, response, changed: await prepared.effect(response) };
}

for (const entry of actions) {
  test.describe(`action ${entry.exportName}`, () => {
    for (const role of roles) {
      const allowed = allows(entry, role);
      test(`${role}: ${allowed ? 'allowed' : 'refused'}`, async () => {
        const scenario = scenarios[entry.exportName];
        // Not a skip: an action nobody exercises is a hole in the matrix, so its every case fails.
        expect(scenario, 'no scenario in scenarios.ts (see the completeness test)').toBeDefined();
        const shapes: Shape[] = scenario!.fetchOnly ? ['fetch'] : ['fetch', 'no-js'];
        for (const shape of shapes) {
          const { before, response, changed } = await attempt(entry, role, shape);
          expect(response.status, `${shape} call: HTTP status`).toBeLessThan(500);
          if (allowed) {
            if (!scenario!.inert?.includes(role))
              expect(changed, `${shape} call by ${role} should have taken effect (HTTP ${response.status})`).toBe(true);
          } else {
            expect(changed, `${shape} call by ${role} must change nothing (HTTP ${response.status})`).toBe(false);
            expect(await fingerprint(), `${shape} call by ${role}: nothing else changed either`).toEqual(before);
          }
        }
      });
    }
  });
}

// ── 2b. Every route method as every role ───────────────────────────────────────────────────────────────

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

// ── 2c. Every page as every role ───────────────────────────────────────────────────────────────────────

/** Data some page shows to the roles allowed to see it, and that must not reach anyone else. */
const pageWorld = (() => {
  let world: ReturnType<typeof build> | undefined;
  async function build() {
    const db = await testDb();
    const suffix = uniqueSuffix();
    const article = await createArticle(`pages-${suffix}`);
    const writer = await createAccount('visible');
    const hider = await createAccount('secretive');
    const published = await db.comment.create({
      data: { articleId: article.id, userId: writer.id, body: `Published page marker ${suffix}`, status: 'PUBLISHED' },
    });
    await db.comment.update({ where: { id: published.id }, data: { threadId: published.id } });
    const held = await db.comment.create({
      data: { articleId: article.id, userId: hider.id, body: `Held secret ${suffix}`, status: 'PENDING' },
    });
    await db.comment.update({ where: { id: held.id }, data: { threadId: held.id } });
    const logAction = `sec-walk-${suffix}`;
    await db.moderationEvent.create({
      data: { actorType: 'system', action: logAction, note: `Audit secret ${suffix}` },
    });
    const subject = `Outbox secret ${suffix}`;
    // Dated ahead, so mail the walk sends later never pushes it off the outbox's first page.
    await db.outboxMessage.create({
      data: {
        kind: 'test',
        to: 'nobody@security.example',
        subject,
        text: subject,
        html: subject,
        messageId: `<${suffix}@security.example>`,
        status: 'SENT',
        sentAt: new Date(),
        createdAt: new Date(Date.now() + 3_600_000),
      },
    });
    const link = await replyLinkFor(published.id);
    const unsubscriber = await createAccount('unsub-page');
    return {
      article,
      published: published.body,
      held: held.body,
      heldBy: hider.email,
      logAction,
      auditNote: `Audit secret ${suffix}`,
      subject,
      link,
      forgedReplyPath: `/reply/${published.id}/${forgedReplyToken(published.id, link.authorId)}`,
      unsubscribe: {
        path: `/unsubscribe/${unsubscribeTokenFor({ kind: 'user', id: unsubscriber.id, topic: 'replies' })}`,
        email: unsubscriber.email,
      },
    };
  }
  return () => (world ??= build());
})();

type Probe = { url: string; marker?: string; secret?: string };
const pageProbes: Record<string, (actor: Actor) => Promise<Probe>> = {
  '/': async () => ({ url: '/' }),
  '/policy': async () => ({ url: '/policy', marker: 'Comment policy' }),
  '/transparency': async () => ({ url: '/transparency' }),
  '/sign-in': async () => ({ url: '/sign-in' }),
  '/sign-in/check-email': async () => ({ url: '/sign-in/check-email?email=someone%40security.example' }),
  '/sign-in/error': async () => ({ url: '/sign-in/error?error=Verification' }),
  '/articles/[slug]': async () => {
    const w = await pageWorld();
    return { url: `/articles/${w.article.slug}`, marker: w.published, secret: w.held };
  },
  '/authors/[slug]': async () => ({ url: '/authors/fixture-writer', marker: 'Fixture Writer' }),
  '/welcome': async () => ({ url: '/welcome?next=%2Fpolicy' }),
  '/profile': async (actor) => ({ url: '/profile', marker: actor.user?.email }),
  '/moderate': async () => {
    const w = await pageWorld();
    return { url: `/moderate?queue=pending&author=${encodeURIComponent(w.heldBy)}`, marker: w.held };
  },
  '/moderate/articles': async () => ({ url: '/moderate/articles', marker: (await pageWorld()).article.headline }),
  // The term lists are confidential (the draft check never returns them): the first banned term is the marker.
  '/moderate/rules': async () => ({
    url: '/moderate/rules',
    marker: String((await currentRulesFields()).bannedTerms).split('\n')[0],
  }),
  '/moderate/log': async () => {
    const w = await pageWorld();
    return { url: `/moderate/log?action=${w.logAction}`, marker: w.auditNote };
  },
  '/moderate/outbox': async () => ({ url: '/moderate/outbox?status=SENT', marker: (await pageWorld()).subject }),
  '/dev/mailbox': async () => ({ url: '/dev/mailbox', marker: (await pageWorld()).subject }),
  '/reply/[commentId]/[token]': async (actor) => {
    const w = await pageWorld();
    return { url: actor.role === 'reply-link' ? w.link.path : w.forgedReplyPath, marker: w.published };
  },
  '/unsubscribe/[token]': async () => {
    const w = await pageWorld();
    return { url: w.unsubscribe.path, marker: w.unsubscribe.email };
  },
};

for (const entry of pages) {
  test.describe(`page ${entry.path}`, () => {
    for (const role of roles) {
      const allowed = allows(entry, role);
      test(`${role}: ${allowed ? 'allowed' : `refused (${entry.denied})`}`, async () => {
        const probe = pageProbes[entry.path];
        expect(probe, 'a probe in pageProbes').toBeTruthy();
        const actor = await createActor(role);
        const { url, marker, secret } = await probe!(actor);
        const response = await httpRequest('GET', url, { headers: cookieHeader(actor.sessionToken) });
        const location = String(response.headers.location ?? '');
        expect(response.status, `GET ${url}`).toBeLessThan(500);
        if (secret) expect(response.text, 'data no role may see here').not.toContain(secret);
        if (allowed) {
          // A page may send an allowed visitor on (the welcome page, once named), never to sign in.
          if (response.status >= 300 && response.status < 400) expect(location).not.toContain('/sign-in');
          else {
            expect(response.status).toBe(200);
            if (marker) expect(response.text).toContain(marker);
          }
          return;
        }
        if (marker) expect(response.text, 'no data for a refused visitor').not.toContain(marker);
        if (entry.denied === 'not-found') expect(response.status).toBe(404);
        if (entry.denied === 'sign-in') {
          expect([303, 307, 308]).toContain(response.status);
          expect(location).toContain('/sign-in');
        }
        if (entry.denied === 'invalid-link') {
          // The friendly page, with an honest status: 404 for a link that never worked, 410 for a used or expired one.
          expect([404, 410]).toContain(response.status);
          expect(response.text).toMatch(/cannot be used|not valid/);
        }
      });
    }
  });
}

// ── 3. Malformed payloads ──────────────────────────────────────────────────────────────────────────────

const megabyte = 'x'.repeat(1_000_000);
const overLimit = 'y'.repeat(1_200_000);
const numericGarbage = ['NaN', '-1', '1.5', '1e309', 'abc'];

/** The most privileged role allowed to call the action, so the payload is refused by validation, not by a role check. */
const strongestCaller = (entry: ActionEntry): Role => (allows(entry, 'admin') ? 'admin' : entry.allow[0]!);

type Variant = {
  name: string;
  send: (ctx: { actor: Actor; prepared: Prepared; id: string; path: string }) => Promise<HttpResult>;
  expectStatus?: number;
};

function variantsFor(entry: ActionEntry, prepared: Prepared): Variant[] {
  const scenario = scenarios[entry.exportName]!;
  const call = prepared.call;
  const session = (actor: Actor) => ({ sessionToken: actor.sessionToken });
  const variants: Variant[] = [];

  if (call.shape === 'value') {
    for (const [name, args] of [
      ['a number', [42]],
      ['an object', [{ body: 'SHOUTING TEXT' }]],
      ['null', [null]],
      ['no arguments', []],
      ['a 1 MB string', [megabyte]],
    ] as const)
      variants.push({
        name,
        send: ({ actor, id, path }) => callActionFetch(id, [...args], { path, ...session(actor) }),
      });
    variants.push({
      name: 'a body over the size limit',
      expectStatus: 413,
      send: ({ actor, id, path }) => callActionFetch(id, [overLimit], { path, ...session(actor) }),
    });
    return variants;
  }

  if (call.shape === 'page-form') {
    const scraped = (actor: Actor) => scrapePageForm(call.page, actor);
    variants.push(
      {
        name: 'form replaced by a string',
        send: async ({ actor }) => {
          const s = await scraped(actor);
          return callActionFetch(s.id, [...s.bound, 'subscribe=1'], { path: call.page, ...session(actor) });
        },
      },
      {
        name: 'form replaced by null',
        send: async ({ actor }) => {
          const s = await scraped(actor);
          return callActionFetch(s.id, [...s.bound, null], { path: call.page, ...session(actor) });
        },
      },
      {
        name: 'a body over the size limit',
        expectStatus: 413,
        send: async ({ actor }) => {
          const s = await scraped(actor);
          return callActionFetch(s.id, [...s.bound, new FormArg({ subscribe: overLimit })], {
            path: call.page,
            ...session(actor),
          });
        },
      },
    );
    return variants;
  }

  const { fields, stateful } = call;
  const argsFor = (form: unknown) => (stateful ? [idleState, form] : [form]);
  const send =
    (changed: Fields) =>
    ({ actor, id, path }: { actor: Actor; id: string; path: string }) =>
      callActionFetch(id, argsFor(new FormArg(changed)), { path, ...session(actor) });
  const without = (names: string[]) =>
    Object.fromEntries(Object.entries(fields).filter(([name]) => !names.includes(name)));
  const required = scenario.required ?? [];

  if (required.length) {
    variants.push({ name: 'no fields at all', send: send({}) });
    variants.push({
      name: 'no fields (no-JS form)',
      send: ({ actor, id, path }) =>
        postForm(noJsShapeBody(id, {}, stateful ? idleState : undefined), { path, ...session(actor) }),
    });
  }
  for (const name of required) {
    variants.push({ name: `without ${name}`, send: send(without([name])) });
    variants.push({
      name: `${name} as a file upload`,
      send: send({ ...without([name]), [name]: new Blob([String(fields[name] ?? 'x')]) }),
    });
  }
  for (const name of Object.keys(fields)) {
    if (scenario.lenient?.includes(name)) continue;
    variants.push({ name: `${name} of 1 MB`, send: send({ ...fields, [name]: megabyte }) });
  }
  for (const name of scenario.numeric ?? [])
    for (const value of numericGarbage)
      variants.push({ name: `${name} = ${value}`, send: send({ ...fields, [name]: value }) });
  variants.push({
    name: 'a body over the size limit',
    expectStatus: 413,
    send: send({ ...fields, padding: overLimit }),
  });
  for (const [name, replacement] of [
    ['form replaced by a string', 'commentId=1&body=hello'],
    ['form replaced by a number', 7],
    ['form replaced by null', null],
    [
      'form replaced by a plain object',
      Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v : String(v)])),
    ],
  ] as const)
    variants.push({
      name,
      send: ({ actor, id, path }) => callActionFetch(id, argsFor(replacement), { path, ...session(actor) }),
    });
  variants.push({
    name: 'no arguments',
    send: ({ actor, id, path }) => callActionFetch(id, [], { path, ...session(actor) }),
  });
  variants.push({
    name: 'arguments that are not a list',
    send: ({ actor, id, path }) =>
      callActionRaw(id, '{"0":1}', 'text/plain;charset=UTF-8', { path, ...session(actor) }),
  });
  if (stateful)
    variants.push({
      name: 'form in the previous-state position',
      send: ({ actor, id, path }) => callActionFetch(id, [new FormArg(fields)], { path, ...session(actor) }),
    });
  return variants;
}

test.describe('malformed payloads', () => {
  for (const entry of actions) {
    test(`action ${entry.exportName}: refused without a 5xx or a change`, async () => {
      const scenario = scenarios[entry.exportName];
      expect(scenario, 'no scenario in scenarios.ts (see the completeness test)').toBeDefined();
      const role = strongestCaller(entry);
      const action = entry.inline ? null : findAction(entry.file, entry.exportName);
      const probe = await scenario!.prepare(await createActor(role));
      const failures: string[] = [];
      for (const variant of variantsFor(entry, probe)) {
        const actor = await createActor(role);
        const prepared = await scenario!.prepare(actor);
        const before = await fingerprint();
        const response = await variant.send({
          actor,
          prepared,
          id: action?.id ?? '',
          path: action ? pagePathFor(action) : '/',
        });
        const changed = await prepared.effect(response);
        const after = await fingerprint();
        if (response.status >= 500) failures.push(`${variant.name}: HTTP ${response.status}`);
        if (variant.expectStatus && response.status !== variant.expectStatus)
          failures.push(`${variant.name}: HTTP ${response.status}, expected ${variant.expectStatus}`);
        if (changed && !scenario!.inputless) failures.push(`${variant.name}: took effect`);
        const moved = Object.keys(before).filter((key) => before[key] !== after[key]);
        if (moved.length) failures.push(`${variant.name}: changed ${moved.join(', ')}`);
      }
      expect(failures).toEqual([]);
    });
  }

  test('route handlers refuse bad input with a 4xx (next-auth: a 3xx to its error page)', async () => {
    const moderator = await createActor('moderator');
    const target = await createAccount('bad-token');
    const realToken = unsubscribeTokenFor({ kind: 'user', id: target.id, topic: 'replies' });
    const [body, signature] = realToken.split('.');
    const checks: { name: string; request: () => Promise<HttpResult>; expect: (status: number) => boolean }[] = [
      ...[
        ['garbage', 'abc'],
        ['three parts', `${body}.${signature}.x`],
        ['bad signature', `${body}.${signature!.slice(0, -2)}AA`],
        ['signed for another kind', unsubscribeTokenFor({ kind: 'robot' as 'user', id: target.id, topic: 'replies' })],
        ['signed for an unknown topic', unsubscribeTokenFor({ kind: 'user', id: target.id, topic: 'everything' })],
        ['signed for nobody', unsubscribeTokenFor({ kind: 'user', id: 'no-such-user', topic: 'replies' })],
        ['percent-encoded NUL', '%00'],
        ['8 KB long', 'a'.repeat(8000)],
      ].map(([name, token]) => ({
        name: `unsubscribe: ${name}`,
        request: () =>
          httpRequest('POST', `/api/unsubscribe/${token}`, {
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: 'List-Unsubscribe=One-Click',
          }),
        expect: (status: number) => status >= 400 && status < 500,
      })),
      {
        name: 'unsubscribe: GET',
        request: () => httpRequest('GET', `/api/unsubscribe/${realToken}`),
        expect: (s) => s === 405,
      },
      {
        name: 'counts: POST',
        request: () =>
          httpRequest('POST', '/api/moderation/counts', { headers: cookieHeader(moderator.sessionToken), body: '{}' }),
        expect: (s) => s === 405,
      },
      {
        name: 'counts: filters that are not ids',
        request: () =>
          httpRequest('GET', `/api/moderation/counts?article=${'z'.repeat(5000)}&authorId=%00%FF&article=2`, {
            headers: cookieHeader(moderator.sessionToken),
          }),
        expect: (s) => s === 400,
      },
      {
        name: 'next-auth: unknown action',
        request: () => httpRequest('GET', '/api/auth/nothing-here'),
        expect: (s) => s >= 400 && s < 500,
      },
      {
        name: 'next-auth: PUT',
        request: () => httpRequest('PUT', '/api/auth/session', { body: '{}' }),
        expect: (s) => s >= 400 && s < 500,
      },
      {
        name: 'next-auth: junk session POST',
        request: () =>
          httpRequest('POST', '/api/auth/session', {
            headers: { 'content-type': 'application/json' },
            body: '{"csrfToken":',
          }),
        expect: (s) => s >= 300 && s < 500,
      },
      {
        name: 'next-auth: forged email callback',
        request: () =>
          httpRequest(
            'GET',
            `/api/auth/callback/email?token=${'f'.repeat(64)}&email=${encodeURIComponent(target.email)}`,
          ),
        expect: (s) => s >= 300 && s < 500,
      },
      {
        name: 'next-auth: sign-out without CSRF token',
        request: () =>
          httpRequest('POST', '/api/auth/signout', {
            headers: { 'content-type': 'application/x-www-form-urlencoded', ...cookieHeader(moderator.sessionToken) },
            body: 'csrfToken=nope',
          }),
        expect: (s) => s >= 300 && s < 500,
      },
      {
        name: 'next-auth: sign-in POST with junk',
        request: () =>
          httpRequest('POST', '/api/auth/signin/email', {
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: `email=${megabyte.slice(0, 100_000)}`,
          }),
        expect: (s) => s >= 300 && s < 500,
      },
    ];
    const failures: string[] = [];
    for (const check of checks) {
      const response = await check.request();
      if (!check.expect(response.status)) failures.push(`${check.name}: HTTP ${response.status}`);
    }
    expect(failures).toEqual([]);
    expect((await (await testDb()).user.findUniqueOrThrow({ where: { id: target.id } })).notifyReplies).toBe(true);
    expect(await (await testDb()).session.count({ where: { sessionToken: moderator.sessionToken } })).toBe(1);
  });

  test('an unknown action id is refused with a 4xx', async () => {
    const response = await callActionFetch('0'.repeat(42), [idleState, new FormArg({})], { path: '/policy' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});

// ── Beyond roles: ownership, the reply link's limits, cross-site calls ─────────────────────────────────

const byName = (name: string) => actions.find((a) => a.exportName === name)!;
async function callForm(name: string, actor: Actor, fields: Fields, options: { origin?: string } = {}) {
  const entry = byName(name);
  const action = findAction(entry.file, entry.exportName);
  return callActionFetch(action.id, [idleState, new FormArg(fields)], {
    path: pagePathFor(action),
    sessionToken: actor.sessionToken,
    ...options,
  });
}
async function callPlain(name: string, actor: Actor, fields: Fields) {
  const entry = byName(name);
  const action = findAction(entry.file, entry.exportName);
  return callActionFetch(action.id, [new FormArg(fields)], {
    path: pagePathFor(action),
    sessionToken: actor.sessionToken,
  });
}

test.describe('beyond roles', () => {
  test("readers cannot edit, delete or appeal someone else's comment; moderators can delete it", async () => {
    const db = await testDb();
    const article = await createArticle('ownership');
    const owner = await createAccount('owner');
    const intruder = await createActor('reader');
    const moderator = await createActor('moderator');
    const published = await db.comment.create({
      data: { articleId: article.id, userId: owner.id, body: 'Mine, and only mine.', status: 'PUBLISHED' },
    });
    const rejected = await db.comment.create({
      data: {
        articleId: article.id,
        userId: owner.id,
        body: 'Mine, rejected.',
        status: 'REJECTED',
        rejectClause: 'civility',
      },
    });
    await callForm('editCommentAction', intruder, { commentId: published.id, body: 'Rewritten by someone else.' });
    await callPlain('deleteCommentAction', intruder, { commentId: published.id });
    await callForm('appealAction', intruder, { commentId: rejected.id, statement: 'Appealing for someone else.' });
    expect(await db.comment.findUniqueOrThrow({ where: { id: published.id } })).toMatchObject({
      body: 'Mine, and only mine.',
      status: 'PUBLISHED',
    });
    expect(await db.appeal.count({ where: { commentId: rejected.id } })).toBe(0);
    await callPlain('deleteCommentAction', moderator, { commentId: published.id });
    expect((await db.comment.findUniqueOrThrow({ where: { id: published.id } })).status).toBe('DELETED');
  });

  test('moderators cannot act on staff accounts, nor decide the appeal of their own decision', async () => {
    const db = await testDb();
    const moderator = await createActor('moderator');
    const admin = await createAccount('admin', { role: 'ADMIN' });
    const colleague = await createAccount('colleague', { role: 'MODERATOR' });
    for (const target of [admin, colleague])
      await callForm('userMeasureAction', moderator, { userId: target.id, measure: 'ban' });
    await callForm('userMeasureAction', moderator, { userId: moderator.user!.id, measure: 'ban' });
    expect(
      await db.user.count({
        where: { id: { in: [admin.id, colleague.id, moderator.user!.id] }, bannedAt: { not: null } },
      }),
    ).toBe(0);

    const author = await createAccount('appellant');
    const article = await createArticle('own-decision');
    const comment = await db.comment.create({
      data: {
        articleId: article.id,
        userId: author.id,
        body: 'Rejected by this moderator.',
        status: 'REJECTED',
        rejectClause: 'civility',
        decidedById: moderator.user!.id,
      },
    });
    const appeal = await db.appeal.create({
      data: { commentId: comment.id, userId: author.id, statement: 'Please reconsider.' },
    });
    await callForm('decideAppealAction', moderator, { appealId: appeal.id, outcome: 'reinstate' });
    expect((await db.appeal.findUniqueOrThrow({ where: { id: appeal.id } })).status).toBe('OPEN');
  });

  test('staff cannot decide their own comments: no approving, rejecting or featuring them, no deciding their appeals', async () => {
    const db = await testDb();
    const article = await createArticle('own-comment');
    for (const role of ['moderator', 'admin'] as const) {
      const staff = await createActor(role);
      const colleague = await createAccount('colleague', { role: 'MODERATOR' });
      const held = await db.comment.create({
        data: {
          articleId: article.id,
          userId: staff.user!.id,
          body: `My own held comment (${role}).`,
          status: 'PENDING',
        },
      });
      await callForm('decideAction', staff, { commentId: held.id, version: '0', decision: 'approve' });
      await callForm('bulkDecideAction', staff, { selected: [`${held.id}:0`], decision: 'approve' });
      expect((await db.comment.findUniqueOrThrow({ where: { id: held.id } })).status).toBe('PENDING');
      const published = await db.comment.create({
        data: {
          articleId: article.id,
          userId: staff.user!.id,
          body: `My own published comment (${role}).`,
          status: 'PUBLISHED',
        },
      });
      await callForm('decideAction', staff, { commentId: published.id, version: '0', decision: 'feature' });
      expect((await db.comment.findUniqueOrThrow({ where: { id: published.id } })).featured).toBe(false);

      // Their own rejected comment, rejected by a colleague and appealed: they cannot decide the appeal either.
      const rejected = await db.comment.create({
        data: {
          articleId: article.id,
          userId: staff.user!.id,
          body: `My own rejected comment (${role}).`,
          status: 'REJECTED',
          rejectClause: 'civility',
          decidedById: colleague.id,
        },
      });
      const appeal = await db.appeal.create({
        data: { commentId: rejected.id, userId: staff.user!.id, statement: 'I should not judge this myself.' },
      });
      await callForm('decideAppealAction', staff, { appealId: appeal.id, outcome: 'reinstate' });
      expect((await db.appeal.findUniqueOrThrow({ where: { id: appeal.id } })).status).toBe('OPEN');
      expect((await db.comment.findUniqueOrThrow({ where: { id: rejected.id } })).status).toBe('REJECTED');
      // Someone else's comment, the same calls: they land (so the refusals above are about ownership).
      const other = await db.comment.create({
        data: {
          articleId: article.id,
          userId: colleague.id,
          body: `A colleague's held comment (${role}).`,
          status: 'PENDING',
        },
      });
      await callForm('decideAction', staff, { commentId: other.id, version: '0', decision: 'approve' });
      expect((await db.comment.findUniqueOrThrow({ where: { id: other.id } })).status).toBe('PUBLISHED');
    }
  });

  test('a reply link posts one reply, to its own comment only, and not after it expires', async () => {
    const db = await testDb();
    const article = await createArticle('reply-limits');
    const reader = await createAccount('asker');
    const make = async (body: string) => {
      const c = await db.comment.create({
        data: { articleId: article.id, userId: reader.id, body, status: 'PUBLISHED' },
      });
      return db.comment.update({ where: { id: c.id }, data: { threadId: c.id } });
    };
    const [first, second, third] = [
      await make('First question?'),
      await make('Second question?'),
      await make('Third question?'),
    ];
    const bearer = await createActor('reply-link');
    const link = await replyLinkFor(first.id);
    const replies = async (parentId: string) =>
      db.comment.count({ where: { parentId, authorProfileId: { not: null } } });

    // The link for the first comment, presented for the second: refused.
    await callForm('postAuthorReplyAction', bearer, {
      commentId: second.id,
      token: link.token,
      body: 'Answering the wrong comment.',
    });
    expect(await replies(second.id)).toBe(0);
    // Used as intended: one reply, then never again.
    await callForm('postAuthorReplyAction', bearer, {
      commentId: first.id,
      token: link.token,
      body: 'The one answer.',
    });
    await callForm('postAuthorReplyAction', bearer, {
      commentId: first.id,
      token: link.token,
      body: 'A second answer.',
    });
    expect(await replies(first.id)).toBe(1);
    // Expired: refused, even though the signature is good.
    const expired = await replyLinkFor(third.id, { expiresAt: new Date(Date.now() - 1000) });
    await callForm('postAuthorReplyAction', bearer, { commentId: third.id, token: expired.token, body: 'Too late.' });
    expect(await replies(third.id)).toBe(0);
    // The link's page shows its own comment only.
    const page = await httpRequest('GET', `/reply/${second.id}/${link.token}`);
    expect(page.text).not.toContain('Second question?');
  });

  test('a cross-site call with a valid session is refused', async () => {
    const db = await testDb();
    const moderator = await createActor('moderator');
    const article = await createArticle('csrf');
    const held = await db.comment.create({
      data: {
        articleId: article.id,
        userId: (await createAccount('held')).id,
        body: 'Held for review.',
        status: 'PENDING',
      },
    });
    const response = await callForm(
      'decideAction',
      moderator,
      { commentId: held.id, version: '0', decision: 'approve' },
      { origin: 'https://evil.example' },
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect((await db.comment.findUniqueOrThrow({ where: { id: held.id } })).status).toBe('PENDING');
  });
});
