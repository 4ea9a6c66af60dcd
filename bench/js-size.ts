// JavaScript shipped with the article page: the bytes on the wire (gzip, as Chromium receives them) and
// decoded, for a signed-out and a signed-in reader, loaded in Debian's Chromium through Playwright; the HTML
// document's own size beside it (signed-out readers get the reader edition, without the inline RSC payload).
//   npx tsx bench/js-size.ts [--build]
import { chromium, type Page } from '@playwright/test';
import { closeDb, openDb } from '../tests/support/db';
import { describeMachine, machineInfo } from '../tests/support/machine';
import { ensureBuild } from '../tests/support/production-build';
import { startServer } from '../tests/support/production-server';
import { resetDatabase } from '../tests/support/reset-db';
import { hasFlag, isMain } from '../tests/support/script';
import { openSession } from '../tests/support/sessions';
import { sqliteUrl } from './lib/databases';
import { seedDiscussion } from './lib/discussion';
import { banner, writeResult } from './lib/util';
import { printVerdicts } from './targets';

const port = 3340;

export type JsSize = {
  scripts: number;
  encodedKB: number;
  decodedKB: number;
  html: { encodedKB: number; decodedKB: number };
  files: { url: string; encoded: number; decoded: number; encoding: string }[];
};
export type JsSizeResult = {
  machine: ReturnType<typeof machineInfo>;
  signedOut: JsSize;
  /** reader@example.com, who commented on the story: the page rendered whole. */
  signedIn: JsSize;
  /** A reader with nothing of their own on the story: the shared list spliced in (issue 20's split). */
  signedInNewcomer: JsSize;
};

async function measure(page: Page, url: string): Promise<JsSize> {
  const pending: Promise<JsSize['files'][number] | null>[] = [];
  let html: Promise<{ encoded: number; decoded: number }> | undefined;
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'document' && !html)
      html = (async () => ({
        encoded: (await request.sizes()).responseBodySize,
        decoded: (await (await request.response())!.body()).length,
      }))();
    if (request.resourceType() !== 'script') return;
    pending.push(
      (async () => {
        const response = await request.response();
        if (!response) return null;
        const sizes = await request.sizes();
        const decoded = (await response.body().catch(() => Buffer.alloc(0))).length;
        return {
          url: new URL(request.url()).pathname,
          encoded: sizes.responseBodySize,
          decoded,
          encoding: (await response.headerValue('content-encoding')) ?? 'identity',
        };
      })(),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  const files = (await Promise.all(pending)).filter((file): file is JsSize['files'][number] => !!file);
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
  const document = (await html) ?? { encoded: 0, decoded: 0 };
  return {
    scripts: files.length,
    html: { encodedKB: kb(document.encoded), decodedKB: kb(document.decoded) },
    encodedKB: kb(files.reduce((sum, f) => sum + f.encoded, 0)),
    decodedKB: kb(files.reduce((sum, f) => sum + f.decoded, 0)),
    files,
  };
}

export async function main({ build = false } = {}): Promise<JsSizeResult> {
  banner('JavaScript on the article page (Chromium, gzip on the wire)');
  console.log(describeMachine());
  if (!process.env.BENCH_BUILD_CHECKED) await ensureBuild({ force: build });
  await resetDatabase(sqliteUrl);
  const db = await openDb(sqliteUrl);
  const article = await seedDiscussion();
  const reader = await db.user.findUniqueOrThrow({ where: { email: 'reader@example.com' } });
  const session = await openSession(reader.id);
  const newcomer = await db.user.create({
    data: { email: 'newcomer@bench.example', displayName: 'Sam Newcomer', emailVerified: new Date() },
  });
  const newcomerSession = await openSession(newcomer.id);
  await closeDb();

  const server = await startServer({ port, databaseUrl: sqliteUrl });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  let signedOut: JsSize, signedIn: JsSize, signedInNewcomer: JsSize;
  try {
    // A fresh context each time: nothing comes from the browser's cache.
    const outContext = await browser.newContext();
    signedOut = await measure(await outContext.newPage(), server.url + article.path);
    await outContext.close();
    const signedInAs = async (token: string) => {
      const inContext = await browser.newContext();
      await inContext.addCookies([
        {
          name: 'next-auth.session-token',
          value: token,
          domain: '127.0.0.1',
          path: '/',
          httpOnly: true,
          sameSite: 'Lax',
        },
      ]);
      const inPage = await inContext.newPage();
      const size = await measure(inPage, server.url + article.path);
      if (!(await inPage.getByText('Comment as').count()))
        throw new Error('the signed-in page shows no comment form: the session was not accepted');
      await inContext.close();
      return size;
    };
    signedIn = await signedInAs(session);
    signedInNewcomer = await signedInAs(newcomerSession);
  } finally {
    await browser.close();
    await server.stop();
  }
  const result: JsSizeResult = { machine: machineInfo(), signedOut, signedIn, signedInNewcomer };
  for (const [name, size] of [
    ['signed-out', signedOut],
    ['signed-in, a commenter on the story', signedIn],
    ['signed-in, nothing of their own on the story', signedInNewcomer],
  ] as const) {
    console.log(
      `${name}: ${size.scripts} scripts, ${size.encodedKB} KB on the wire (${[...new Set(size.files.map((f) => f.encoding))].join('/') || 'none'}), ${size.decodedKB} KB decoded; the HTML ${size.html.encodedKB} KB on the wire, ${size.html.decodedKB} KB decoded`,
    );
    for (const file of [...size.files].sort((a, b) => b.encoded - a.encoded).slice(0, 5))
      console.log(`  ${(file.encoded / 1024).toFixed(1).padStart(6)} KB  ${file.url}`);
  }
  printVerdicts('js-size', result);
  return result;
}

if (isMain(import.meta.url)) writeResult(await main({ build: hasFlag('build') }));
