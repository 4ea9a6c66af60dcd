// Unicode abuse: bidi overrides, zero-width characters, combining-mark stacks, lone surrogates, NUL bytes and
// 100,000-character texts, sent straight to the actions and typed into the forms. Each one must get a clear
// validation error or be stored well-formed and render safely — never a 5xx.
import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { testDb } from '../../support/db';
import {
  actionResult,
  baseURL,
  callActionFetch,
  callActionRaw,
  findAction,
  FormArg,
  pagePathFor,
  type HttpResult,
} from '../../support/server-actions';
import { createAccount, createArticle, createTrustedReader, uniqueSuffix } from '../../support/factories';
import { openSession } from '../../support/sessions';
import { idleState } from './scenarios';

type State = { status: string; message?: string; fieldErrors?: Record<string, string[] | undefined> };
const action = (file: string, name: string) => {
  const entry = findAction(file, name);
  return { id: entry.id, path: pagePathFor(entry) };
};
const postComment = action('app/(reader)/articles/[slug]/actions.ts', 'postCommentAction');
const checkDraft = action('app/(reader)/articles/[slug]/actions.ts', 'checkDraftAction');
const reportComment = action('app/(reader)/articles/[slug]/actions.ts', 'reportCommentAction');
const chooseDisplayName = action('app/(account)/actions.ts', 'chooseDisplayNameAction');
const appeal = action('app/(account)/actions.ts', 'appealAction');

const combining = (base: string, count: number) =>
  base + Array.from({ length: count }, (_, i) => String.fromCharCode(0x0300 + (i % 0x70))).join('');

/** The answer is a 2xx with either a validation error the reader can act on, or success. */
function outcome(response: HttpResult): State {
  expect(response.status, response.text.slice(0, 200)).toBeLessThan(500);
  if (response.headers['x-action-redirect']) return { status: 'redirect' };
  const state = actionResult(response.text) as State | undefined;
  expect(
    state,
    `an answer from the action: HTTP ${response.status} ${JSON.stringify(response.text.slice(0, 300))}`,
  ).toBeTruthy();
  if (state!.status === 'invalid')
    expect(
      state!.message ||
        Object.values(state!.fieldErrors ?? {})
          .flat()
          .join(''),
      'a clear error',
    ).toBeTruthy();
  return state!;
}

const commentCases: { name: string; body: string; refused?: RegExp }[] = [
  { name: 'right-to-left override, closed', body: 'The price is \u202E0021$\u202C today.' },
  { name: 'right-to-left override, never closed', body: 'Download invoice\u202Efdp.exe and more words after it' },
  { name: 'isolates and marks', body: '\u2067\u05E9\u05DC\u05D5\u05DD\u2069 and \u200Fmarks\u200E in text' },
  { name: 'zero-width characters inside words', body: 'zero\u200Bwidth\u200Cnon\u200Djoiner\u2060words\uFEFF here' },
  { name: 'only zero-width characters', body: '\u200B\u200C\u200D\u2060', refused: /at least 2 visible characters/ },
  { name: 'a few stacked combining marks', body: combining('Zalgo', 20) },
  {
    name: 'a combining-mark stack wider than the page',
    body: combining('Zalgo', 1500),
    refused: /stacked accent marks/,
  },
  { name: 'a NUL byte', body: 'nul\u0000byte in the middle', refused: /control characters/ },
  { name: 'other control characters', body: 'bell\u0007 and escape\u001B[31m red', refused: /control characters/ },
  { name: '100,000 characters', body: 'long '.repeat(20_000), refused: /under 2,000/ },
  { name: '100,000 combining marks', body: combining('a', 100_000), refused: /under 2,000/ },
];

test.describe('unicode abuse, sent straight to the actions', () => {
  test('comment bodies: a clear error, or stored well-formed and rendered as text', async ({ page }) => {
    const db = await testDb();
    const article = await createArticle('unicode');
    const stored: string[] = [];
    const failures: string[] = [];
    for (const item of commentCases) {
      // A reader each: the flood rule allows five comments a minute per account.
      const reader = await createTrustedReader('Unicode');
      const sessionToken = await openSession(reader.id);
      const response = await callActionFetch(
        postComment.id,
        [idleState, new FormArg({ articleId: article.id, body: item.body, idempotencyKey: randomUUID() })],
        { path: postComment.path, sessionToken },
      );
      const state = outcome(response);
      const rows = await db.comment.findMany({
        where: { articleId: article.id, userId: reader.id },
        select: { id: true, body: true },
      });
      if (item.refused) {
        if (state.status !== 'invalid' || !item.refused.test(JSON.stringify(state)))
          failures.push(
            `${item.name}: expected an error matching ${item.refused}, got ${JSON.stringify(state).slice(0, 200)}`,
          );
        if (rows.length) failures.push(`${item.name}: stored although refused`);
      } else if (state.status !== 'done') {
        // Not expected to be refused: an error here is a reader wrongly turned away, not a pass.
        failures.push(`${item.name}: expected to be accepted, got ${JSON.stringify(state).slice(0, 200)}`);
      } else {
        if (rows.length !== 1 || !rows[0]!.body.isWellFormed() || /\u0000/.test(rows[0]!.body))
          failures.push(`${item.name}: not stored as sent`);
        else stored.push(rows[0]!.id);
      }
    }
    expect(failures).toEqual([]);

    // Published, they render as text; nothing leaks out of its comment, and the page keeps its width.
    await db.comment.updateMany({ where: { id: { in: stored } }, data: { status: 'PUBLISHED' } });
    const response = await page.goto(`/articles/${article.slug}`);
    expect(response?.status()).toBe(200);
    for (const id of stored) await expect(page.locator(`#comment-${id} .comment__body`)).toHaveCount(1);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1),
    ).toBe(true);
  });

  test('lone surrogates: raw invalid UTF-8 in a form, and an escaped surrogate in a JSON argument', async () => {
    const db = await testDb();
    const article = await createArticle('surrogates');
    const reader = await createTrustedReader('Surrogate');
    const sessionToken = await openSession(reader.id);
    // A multipart body whose comment field holds the CESU-8 bytes of U+D800 (invalid UTF-8).
    const boundary = `----security${uniqueSuffix()}`;
    const part = (name: string, value: Buffer | string) =>
      Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`),
        Buffer.from(value),
        Buffer.from('\r\n'),
      ]);
    const body = Buffer.concat([
      part('_1_articleId', article.id),
      part('_1_idempotencyKey', randomUUID()),
      part(
        '_1_body',
        Buffer.concat([
          Buffer.from('broken '),
          Buffer.from([0xed, 0xa0, 0x80]),
          Buffer.from(' surrogate and a lone \udc00 one'),
        ]),
      ),
      part('0', JSON.stringify([idleState, '$K1'])),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    const state = outcome(
      await callActionRaw(postComment.id, body, `multipart/form-data; boundary=${boundary}`, {
        path: postComment.path,
        sessionToken,
      }),
    );
    const rows = await db.comment.findMany({ where: { articleId: article.id }, select: { body: true } });
    if (state.status === 'done') expect(rows.map((r) => r.body.isWellFormed())).toEqual([true]);
    else expect(rows).toEqual([]);

    // JSON escapes do reach the server as lone surrogates: the draft check must not fail on them.
    for (const draft of ['"a\\ud800b"', '"\\udfff"', '"\\ud83d"']) {
      const response = await callActionRaw(checkDraft.id, `[${draft}]`, 'text/plain;charset=UTF-8', {
        path: checkDraft.path,
        sessionToken,
      });
      expect(response.status).toBeLessThan(500);
      expect(Array.isArray(actionResult(response.text))).toBe(true);
    }
  });

  test('display names refuse bidi, invisible, combining, control and oversized input', async () => {
    const db = await testDb();
    for (const displayName of [
      'Admin\u202Enimda',
      'Mod\u200Berator',
      'Zero\uFEFFWidth',
      combining('Zalgo', 40),
      'Nul\u0000Name',
      'x'.repeat(100_000),
      '\u2067Isolated\u2069',
    ]) {
      const user = await createAccount('unnamed', { named: false });
      const state = outcome(
        await callActionFetch(chooseDisplayName.id, [idleState, new FormArg({ displayName, next: '/' })], {
          path: chooseDisplayName.path,
          sessionToken: await openSession(user.id),
        }),
      );
      const stored = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).displayName;
      // Refused with a field error, or (a BOM reads as a space) stored clean: letters, digits, spaces, . _ ' -.
      if (state.status === 'invalid') {
        expect(state.fieldErrors?.displayName?.length).toBeGreaterThan(0);
        expect(stored).toBeNull();
      } else expect(stored, JSON.stringify(displayName.slice(0, 20))).toMatch(/^[\p{L}\p{N}][\p{L}\p{N} ._'-]*$/u);
    }
  });

  test('report notes and appeal statements refuse NUL and oversized input, and keep bidi text inside its card', async ({
    browser,
  }) => {
    const db = await testDb();
    const article = await createArticle('unicode-notes');
    const author = await createAccount('noted');
    const target = await db.comment.create({
      data: { articleId: article.id, userId: author.id, body: 'A comment to report.', status: 'PUBLISHED' },
    });
    const rejected = await db.comment.create({
      data: {
        articleId: article.id,
        userId: author.id,
        body: 'A comment to appeal.',
        status: 'REJECTED',
        rejectClause: 'civility',
      },
    });
    const authorSession = await openSession(author.id);
    for (const [note, refused] of [
      ['nul\u0000note', true],
      ['n'.repeat(100_000), true],
      ['Reported \u202Eesruoc fo\u202C and \u200Bhidden', false],
    ] as const) {
      const reporter = await createAccount('reporter');
      const state = outcome(
        await callActionFetch(
          reportComment.id,
          [idleState, new FormArg({ commentId: target.id, clause: 'civility', note })],
          { path: reportComment.path, sessionToken: await openSession(reporter.id) },
        ),
      );
      expect(state.status).toBe(refused ? 'invalid' : 'done');
    }
    expect(await db.report.count({ where: { commentId: target.id } })).toBe(1);
    for (const statement of ['nul\u0000 statement here', 's'.repeat(100_000)]) {
      const state = outcome(
        await callActionFetch(appeal.id, [idleState, new FormArg({ commentId: rejected.id, statement })], {
          path: appeal.path,
          sessionToken: authorSession,
        }),
      );
      expect(state.status).toBe('invalid');
    }
    expect(await db.appeal.count({ where: { commentId: rejected.id } })).toBe(0);

    // The accepted bidi note renders inside its card, and the card's other text reads as it should.
    const admin = await createAccount('unicode-admin', { role: 'ADMIN' });
    const context = await browser.newContext({ baseURL });
    await context.addCookies([{ name: 'next-auth.session-token', value: await openSession(admin.id), url: baseURL }]);
    const page = await context.newPage();
    expect((await page.goto(`/moderate?queue=reported&article=${article.id}`))?.status()).toBe(200);
    const reports = page.getByRole('region', { name: 'Reader reports' });
    await expect(reports).toContainText('Reported \u202Eesruoc fo\u202C');
    await expect(page.locator('.card__body')).toHaveText('A comment to report.');
    await context.close();
  });
});

test.describe('unicode abuse, typed into the compose box', () => {
  test('bidi and zero-width text posts; NUL, lone surrogates and 100,000 characters get a clear answer', async ({
    browser,
  }) => {
    const db = await testDb();
    const article = await createArticle('unicode-ui');
    const reader = await createTrustedReader('Unicode Typist');
    const context = await browser.newContext({ baseURL });
    await context.addCookies([{ name: 'next-auth.session-token', value: await openSession(reader.id), url: baseURL }]);
    const page = await context.newPage();
    const responses: number[] = [];
    page.on('response', (r) => r.request().method() === 'POST' && responses.push(r.status()));
    await page.goto(`/articles/${article.slug}`);
    const compose = page.getByLabel(`Comment as ${reader.displayName}`);
    const post = page.getByRole('button', { name: 'Post comment' });
    const mine = () =>
      db.comment.findMany({
        where: { articleId: article.id, userId: reader.id },
        select: { body: true },
        orderBy: { createdAt: 'asc' },
      });

    const bidi = 'Typed \u202Eesrever\u202C with zero\u200Bwidth and \u05E9\u05DC\u05D5\u05DD.';
    await compose.fill(bidi);
    await post.click();
    await expect.poll(async () => (await mine()).map((c) => c.body)).toEqual([bidi]);
    await expect(compose).toHaveValue('');

    await compose.fill('typed nul \u0000 byte');
    await post.click();
    await expect(page.getByText('Remove the invisible control characters from your comment.')).toBeVisible();

    await compose.fill('lone \ud800 surrogate typed');
    await post.click();
    await expect.poll(async () => (await mine()).length).toBe(2);
    expect((await mine())[1]!.body.isWellFormed()).toBe(true);
    await expect(compose).toHaveValue('');

    // The box stops at 2,000 characters; whatever arrives, 100,000 never do.
    await compose.fill('y'.repeat(100_000));
    await post.click();
    const tooLong = page.getByText('Keep it under 2,000 characters.');
    await expect.poll(async () => (await mine()).length === 3 || (await tooLong.isVisible())).toBe(true);
    expect(Math.max(...(await mine()).map((c) => c.body.length))).toBeLessThanOrEqual(2000);

    expect(responses.filter((status) => status >= 500)).toEqual([]);
    await page.reload();
    await expect(page.locator('.comment__body').getByText(bidi)).toBeVisible();
    await context.close();
  });
});
