// CPU per cached request: the server's own CPU time (user + system, read from /proc for its process tree) per
// answered request, for the page cache and for a bare node:http server answering the same bytes. Throughput on a
// shared, noisy host swings with the neighbours; CPU time per request hardly does, so this is the figure to
// compare two versions of the serving path with (issue 20: the per-request overhead that keeps a small story's
// cached page below bare node:http). Rounds alternate between the two servers so both see the same host.
//   npx tsx bench/serving-cpu.ts [--requests 20000] [--rounds 5] [--connections 32] [--path /articles/council-bike-lanes]
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { ensureBuild } from '../tests/support/production-build';
import { startServer } from '../tests/support/production-server';
import { resetDatabase } from '../tests/support/reset-db';
import { isMain, median, numberFlag, root, stringFlag } from '../tests/support/script';
import { httpGet as get } from '../tests/support/server-actions';
import { sqliteUrl } from './lib/databases';
import { startStaticServer } from './lib/static-server';
import { banner } from './lib/util';

const ticksPerSecond = 100; // USER_HZ on Linux

/** CPU seconds (user + system) used so far by a process and every process under it. */
function treeCpuSeconds(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {}
  }
  let ticks = 0;
  const visit = (p: number) => {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').slice(0, -1);
      const after = fields.slice(fields.lastIndexOf(')') + 2).split(' ');
      ticks += Number(after[11]) + Number(after[12]); // utime, stime
    } catch {}
    for (const child of children.get(p) ?? []) visit(child);
  };
  visit(pid);
  return ticks / ticksPerSecond;
}

async function round(url: string, pid: number, requests: number, connections: number) {
  const before = treeCpuSeconds(pid);
  const started = performance.now();
  const result = await autocannon({ url, connections, amount: requests, timeout: 30 });
  const wall = (performance.now() - started) / 1000;
  const cpu = treeCpuSeconds(pid) - before;
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { cpuUsPerRequest: (cpu / result.requests.total) * 1e6, reqPerSec: result.requests.total / wall };
}

export async function main({ requests = 20_000, rounds = 5, connections = 32, page = '/articles/council-bike-lanes' }) {
  banner(`CPU per cached request: page cache vs bare node:http (${page})`);
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  await ensureBuild({});
  await resetDatabase(sqliteUrl, { seed: true });
  const app = await startServer({ port: 3390, databaseUrl: sqliteUrl });
  try {
    const url = app.url + page;
    let first = await get(url);
    for (let i = 0; i < 50 && first.headers['x-page-cache'] !== 'hit'; i++) first = await get(url);
    if (first.headers['x-page-cache'] !== 'hit') throw new Error(`${url} was not cached`);
    const file = path.join(root, 'data', 'bench-serving-cpu.html');
    writeFileSync(file, first.text);
    console.log(`page: ${(Buffer.byteLength(first.text) / 1024).toFixed(1)} KB (identity)`);
    const bare = await startStaticServer(3391, file);
    const bareProcess = Number(
      readdirSync('/proc').find(
        (p) => /^\d+$/.test(p) && safeCmdline(p).includes('static-server.ts') && safeCmdline(p).includes('3391'),
      ),
    );
    try {
      const samples = { app: [] as number[], bare: [] as number[], appRate: [] as number[], bareRate: [] as number[] };
      await round(url, app.pid, 5000, connections);
      await round(bare.url, bareProcess, 5000, connections);
      for (let i = 0; i < rounds; i++) {
        const a = await round(url, app.pid, requests, connections);
        const b = await round(bare.url, bareProcess, requests, connections);
        samples.app.push(a.cpuUsPerRequest);
        samples.bare.push(b.cpuUsPerRequest);
        samples.appRate.push(a.reqPerSec);
        samples.bareRate.push(b.reqPerSec);
        console.log(
          `round ${i + 1}: page cache ${a.cpuUsPerRequest.toFixed(1)} µs CPU/request (${a.reqPerSec.toFixed(0)} req/s), bare ${b.cpuUsPerRequest.toFixed(1)} µs (${b.reqPerSec.toFixed(0)} req/s)`,
        );
      }
      const result = {
        page,
        appCpuUs: median(samples.app),
        bareCpuUs: median(samples.bare),
        ratio: median(samples.bare) / median(samples.app),
      };
      console.log(
        `median: page cache ${result.appCpuUs.toFixed(1)} µs, bare ${result.bareCpuUs.toFixed(1)} µs per request: the cache costs ${(1 / result.ratio).toFixed(2)}× bare's CPU (bare/cache = ${(result.ratio * 100).toFixed(0)} %)`,
      );
      console.log(
        `load average ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
      );
      return result;
    } finally {
      await bare.stop();
    }
  } finally {
    await app.stop();
  }
}

function safeCmdline(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

if (isMain(import.meta.url))
  await main({
    requests: numberFlag('requests', 20_000),
    rounds: numberFlag('rounds', 5),
    connections: numberFlag('connections', 32),
    page: stringFlag('path') ?? '/articles/council-bike-lanes',
  });
