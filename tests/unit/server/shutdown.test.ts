import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { gracefulShutdown } from '@/lib/server/shutdown';

let server: http.Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

/** A server whose requests to /slow are answered only when `finish()` is called. */
async function start() {
  const pending: http.ServerResponse[] = [];
  server = http.createServer((req, res) => {
    if (req.url === '/slow') pending.push(res);
    else res.end('quick');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const keepAlive = new http.Agent({ keepAlive: true });
  const oneShot = new http.Agent({ keepAlive: false });
  // A kept-alive socket that is busy when the shutdown starts stays open until keepAliveTimeout (the grace
  // period ends it): the request under way is sent with Connection: close, as most API clients do.
  const get = (path: string) =>
    new Promise<string>((resolve, reject) =>
      http
        .get({ host: '127.0.0.1', port, path, agent: path === '/slow' ? oneShot : keepAlive }, (res) => {
          let body = '';
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () => resolve(body));
        })
        .on('error', reject),
    );
  const finish = () => pending.splice(0).forEach((res) => res.end('slow done'));
  const waitForPending = async () => {
    while (pending.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  return { server, get, finish, waitForPending };
}

describe('graceful shutdown', () => {
  test('requests under way are answered, idle keep-alive sockets do not hold it open, then release and exit', async () => {
    const { server, get, finish, waitForPending } = await start();
    await get('/'); // leaves an idle keep-alive socket
    const slow = get('/slow');
    await waitForPending();
    const steps: string[] = [];
    const exited = new Promise<number>((resolve) => {
      const shutdown = gracefulShutdown(
        server,
        () => [Promise.resolve(steps.push('redis')), Promise.reject(new Error('relay already gone'))],
        { exit: (code) => (steps.push('exit'), resolve(code)) },
      );
      shutdown();
      shutdown();
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(steps).toEqual([]);
    expect(server.listening).toBe(false);
    finish();
    expect(await slow).toBe('slow done');
    expect(await exited).toBe(0);
    // Released once (the second signal did nothing), before exiting, even though one release failed.
    expect(steps).toEqual(['redis', 'exit']);
  });

  test('a request that never finishes cannot hold the process past the grace period', async () => {
    const { server, get, waitForPending } = await start();
    void get('/slow').catch(() => {});
    await waitForPending();
    const started = Date.now();
    const code = await new Promise<number>((resolve) =>
      gracefulShutdown(server, () => [], { graceMs: 100, exit: resolve })(),
    );
    expect(code).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });
});
