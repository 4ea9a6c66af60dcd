// The database goes away under a running server (PostgreSQL behind a TCP proxy that this script cuts):
// readers get a clear 503 "temporarily unavailable" page, cached story pages are still served (fresh ones,
// and stale ones: a story that took a comment just before the outage is served as it was before the comment,
// marked `x-page-cache: stale`), the process stays up, and it recovers by itself when the database returns.
// Ports: RELIABILITY_DB_DOWN_PORT (3394) for the app, RELIABILITY_PROXY_PORT (55432) for the proxy.
// Prints one line "RESULT {json}" for tests/reliability/run.ts.
import net from 'node:net';
import { closeDb, openDb } from '../support/db';
import { createTrustedReaders } from '../support/factories';
import { startServer } from '../support/production-server';
import { resetDatabase } from '../support/reset-db';
import { sleep } from '../support/script';
import { postCommentOverHttp } from '../support/server-actions';
import { openSession } from '../support/sessions';

const direct = process.env.RELIABILITY_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/reliability';
const upstream = new URL(direct);
const proxyPort = Number(process.env.RELIABILITY_PROXY_PORT ?? 55432);

/** A TCP proxy to PostgreSQL that can be cut (every connection dropped, new ones refused) and restored. */
function createProxy() {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const backend = net.connect(Number(upstream.port || 5432), upstream.hostname);
        for (const socket of [client, backend]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(backend).pipe(client);
      });
      server.listen(proxyPort, '127.0.0.1', () => resolve());
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (server) server.close(() => resolve());
      else resolve();
      server = null;
    });
  return { open, cut };
}

await resetDatabase(direct);
const db = await openDb(direct);
const author = await db.author.create({
  data: { slug: 'outage-desk', name: 'Outage Desk', email: 'outage@reliability.example' },
});
await db.article.create({
  data: {
    slug: 'outage',
    headline: 'A story read during an outage',
    body: 'A paragraph.',
    publishedAt: new Date(),
    authorId: author.id,
  },
});
const changed = await db.article.create({
  data: {
    slug: 'outage-changed',
    headline: 'A story that changed just before the outage',
    body: 'A paragraph.',
    publishedAt: new Date(),
    authorId: author.id,
  },
});
const [reader] = await createTrustedReaders(1, { prefix: 'outage-reader', history: 3, ageDays: 400 });
const sessionToken = await openSession(reader!.id);
await closeDb();

const proxy = createProxy();
await proxy.open();
const proxied = new URL(direct);
proxied.port = String(proxyPort);
const server = await startServer({
  port: Number(process.env.RELIABILITY_DB_DOWN_PORT ?? 3394),
  databaseUrl: proxied.toString(),
  env: { DB_PROBE_INTERVAL_MS: '500' },
});
const results: Record<string, unknown> = {};
let ok = true;
const check = (name: string, pass: boolean, detail: unknown) => {
  results[name] = { pass, detail };
  if (!pass) ok = false;
  console.log(`${pass ? 'ok  ' : 'FAIL'} ${name}: ${JSON.stringify(detail)}`);
};
const get = async (path: string) => {
  try {
    const response = await fetch(`${server.url}${path}`);
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      cache: response.headers.get('x-page-cache'),
      text: await response.text(),
    };
  } catch (error) {
    return { status: 0, retryAfter: null, cache: null, text: String(error) };
  }
};

try {
  // A story page read before the outage sits in the page cache.
  for (let i = 0; i < 40 && (await get('/articles/outage')).cache !== 'hit'; i++) await sleep(50);
  check('before: pages render', (await get('/transparency')).status === 200, {});
  // A second story is cached, then takes a published comment, which makes its cached copy stale. Nobody
  // reads it again before the outage, so the only copy the server holds is the one from before the comment.
  for (let i = 0; i < 40 && (await get('/articles/outage-changed')).cache !== 'hit'; i++) await sleep(50);
  const marker = `posted-before-the-outage-${Date.now()}`;
  const posted = await postCommentOverHttp({
    server,
    article: changed,
    sessionToken,
    body: `A comment ${marker}`,
  });
  check(
    'before: a comment is published on the second story',
    posted.status === 200 && posted.state?.status === 'done' && /published/.test(posted.state.message ?? ''),
    { status: posted.status, state: posted.state },
  );

  await proxy.cut();
  const cutAt = Date.now();
  let outage = await get('/transparency');
  while (outage.status !== 503 && Date.now() - cutAt < 5000) {
    await sleep(100);
    outage = await get('/transparency');
  }
  check(
    'outage: a clear 503 page with Retry-After',
    outage.status === 503 && /Temporarily unavailable/.test(outage.text) && Number(outage.retryAfter) > 0,
    {
      status: outage.status,
      secondsToNotice: Math.round((Date.now() - cutAt) / 100) / 10,
    },
  );
  const health = await fetch(`${server.url}/healthz`);
  check('outage: /healthz reports the database unreachable', health.status === 503, { status: health.status });
  const cached = await get('/articles/outage');
  check('outage: cached story pages are still served', cached.status === 200 && cached.cache === 'hit', {
    status: cached.status,
  });
  const stale = await get('/articles/outage-changed');
  check(
    'outage: a stale copy is served rather than an error',
    stale.status === 200 &&
      stale.cache === 'stale' &&
      stale.text.includes('A story that changed just before the outage') &&
      !stale.text.includes(marker),
    { status: stale.status, cache: stale.cache, hasNewComment: stale.text.includes(marker) },
  );
  await sleep(3000);
  let alive = true;
  try {
    process.kill(server.pid, 0);
  } catch {
    alive = false;
  }
  check('outage: the process stays up', alive, {});

  await proxy.open();
  const backAt = Date.now();
  let back = await get('/transparency');
  while (back.status !== 200 && Date.now() - backAt < 20_000) {
    await sleep(200);
    back = await get('/transparency');
  }
  check('recovery: pages render again without a restart', back.status === 200, {
    secondsToRecover: Math.round((Date.now() - backAt) / 100) / 10,
  });
  const author = await get('/authors/outage-desk');
  check('recovery: database-backed pages work', author.status === 200 && author.text.includes('Outage Desk'), {
    status: author.status,
  });
  let fresh = await get('/articles/outage-changed');
  for (let i = 0; i < 40 && !fresh.text.includes(marker); i++) {
    await sleep(100);
    fresh = await get('/articles/outage-changed');
  }
  check(
    'recovery: the changed story shows the comment posted before the outage',
    fresh.status === 200 && fresh.text.includes(marker),
    { status: fresh.status, cache: fresh.cache },
  );
} finally {
  await server.stop();
  await proxy.cut();
}
console.log(`RESULT ${JSON.stringify({ ok, ...results })}`);
process.exit(ok ? 0 : 1);
