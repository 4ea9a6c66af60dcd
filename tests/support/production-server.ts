// Starts the real production server (server.ts: page cache, rate limits, Next) from the build in
// production-build.ts on a port of 3300-3399, waits for /healthz, and stops it by its own process id: the
// benchmarks and the reliability suite. (The end-to-end specs use the server playwright.config.ts starts.)
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { distDir } from './production-build';
import { root, sleep } from './script';

/** Lets a benchmark read the page cache's counters from /metrics. */
export const serverMetricsToken = 'bench-metrics-token-0123456789';

export const serverAuthSecret = 'bench-secret-not-for-production-0123456789';

/** A running server: `url` and `distDir` make it an AppTarget for the action client (server-actions.ts). */
export type AppServer = {
  url: string;
  distDir: string;
  port: number;
  pid: number;
  log: string;
  stop(): Promise<void>;
};

export type ServerOptions = {
  port: number;
  databaseUrl: string;
  /** PAGE_CACHE=off renders every request. */
  pageCache?: boolean;
  /** Worker processes (WEB_CONCURRENCY). 1 unless a caller says otherwise: the benchmarks compare with a bare
   *  node:http server (one process) and with their own earlier figures, and the reliability suite's kill and
   *  outage parts reason about one process; bench/workers.ts measures more. */
  workers?: number;
  env?: Record<string, string>;
  /** Node's own flags, before the script (e.g. --cpu-prof, which NODE_OPTIONS does not accept). */
  nodeFlags?: string[];
};

// Servers this process started: killed if the benchmark dies half-way, so none outlives it.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    for (const child of running) child.kill('SIGKILL');
    process.exit(130);
  });

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });
}

export async function startServer(options: ServerOptions): Promise<AppServer> {
  const { port } = options;
  if (port < 3300 || port > 3399) throw new Error(`servers started here use ports 3300-3399 only (got ${port})`);
  if (!(await portIsFree(port)))
    throw new Error(`port ${port} is in use: is another benchmark or reliability run still going?`);
  const url = `http://127.0.0.1:${port}`;
  mkdirSync(path.join(root, 'data'), { recursive: true });
  const log = path.join(root, 'data', `bench-server-${port}.log`);
  const out = createWriteStream(log, { flags: 'a' });
  out.write(`\n── server started ${new Date().toISOString()}\n`);
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), '--import', 'tsx', 'server.ts', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_DIST_DIR: distDir,
        NEXT_TELEMETRY_DISABLED: '1',
        DATABASE_URL: options.databaseUrl,
        AUTH_SECRET: serverAuthSecret,
        APP_URL: url,
        NEXTAUTH_URL: url,
        // No mail leaves the machine: the outbox keeps it, and no sender runs inside the measured process.
        MAILER: 'off',
        DEV_MAILBOX: '1',
        SMTP_URL: '',
        REDIS_URL: '',
        // The request-level write limits would otherwise refuse a benchmark's deliberate load.
        RATE_LIMIT_WRITES_PER_IP: '100000000',
        RATE_LIMIT_WRITES_PER_SESSION: '100000000',
        PAGE_CACHE: options.pageCache === false ? 'off' : 'on',
        WEB_CONCURRENCY: String(options.workers ?? 1),
        METRICS_TOKEN: serverMetricsToken,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.add(child);
  child.stdout!.pipe(out, { end: false });
  child.stderr!.pipe(out, { end: false });
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exited = code;
      running.delete(child);
      out.end();
      resolve();
    }),
  );

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`the server exited (code ${exited}) before it was ready; see ${log}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /healthz within 90 s; see ${log}`);
    }
    await sleep(200);
  }

  return {
    url,
    distDir,
    port,
    pid: child.pid!,
    log,
    async stop() {
      if (exited !== undefined) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 12_000);
      await exit;
      clearTimeout(killer);
    },
  };
}

/** Stops servers even when a benchmark throws half-way. */
export async function withServer<T>(options: ServerOptions, body: (server: AppServer) => Promise<T>): Promise<T> {
  const server = await startServer(options);
  try {
    return await body(server);
  } finally {
    await server.stop();
  }
}
