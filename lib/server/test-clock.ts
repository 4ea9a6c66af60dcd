// The end-to-end tests' clock (issue 18: "a story closing at its time, with a controllable clock in tests"): with
// TEST_CLOCK=1, POST /__test/clock {"offsetMs": N} runs the app's clock (lib/site/clock.ts) N ms ahead, so a test
// sees a story close or its pre-moderation end without waiting. It moves time for everyone the process serves, so
// server.ts refuses to start with it unless both APP_URL and the listen address are loopback ones, as for the dev
// mailbox; without TEST_CLOCK the path is an ordinary 404.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { setClockOffset } from '../site/clock';
import { isLoopbackAddress } from './dev-mailbox-guard';

/** Why the test clock must not run with this configuration, or null when it may. */
export function testClockProblem(config: { testClock: boolean; appUrl: string; listenHost: string }): string | null {
  if (!config.testClock) return null;
  let appHost = '';
  try {
    appHost = new URL(config.appUrl).hostname;
  } catch {
    return `APP_URL (${config.appUrl}) is not a URL.`;
  }
  if (!isLoopbackAddress(appHost) || !isLoopbackAddress(config.listenHost))
    return 'TEST_CLOCK=1 lets any caller move the clock stories close by; it is for the end-to-end tests on this machine only (APP_URL and the listen address must be loopback ones). Unset TEST_CLOCK.';
  return null;
}

const body = z.object({
  offsetMs: z
    .number()
    .int()
    .min(0)
    .max(3650 * 86_400_000),
});

/** Answers POST /__test/clock and says whether it did. */
export function answerTestClock(req: IncomingMessage, res: ServerResponse, path: string): boolean {
  if (path !== '/__test/clock') return false;
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let parsed: z.ZodSafeParseResult<z.infer<typeof body>> | null = null;
    try {
      parsed = body.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    } catch {
      parsed = null;
    }
    if (req.method !== 'POST' || !parsed?.success) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('POST {"offsetMs": N}, N ≥ 0');
      return;
    }
    setClockOffset(parsed.data.offsetMs);
    res.writeHead(204).end();
  });
  return true;
}
