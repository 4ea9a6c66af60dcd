// server.ts with two workers and no Redis (issue 20), started here beside the suite's own server, on the same
// build and database: both workers answer; a comment posted through one worker is on the cached page whichever
// worker serves it next (invalidations relayed by the primary over IPC); a rate limit counts a client's POSTs
// across both workers; a worker that dies is replaced; SIGTERM stops the whole cluster with exit code 0.
// Every request here has its own connection, and the cluster hands connections to the workers in turn.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { createArticle, createTrustedReader } from '../../support/factories';
import { distDir, httpRequest, port, postCommentOverHttp, type AppTarget } from '../../support/server-actions';
import { openSession } from '../../support/sessions';

const clusterPort = Number(process.env.CLUSTER_E2E_PORT ?? port + 1);
const server: AppTarget = { url: `http://127.0.0.1:${clusterPort}`, distDir: distDir() };
const metricsToken = 'cluster-metrics-token-0123456789';
const writesPerIp = 6;
// Without an agent, httpRequest gives each request its own loopback address; this one keeps one address of its own
// (one client for the rate limit, which nothing else here posts from) and still opens a new connection each time.
const oneClient = new http.Agent({ keepAlive: false, localAddress: '127.0.0.77' });

let primary: ChildProcess;
let exited: Promise<number | null>;
let log = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  primary = spawn(
    process.execPath,
    ['--import', 'tsx', 'server.ts', '--port', String(clusterPort), '--hostname', '127.0.0.1', '--workers', '2'],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        DATABASE_URL: process.env.DATABASE_URL ?? 'file:./data/e2e.db',
        APP_URL: server.url,
        NEXTAUTH_URL: server.url,
        AUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
        // The suite's own server sends the mail; this one sends none.
        MAILER: 'off',
        REDIS_URL: '',
        WEB_CONCURRENCY: '',
        RATE_LIMIT_WRITES_PER_IP: String(writesPerIp),
        METRICS_TOKEN: metricsToken,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  primary.stdout!.on('data', (chunk: Buffer) => (log += chunk));
  primary.stderr!.on('data', (chunk: Buffer) => (log += chunk));
  exited = new Promise((resolve) => primary.once('exit', (code) => resolve(code)));
  await expect
    .poll(async () => (await httpRequest('GET', '/healthz', { server }).catch(() => null))?.status, {
      timeout: 90_000,
      message: `the two-worker server did not answer /healthz:\n${log}`,
    })
    .toBe(200);
  // Both workers listen before the primary says it is ready.
  await expect.poll(() => log, { timeout: 60_000 }).toContain('(2 workers');
});

test.afterAll(() => {
  if (primary.exitCode === null && primary.signalCode === null) primary.kill('SIGKILL');
});

/** Which worker answered a fresh connection (its /metrics figures are its own). */
async function answeringWorker(): Promise<{ number: number; pid: number }> {
  const response = await httpRequest('GET', '/metrics', {
    server,
    headers: { authorization: `Bearer ${metricsToken}` },
  });
  expect(response.status).toBe(200);
  return (JSON.parse(response.text) as { worker: { number: number; pid: number } }).worker;
}

async function workersSeen(requests: number): Promise<Map<number, number>> {
  const seen = new Map<number, number>();
  for (let i = 0; i < requests; i++) {
    const { number, pid } = await answeringWorker();
    seen.set(number, pid);
  }
  return seen;
}

const anonymousGet = (path: string) => httpRequest('GET', path, { server });

test('both workers answer, each its own process', async () => {
  const seen = await workersSeen(10);
  expect([...seen.keys()].sort()).toEqual([1, 2]);
  expect(new Set(seen.values()).size).toBe(2);
  expect([...seen.values()]).not.toContain(primary.pid);
});

test('a comment posted through one worker is on the cached page every worker serves next', async () => {
  const article = await createArticle('cluster-cache');
  const path = `/articles/${article.slug}`;
  // Warm both workers' caches: consecutive fresh connections alternate between the workers.
  let hitsInARow = 0;
  for (let attempt = 0; attempt < 100 && hitsInARow < 6; attempt++) {
    const page = await anonymousGet(path);
    expect(page.status).toBe(200);
    hitsInARow = page.headers['x-page-cache'] === 'hit' ? hitsInARow + 1 : 0;
  }
  expect(hitsInARow, 'both workers serve the page from their cache').toBe(6);

  const reader = await createTrustedReader('Cluster');
  const text = `Posted through one worker ${Date.now()}`;
  const posted = await postCommentOverHttp({ server, article, sessionToken: await openSession(reader.id), body: text });
  expect(posted.state, posted.text.slice(0, 500)).toMatchObject({
    status: 'done',
    message: expect.stringMatching(/published/i),
  });

  for (let i = 0; i < 6; i++) {
    const page = await anonymousGet(path);
    expect(page.status).toBe(200);
    expect(page.text, `signed-out GET ${i + 1} after the post`).toContain(text);
  }
});

test('a client’s POSTs count against one limit, whichever worker answers them', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < writesPerIp + 2; i++) {
    const response = await httpRequest('POST', '/cluster-rate-limit-probe', {
      server,
      agent: oneClient,
      headers: { 'content-type': 'text/plain' },
      body: 'x=1',
    });
    statuses.push(response.status);
  }
  // The first ones go through the gate to Next (whatever it answers a POST to a page that is not there); then 429.
  expect(
    statuses.slice(0, writesPerIp).every((status) => status !== 429),
    statuses.join(' '),
  ).toBe(true);
  expect(statuses.slice(writesPerIp)).toEqual([429, 429]);
});

test('a worker that dies is replaced', async () => {
  const before = await workersSeen(6);
  process.kill(before.get(2)!, 'SIGKILL');
  await expect
    .poll(async () => (await workersSeen(4).catch(() => new Map<number, number>())).get(2), {
      timeout: 60_000,
      message: `worker 2 was not replaced:\n${log}`,
    })
    .not.toBe(before.get(2));
  expect(log).toMatch(/worker 2 \(pid \d+\) died \(SIGKILL\); replacing it/);
});

test('SIGTERM stops every worker and the primary, with exit code 0', async () => {
  const pids = [...(await workersSeen(6)).values()];
  primary.kill('SIGTERM');
  expect(await exited).toBe(0);
  for (const pid of pids) expect(() => process.kill(pid, 0), `worker ${pid} is gone`).toThrow();
  expect(log).toContain('all workers have stopped');
});
