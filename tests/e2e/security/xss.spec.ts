// Stored XSS: every vector of xss-vectors.ts goes in as a comment body, a display name, a report note, an appeal
// statement, an author reply, imported story text and more (in bulk, directly in the database; a handful through
// the real forms), then every page that renders them is opened in Chromium. CSP is bypassed so the rendering
// itself is what is tested (the Content-Security-Policy is a second line, not the first): no dialog may open,
// window.__xss must stay undefined, no markup from a vector may reach the DOM, and each vector must be visible
// as plain text.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { importStories } from '../../../lib/articles/import-stories';
import { parseStory } from '../../../lib/articles/parse-story';
import { testDb } from '../../support/db';
import { replyLinkFor } from '../../support/email-links';
import { baseURL } from '../../support/server-actions';
import { createAccount, createArticle, createTrustedReader, uniqueSuffix } from '../../support/factories';
import { openSession } from '../../support/sessions';
import { xssVectors } from './xss-vectors';

test.use({ bypassCSP: true });

const n = xssVectors.length;
const V = (i: number) => xssVectors[i % n]!;
const range = (count: number) => Array.from({ length: count }, (_, i) => i);
const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

// ── Checking a page ────────────────────────────────────────────────────────────────────────────────────

type Audit = { problems: string[]; text: string };

/** Runs in the page: whether anything executed, markup a vector could have injected, and the visible text. */
function inspectInPage(): Audit {
  const problems: string[] = [];
  const probe = (window as unknown as { __xss?: unknown }).__xss;
  if (probe !== undefined) problems.push(`window.__xss is set (${Object.prototype.toString.call(probe)})`);
  // React attaches listeners; it never writes on* attributes. Any such attribute came from a vector.
  for (const element of document.querySelectorAll('*'))
    for (const attribute of element.attributes)
      if (/^on/i.test(attribute.name))
        problems.push(`<${element.localName} ${attribute.name}="${attribute.value.slice(0, 40)}">`);
  const main = document.querySelector('main') ?? document.body;
  const foreign =
    'script,iframe,frame,frameset,object,embed,applet,svg,math,video,audio,source,base,meta,link,style,template,noscript,marquee,isindex,image,foreignObject,animate,set';
  for (const element of main.querySelectorAll(foreign)) problems.push(`<${element.localName}> inside the content`);
  for (const image of main.querySelectorAll('img'))
    if (!image.classList.contains('author-box__avatar')) problems.push('<img> inside the content');
  for (const element of main.querySelectorAll('*'))
    for (const name of [
      'href',
      'src',
      'action',
      'formaction',
      'data',
      'background',
      'poster',
      'srcdoc',
      'xlink:href',
      'srcset',
    ]) {
      const value = element.getAttribute(name);
      if (value !== null && /^(javascript|vbscript|data):/i.test(value.replace(/[\s\u0000-\u001f]/g, '')))
        problems.push(`${element.localName}[${name}="${value.slice(0, 60)}"]`);
    }
  // What a reader sees: text nodes of rendered elements, scripts and styles left out.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script,style,template,noscript') || !parent.checkVisibility()) continue;
    text += (node as Text).data;
  }
  return { problems, text };
}

/** Opens `path` and reports execution, injected markup and the visible text. */
async function audit(page: Page, path: string, status = 200): Promise<Audit> {
  const dialogs: string[] = [];
  const onDialog = (dialog: { message(): string; dismiss(): Promise<void> }) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  };
  page.on('dialog', onDialog);
  const response = await page.goto(path);
  expect(response?.status(), `GET ${path}`).toBe(status);
  // Handlers that fire late (autofocus, animations, media errors) get a moment.
  await page.waitForTimeout(300);
  const found = await page.evaluate(inspectInPage);
  page.off('dialog', onDialog);
  return { problems: [...dialogs.map((message) => `dialog: ${message}`), ...found.problems], text: found.text };
}

/** No execution or markup on any of the pages, and every expected string visible as text on one of them. */
function expectInert(audits: Audit[], expected: readonly string[], label: string) {
  expect(
    audits.flatMap((a) => a.problems),
    `${label}: execution or injected markup`,
  ).toEqual([]);
  const visible = normalize(audits.map((a) => a.text).join(' '));
  const missing = expected.filter((text) => !visible.includes(normalize(text)));
  expect(missing, `${label}: not shown as text`).toEqual([]);
}

async function signInAs(context: BrowserContext, userId: string) {
  await context.addCookies([{ name: 'next-auth.session-token', value: await openSession(userId), url: baseURL }]);
}

// ── The corpus ─────────────────────────────────────────────────────────────────────────────────────────

test('the checks catch a vector that does reach the DOM (as raw HTML, in a blank page)', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => void (dialogs.push(dialog.message()), dialog.dismiss()));
  await page.setContent(
    `<main>${xssVectors
      .slice(0, 60)
      .map((v) => `<p>${v}</p>`)
      .join('')}</main>`,
  );
  await page.waitForTimeout(300);
  const found = await page.evaluate(inspectInPage);
  expect(dialogs.length, 'alert() vectors fired').toBeGreaterThan(0);
  expect(found.problems.some((p) => p.startsWith('window.__xss is set'))).toBe(true);
  expect(found.problems.filter((p) => p.includes('inside the content')).length).toBeGreaterThan(20);
});

test('the corpus has at least 100 distinct vectors, each with a probe', () => {
  expect(n).toBeGreaterThanOrEqual(100);
  expect(new Set(xssVectors).size).toBe(n);
  const decoded = (vector: string) =>
    [...vector.matchAll(/[A-Za-z0-9+/]{16,}={0,2}/g)]
      .map((m) => Buffer.from(m[0], 'base64').toString('latin1'))
      .join(' ');
  expect(xssVectors.filter((v) => !/__xss|alert\(/.test(`${v} ${decoded(v)}`))).toEqual([]);
  expect(xssVectors.filter((v) => /[\r\n]/.test(v))).toEqual([]);
});

// ── Stored in bulk ─────────────────────────────────────────────────────────────────────────────────────

async function seed() {
  const db = await testDb();
  const suffix = uniqueSuffix();
  const now = Date.now();

  // Imported story text: every vector is a paragraph; the headline, standfirst and dateline are vectors too.
  const story = [
    'An ordinary first paragraph.',
    ...xssVectors,
    `• Xss Author can be reached at xss-${suffix}@security.example.`,
  ].join('\n');
  const parsed = parseStory(
    story,
    {
      headline: V(0),
      slug: `xss-main-${suffix}`,
      standfirst: V(1),
      dateline: V(2),
      published: new Date(now + 2 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    },
    'xss.txt',
  );
  await importStories(db, [parsed]);
  const main = await db.article.findUniqueOrThrow({ where: { slug: parsed.slug } });
  const author = await db.author.update({
    where: { id: main.authorId },
    data: { name: `${V(3)} #author`, bio: `${V(4)} #bio` },
  });
  // More stories by the same author, each headline and standfirst a vector (dated ahead, so they lead every list).
  await db.article.createMany({
    data: range(n).map((i) => ({
      slug: `xss-${suffix}-${i}`,
      headline: `${V(i)} #h${i}`,
      standfirst: `${V(i + 1)} #f${i}`,
      body: 'Text.',
      publishedAt: new Date(now + 86_400_000 - i * 60_000),
      authorId: author.id,
    })),
  });

  // One reader per vector, named with it.
  const users = range(n).map((i) => ({
    id: randomUUID(),
    email: `xss-${i}-${suffix}@security.example`,
    displayName: `${V(i)} #u${i}`,
    emailVerified: new Date(),
  }));
  await db.user.createMany({ data: users });
  const decider = await db.user.create({
    data: { email: `xss-decider-${suffix}@security.example`, displayName: `${V(9)} #D`, role: 'MODERATOR' },
  });
  const appellant = await db.user.create({
    data: { email: `xss-appellant-${suffix}@security.example`, displayName: `${V(8)} #P` },
  });

  // The story's discussion: a comment per vector, each answered by the author.
  const comments = range(n).map((i) => ({
    id: randomUUID(),
    articleId: main.id,
    userId: users[i]!.id,
    body: `${V(i)} #c${i}`,
    status: 'PUBLISHED' as const,
    createdAt: new Date(now - (n - i) * 1000),
  }));
  await db.comment.createMany({ data: comments.map((c) => ({ ...c, threadId: c.id })) });
  const replies = range(n).map((i) => ({
    id: randomUUID(),
    articleId: main.id,
    authorProfileId: author.id,
    parentId: comments[i]!.id,
    threadId: comments[i]!.id,
    depth: 1,
    body: `${V(i + 7)} #r${i}`,
    status: 'PUBLISHED' as const,
    createdAt: new Date(now - (n - i) * 1000 + 500),
  }));
  await db.comment.createMany({ data: replies });

  // Moderation queues, on their own story: held replies (with their parents and rule messages), one comment
  // reported by every reader (a note each), rejected comments under appeal.
  const queue = await createArticle('xss-queue');
  const parents = range(n).map((i) => ({
    id: randomUUID(),
    articleId: queue.id,
    userId: users[(i + 1) % n]!.id,
    body: `${V(i + 1)} #q${i}`,
    status: 'PUBLISHED' as const,
  }));
  await db.comment.createMany({ data: parents.map((p) => ({ ...p, threadId: p.id })) });
  const held = range(n).map(() => randomUUID());
  await db.comment.createMany({
    data: range(n).map((i) => ({
      id: held[i]!,
      articleId: queue.id,
      userId: users[i]!.id,
      parentId: parents[i]!.id,
      threadId: parents[i]!.id,
      depth: 1,
      body: `${V(i)} #p${i}`,
      status: 'PENDING' as const,
      reasons: JSON.stringify([
        { ruleId: 'shouting', clause: 'civility', outcome: 'hold', message: `${V(i + 2)} #m${i}`, evidence: [] },
      ]),
      createdAt: new Date(now - (n - i) * 1000),
    })),
  });
  // Each held comment's audit history (in the card's closed "History" disclosure: checked for markup, not read).
  await db.moderationEvent.createMany({
    data: range(n).map((i) => ({
      commentId: held[i]!,
      actorType: 'moderator',
      actorId: users[i]!.id,
      action: 'auto-hold',
      note: `${V(i + 4)} #k${i}`,
    })),
  });
  const reported = await db.comment.create({
    data: { articleId: queue.id, userId: decider.id, body: `${V(5)} #reported`, status: 'PUBLISHED', reportCount: n },
  });
  await db.report.createMany({
    data: range(n).map((i) => ({
      commentId: reported.id,
      userId: users[i]!.id,
      clause: 'civility',
      note: `${V(i)} #n${i}`,
    })),
  });

  const appeals = await createArticle('xss-appeals');
  const rejected = range(n).map((i) => ({
    id: randomUUID(),
    articleId: appeals.id,
    userId: appellant.id,
    body: `${V(i)} #a${i}`,
    status: 'REJECTED' as const,
    rejectClause: 'civility',
    rejectNote: `${V(i + 3)} #j${i}`,
    decidedById: decider.id,
    decidedAt: new Date(now - 1000),
    createdAt: new Date(now - (n - i) * 1000),
  }));
  await db.comment.createMany({ data: rejected.map((c) => ({ ...c, threadId: c.id })) });
  await db.appeal.createMany({
    data: rejected.map((c, i) => ({ commentId: c.id, userId: appellant.id, statement: `${V(i)} #s${i}` })),
  });
  // A few decided appeals: the profile shows the moderator's note.
  const decided = range(5).map((i) => ({
    id: randomUUID(),
    articleId: appeals.id,
    userId: appellant.id,
    body: `${V(i + 20)} #x${i}`,
    status: 'REJECTED' as const,
    rejectClause: 'civility',
    decidedById: decider.id,
  }));
  await db.comment.createMany({ data: decided.map((c) => ({ ...c, threadId: c.id })) });
  await db.appeal.createMany({
    data: decided.map((c, i) => ({
      commentId: c.id,
      userId: appellant.id,
      statement: 'Please.',
      status: 'UPHELD' as const,
      decisionNote: `${V(i + 30)} #d${i}`,
      decidedById: decider.id,
      decidedAt: new Date(),
    })),
  });

  // The audit log and the outbox (dated ahead so they lead their pages).
  const logAction = `xss-${suffix}`;
  await db.moderationEvent.createMany({
    data: range(n).map((i) => ({
      actorType: 'moderator',
      actorId: users[i]!.id,
      action: logAction,
      note: `${V(i)} #e${i}`,
      createdAt: new Date(now + 86_400_000 - i * 1000),
    })),
  });
  await db.outboxMessage.createMany({
    data: range(n).map((i) => ({
      kind: 'xss-test',
      to: `xss-${i}-${suffix}@security.example`,
      subject: `${V(i)} #o${i}`,
      text: 'x',
      html: 'x',
      messageId: `<xss-${i}-${suffix}@security.example>`,
      status: 'SENT' as const,
      sentAt: new Date(),
      lastError: `${V(i + 1)} #l${i}`,
      createdAt: new Date(now + 86_400_000 - i * 1000),
    })),
  });

  // Reply links: one ready (a reader's reply to a comment, so the page shows both), one already used.
  const asked = await db.comment.create({
    data: {
      articleId: main.id,
      userId: users[10]!.id,
      parentId: comments[0]!.id,
      threadId: comments[0]!.id,
      depth: 1,
      body: `${V(11)} #t`,
      status: 'PUBLISHED',
    },
  });
  const ready = await replyLinkFor(asked.id);
  const used = await replyLinkFor(comments[1]!.id);
  await db.authorReplyLink.update({
    where: { id: used.linkId },
    data: { usedAt: new Date(), replyId: replies[1]!.id },
  });

  const admin = await createAccount('xss-admin', { role: 'ADMIN' });
  return {
    suffix,
    main,
    author,
    users,
    comments,
    replies,
    queue,
    reported,
    appeals,
    appellant,
    decider,
    logAction,
    asked,
    ready,
    used,
    admin,
  };
}

test.describe('vectors stored in the database render as text', () => {
  test.describe.configure({ mode: 'serial' });
  let world: Awaited<ReturnType<typeof seed>>;
  test.beforeAll(async () => {
    world = await seed();
  });

  test('front page, story page and author page (imported text, comments, display names, author replies)', async ({
    page,
  }) => {
    const front = await audit(page, '/');
    expectInert([front], [V(0), V(1)], 'front page');
    const story = await audit(page, `/articles/${world.main.slug}?shown=1000`);
    expectInert(
      [story],
      [
        V(0),
        V(1),
        V(2),
        ...xssVectors,
        world.author.name,
        world.author.bio,
        ...world.comments.map((c) => c.body),
        ...world.replies.map((r) => r.body),
        ...world.users.map((u) => u.displayName),
      ],
      'story page',
    );
    const authorPage = await audit(page, `/authors/${world.author.slug}`);
    expectInert(
      [authorPage],
      [
        world.author.name,
        world.author.bio,
        ...range(n).map((i) => `${V(i)} #h${i}`),
        ...range(n).map((i) => `${V(i + 1)} #f${i}`),
      ],
      'author page',
    );
  });

  test('profile (own comments, rejection notes, appeal decisions)', async ({ page, context }) => {
    await signInAs(context, world.appellant.id);
    const profile = await audit(page, '/profile');
    expectInert(
      [profile],
      [
        world.appellant.displayName!,
        ...range(n).map((i) => `${V(i)} #a${i}`),
        ...range(n).map((i) => `${V(i + 3)} #j${i}`),
        ...range(5).map((i) => `${V(i + 30)} #d${i}`),
      ],
      'profile',
    );
  });

  /** Every page of a moderation queue, following its "Next" link. */
  async function queuePages(page: Page, first: string): Promise<Audit[]> {
    const audits: Audit[] = [];
    for (let path: string | null = first; path;) {
      audits.push(await audit(page, path));
      path = await page
        .locator('.comments__more a')
        .getAttribute('href', { timeout: 1000 })
        .catch(() => null);
      expect(audits.length).toBeLessThan(20);
    }
    return audits;
  }

  test('moderation queue cards: pending (bodies, parents, rule messages, names), reports, appeals', async ({
    page,
    context,
  }) => {
    await signInAs(context, world.admin.id);
    const pending = await queuePages(page, `/moderate?queue=pending&article=${world.queue.id}`);
    expect(pending.length).toBe(Math.ceil(n / 50));
    expectInert(
      pending,
      [
        ...range(n).map((i) => `${V(i)} #p${i}`),
        ...range(n).map((i) => `${V(i + 1)} #q${i}`.slice(0, 300)),
        ...range(n).map((i) => `${V(i + 2)} #m${i}`),
        ...world.users.map((u) => u.displayName),
      ],
      'pending queue',
    );
    const reports = await queuePages(page, `/moderate?queue=reported&article=${world.queue.id}`);
    expectInert(
      reports,
      [`${V(5)} #reported`, ...range(n).map((i) => `${V(i)} #n${i}`), ...world.users.map((u) => u.displayName)],
      'reported queue',
    );
    const appeals = await queuePages(page, `/moderate?queue=appeals&article=${world.appeals.id}`);
    expectInert(
      appeals,
      [
        ...range(n).map((i) => `${V(i)} #s${i}`),
        ...range(n).map((i) => `${V(i)} #a${i}`),
        ...range(n).map((i) => `${V(i + 3)} #j${i}`),
        world.decider.displayName!,
        world.appellant.displayName!,
      ],
      'appeals queue',
    );
  });

  test('article settings, audit log and outbox', async ({ page, context }) => {
    await signInAs(context, world.admin.id);
    expectInert(
      [await audit(page, '/moderate/articles')],
      range(n).map((i) => `${V(i)} #h${i}`),
      'article settings',
    );
    expectInert(
      [await audit(page, `/moderate/log?action=${world.logAction}`)],
      [...range(100).map((i) => `${V(i)} #e${i}`), ...range(100).map((i) => world.users[i]!.displayName)],
      'audit log',
    );
    expectInert(
      [await audit(page, '/moderate/outbox?status=SENT')],
      [...range(100).map((i) => `${V(i)} #o${i}`), ...range(100).map((i) => `${V(i + 1)} #l${i}`)],
      'outbox',
    );
  });

  test('author reply pages (the comment in context, and a used link showing the reply)', async ({ page }) => {
    const ready = await audit(page, world.ready.path);
    expectInert(
      [ready],
      [world.asked.body, world.comments[0]!.body, world.users[10]!.displayName, world.users[0]!.displayName, V(0)],
      'reply page',
    );
    await expect(page.getByLabel(/Your reply, as/)).toBeVisible();
    // A used link answers 410 Gone, with the page showing the reply it posted.
    const used = await audit(page, world.used.path, 410);
    expectInert([used], [world.replies[1]!.body], 'used reply link');
  });
});

// ── Posted through the real forms ──────────────────────────────────────────────────────────────────────

const uiVectors = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'https://x.example/"onmouseover="alert(1)',
  '<svg/onload=window.__xss=1> and <a href="javascript:alert(1)">a link</a>',
];

test.describe('vectors posted through the forms render as text', () => {
  test('comment, report note, appeal statement, author reply and display name', async ({ browser }) => {
    const db = await testDb();
    const article = await createArticle('xss-ui');
    const writer = await createTrustedReader('Xss Writer');
    const dialogs: string[] = [];

    // A reader posts vectors from the compose box.
    const writerContext = await browser.newContext({ baseURL, bypassCSP: true });
    await signInAs(writerContext, writer.id);
    const writerPage = await writerContext.newPage();
    writerPage.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    await writerPage.goto(`/articles/${article.slug}`);
    const compose = writerPage.getByLabel(`Comment as ${writer.displayName}`);
    for (const vector of uiVectors) {
      await compose.fill(vector);
      await writerPage.getByRole('button', { name: 'Post comment' }).click();
      await expect.poll(() => db.comment.count({ where: { articleId: article.id, body: vector } })).toBe(1);
      await expect(compose).toHaveValue(''); // the form resets after each post
    }
    // A rejected comment of theirs, appealed from the profile with a vector as the statement.
    const rejected = await db.comment.create({
      data: {
        articleId: article.id,
        userId: writer.id,
        body: 'Rejected, and appealed.',
        status: 'REJECTED',
        rejectClause: 'civility',
        decidedById: (await createAccount('ui-decider', { role: 'MODERATOR' })).id,
      },
    });
    await db.comment.update({ where: { id: rejected.id }, data: { threadId: rejected.id } });
    await writerPage.goto('/profile');
    const statement = '<img src=x onerror=alert(1)> please reconsider';
    const appealItem = writerPage.locator('li.comment', { hasText: 'Rejected, and appealed.' });
    await appealItem.getByText('Appeal this decision').click();
    await appealItem.getByLabel(/Why should this decision change/).fill(statement);
    await appealItem.getByRole('button', { name: 'Send appeal' }).click();
    await expect.poll(() => db.appeal.count({ where: { commentId: rejected.id, statement } })).toBe(1);

    // Another reader reports the first comment with a vector as the note.
    const published = await db.comment.findFirstOrThrow({
      where: { articleId: article.id, body: uiVectors[0], status: 'PUBLISHED' },
    });
    const reporter = await createTrustedReader('Xss Reporter');
    const reporterContext = await browser.newContext({ baseURL, bypassCSP: true });
    await signInAs(reporterContext, reporter.id);
    const reporterPage = await reporterContext.newPage();
    reporterPage.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    await reporterPage.goto(`/articles/${article.slug}`);
    const item = reporterPage.locator(`#comment-${published.id}`);
    await item.getByText('Report', { exact: true }).click();
    await item.getByLabel('Which part of the policy does it break?').selectOption('civility');
    const note = '"><script>alert(1)</script> breaks the rules';
    await item.getByLabel('Note for the moderators (optional)').fill(note);
    await item.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => db.report.count({ where: { commentId: published.id, note } })).toBe(1);

    // The story's author answers from the emailed link, with a vector.
    const link = await replyLinkFor(published.id);
    const authorContext = await browser.newContext({ baseURL, bypassCSP: true });
    const authorPage = await authorContext.newPage();
    authorPage.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    await authorPage.goto(link.path);
    const answer = '<svg onload=alert(1)> thanks https://x.example/"onmouseover="alert(1)';
    await authorPage.getByLabel(/Your reply, as/).fill(answer);
    await authorPage.getByRole('button', { name: 'Publish reply' }).click();
    await authorPage.waitForURL(new RegExp(`/articles/${article.slug}`));
    expect(await db.comment.count({ where: { body: answer, authorProfileId: { not: null } } })).toBe(1);

    // A new reader tries a vector as display name: a clear validation error, nothing stored, nothing run.
    const newcomer = await createAccount('xss-newcomer', { named: false });
    const newcomerContext = await browser.newContext({ baseURL, bypassCSP: true });
    await signInAs(newcomerContext, newcomer.id);
    const newcomerPage = await newcomerContext.newPage();
    newcomerPage.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    await newcomerPage.goto('/welcome?next=%2Fpolicy');
    await newcomerPage.getByLabel('Display name').fill('<img src=x onerror=alert(1)>');
    await newcomerPage.getByRole('button', { name: 'Save and continue' }).click();
    await expect(newcomerPage.getByText(/Use letters, numbers, spaces/)).toBeVisible();
    expect((await db.user.findUniqueOrThrow({ where: { id: newcomer.id } })).displayName).toBeNull();
    expect(await newcomerPage.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();

    // Every page where they show.
    const admin = await createAccount('xss-ui-admin', { role: 'ADMIN' });
    const adminContext = await browser.newContext({ baseURL, bypassCSP: true });
    await signInAs(adminContext, admin.id);
    const adminPage = await adminContext.newPage();
    expectInert(
      [await audit(writerPage, `/articles/${article.slug}`)],
      [...uiVectors, answer],
      'story page (as the writer)',
    );
    expectInert(
      [await audit(authorPage, `/articles/${article.slug}`)],
      [uiVectors[0]!, answer],
      'story page (signed out)',
    );
    expectInert([await audit(writerPage, '/profile')], uiVectors, 'profile (the appeal shows as under review)');
    expectInert(
      [await audit(adminPage, `/moderate?queue=reported&article=${article.id}`)],
      [note, uiVectors[0]!],
      'reported queue',
    );
    expectInert(
      [await audit(adminPage, `/moderate?queue=appeals&article=${article.id}`)],
      [statement],
      'appeals queue',
    );
    expect(dialogs).toEqual([]);
    for (const context of [writerContext, reporterContext, authorContext, newcomerContext, adminContext])
      await context.close();
  });
});
