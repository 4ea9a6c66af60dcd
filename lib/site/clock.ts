// The time the app reasons with about a story's time rules (issue 18: pre-moderated for the first hours, closing N
// days after publication). It is the system clock. Only the end-to-end tests move it: with TEST_CLOCK=1, which
// server.ts refuses unless it listens on a loopback address and APP_URL is one (lib/server/test-clock.ts), a POST to
// /__test/clock sets how far ahead it runs. server.ts and the app bundle share it through globalThis (one process
// each; the tests run one worker). No imports here, so server.ts can load it without the app.
const holder = globalThis as unknown as { __testClockOffsetMs?: number };

/** Now, in milliseconds, on the app's clock. */
export const clockMs = (): number => Date.now() + (holder.__testClockOffsetMs ?? 0);

/** Now, on the app's clock. */
export const clockNow = (): Date => new Date(clockMs());

/** Runs the app's clock this far ahead of the system's (0: the system clock). For lib/server/test-clock.ts only. */
export function setClockOffset(ms: number): void {
  holder.__testClockOffsetMs = ms;
}
