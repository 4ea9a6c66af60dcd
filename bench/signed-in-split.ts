// The signed-in split (issue 20, lib/cache/shared-thread.ts), measured on the 1,000-comment story: a signed-in reader
// with nothing of their own on the story (the fast path: the shared list spliced from the page cache) and one who
// commented on it (the whole render, as before), each with SIGNED_IN_SPLIT on and off, servers taking turns.
// Figures: one request at a time (median of 20), 32 connections, and the page's HTML bytes (identity) beside the
// signed-out page's. Not part of `npm run bench`; bench/article-page.ts keeps its own signed-in row.
//   npx tsx bench/signed-in-split.ts [--seconds 10] [--connections 32] [--rounds 1]
import { closeDb, openDb } from '../tests/support/db';
import { describeMachine } from '../tests/support/machine';
import { startServer } from '../tests/support/production-server';
import { resetDatabase } from '../tests/support/reset-db';
import { median, numberFlag } from '../tests/support/script';
import { cookieHeader, httpGet as get } from '../tests/support/server-actions';
import { openSession } from '../tests/support/sessions';
import { sqliteUrl } from './lib/databases';
import { seedDiscussion } from './lib/discussion';
import { describeLoad, load } from './lib/load';
import { banner } from './lib/util';

const port = 3340;
const seconds = numberFlag('--seconds', 10);
const connections = numberFlag('--connections', 32);
const rounds = numberFlag('--rounds', 1);

async function alone(url: string, headers: Record<string, string>, count = 20): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await get(url, headers);
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
    samples.push(performance.now() - started);
  }
  return Math.round(median(samples) * 10) / 10;
}

banner('signed-in split: shared list spliced (fast path) vs whole render, SIGNED_IN_SPLIT on/off (1 worker)');
console.log(describeMachine());
await resetDatabase(sqliteUrl);
const db = await openDb(sqliteUrl);
const article = await seedDiscussion({ total: 1000, topLevel: 250, commenters: 120 });
const fresh = await db.user.create({
  data: { email: 'split-bench@example.com', displayName: 'Sam Newcomer', emailVerified: new Date() },
});
const commenter = await db.user.findUniqueOrThrow({ where: { email: 'reader@example.com' } });
const viewers = {
  'fast path (nothing of their own on the story)': cookieHeader(await openSession(fresh.id)),
  'whole render (commented on the story)': cookieHeader(await openSession(commenter.id)),
};
await closeDb();

for (let round = 0; round < rounds; round++)
  for (const split of ['on', 'off'] as const) {
    const app = await startServer({
      port,
      databaseUrl: sqliteUrl,
      env: { SIGNED_IN_SPLIT: split, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next' },
    });
    try {
      const url = app.url + article.path;
      const signedOut = (await get(url)).text;
      console.log(
        `\nSIGNED_IN_SPLIT=${split} · signed-out page ${(Buffer.byteLength(signedOut) / 1024).toFixed(0)} KB`,
      );
      for (const [label, headers] of Object.entries(viewers)) {
        const page = await get(url, headers);
        const comments = (page.text.match(/<li class="comment comment--depth-\d/g) ?? []).length;
        const bytes = Buffer.byteLength(page.text);
        const ms = await alone(url, headers);
        const summary = await load(`${label}`, url, { connections, seconds, headers });
        console.log(
          `  ${label}: ${(bytes / 1024).toFixed(0)} KB HTML (${(bytes / Buffer.byteLength(signedOut)).toFixed(2)}× signed-out, ${comments} comments, x-shared-thread ${page.headers['x-shared-thread'] ?? '-'}) · alone ${ms} ms`,
        );
        console.log(`    ${describeLoad(summary)}`);
      }
    } finally {
      await app.stop();
    }
  }
