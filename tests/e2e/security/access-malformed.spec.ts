// Every action and route handler in the access table gets malformed payloads (wrong types, missing fields, files,
// 1 MB fields, bodies over the limit): never a 5xx, never a change.
import { expect, test } from '@playwright/test';
import { actionEntries as actions, allows, type ActionEntry, type Role } from '../../support/access-table';
import { testDb } from '../../support/db';
import { unsubscribeTokenFor } from '../../support/email-links';
import {
  callActionFetch,
  callActionRaw,
  cookieHeader,
  findAction,
  FormArg,
  httpRequest,
  noJsShapeBody,
  pagePathFor,
  postForm,
  type Fields,
  type HttpResult,
} from '../../support/server-actions';
import { createAccount } from '../../support/factories';
import { createActor, type Actor } from '../../support/sessions';
import { fingerprint, idleState, scenarios, scrapePageForm, type Prepared } from './scenarios';

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
