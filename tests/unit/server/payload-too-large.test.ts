// A client that sends an over-limit body all at once (as curl, a script or a browser upload does) must read
// the 413, not a connection reset under its next write (EPIPE): the server reads the body before answering.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { createWriteGate } from '@/lib/server/write-gate';
import { listen, type Harness } from './http-harness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

test('an over-limit body sent at once is answered with a 413 the client reads, every time', async () => {
  const gate = createWriteGate({
    writesPerIpPerMinute: 100_000,
    writesPerSessionPerMinute: 100_000,
    trustProxy: false,
    redisUrl: undefined,
  });
  harness = await listen((req, res) => {
    void gate.refused(req, res).then((refused) => {
      if (refused) return;
      req.resume();
      res.end('passed');
    });
  });
  const { port } = harness.server.address() as AddressInfo;
  const payload = Buffer.alloc(4 * 1024 * 1024, 'y');
  const answers: (number | string)[] = [];
  for (let n = 0; n < 30; n++)
    answers.push(
      await new Promise<number | string>((resolve) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            path: '/a',
            method: 'POST',
            agent: false,
            headers: { 'content-length': String(payload.length) },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
        req.end(payload);
      }),
    );
  expect(answers).toEqual(Array(30).fill(413));
});
