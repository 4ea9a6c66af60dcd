// A deploy or `npm run demo`'s Ctrl-C: stop accepting connections, let requests under way finish (a comment
// being posted is answered), close idle keep-alive sockets at once so the server is not held open by browsers,
// then release Redis; a request that never finishes cannot hold the process beyond the grace period.
import type { Server } from 'node:http';

export type ShutdownOptions = {
  /** Connections still open after this long are abandoned. */
  graceMs?: number;
  exit?: (code: number) => void;
};

/** Returns the function to call on SIGTERM/SIGINT; calling it again while closing does nothing. */
export function gracefulShutdown(
  server: Server,
  release: () => Array<Promise<unknown> | undefined>,
  { graceMs = 10_000, exit = (code) => process.exit(code) }: ShutdownOptions = {},
): () => void {
  let closing = false;
  return () => {
    if (closing) return;
    closing = true;
    server.close(() => {
      void Promise.allSettled(release()).then(() => exit(0));
    });
    server.closeIdleConnections();
    setTimeout(() => exit(0), graceMs).unref();
  };
}
