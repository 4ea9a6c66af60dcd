// The baseline for the article page: a bare node:http server answering every request with the same
// HTML bytes from memory. Run as its own process (like the app) so it does not share a core's event loop
// with the load generator: `node --import tsx bench/lib/static-server.ts --port P --file F`.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { isMain, numberFlag, root, sleep, stringFlag } from '../../tests/support/script';

if (isMain(import.meta.url)) {
  const body = readFileSync(stringFlag('file')!);
  const port = numberFlag('port', 3302);
  const server = http.createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': body.length,
      'cache-control': 'no-cache',
    });
    res.end(body);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, '127.0.0.1', () => console.log(`static on ${port}`));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

export async function startStaticServer(port: number, file: string): Promise<{ url: string; stop(): Promise<void> }> {
  if (port < 3300 || port > 3399) throw new Error(`benchmarks use ports 3300-3399 only (got ${port})`);
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'bench/lib/static-server.ts'), '--port', String(port), '--file', file],
    { cwd: root, stdio: 'ignore' },
  );
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {}
    if (i > 100) throw new Error('the static baseline server did not start');
    await sleep(100);
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exit;
      process.off('exit', kill);
    },
  };
}
