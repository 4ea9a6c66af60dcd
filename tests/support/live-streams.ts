// Many readers with a story open at once (issue 17): `count` Server-Sent Event streams to /live/articles/<slug>,
// from distinct loopback addresses (the hub limits streams per address), then one comment posted through the real
// action; how much the server process grew with the streams open (its /metrics), and how long the comment took to
// reach every stream. The live-threads spec asserts the bounds; bench/live.ts records the figures.
import http from 'node:http';
import { createArticle, createTrustedReader } from './factories';
import { e2eMetricsToken, postCommentOverHttp, type AppTarget } from './server-actions';
import { openSession } from './sessions';

type Metrics = { memory: { rss: number; heapUsed: number }; live: { streams: number } };

export async function readMetrics(baseUrl: string, token = e2eMetricsToken): Promise<Metrics> {
  const response = await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
  return (await response.json()) as Metrics;
}

/** The n-th of a set of loopback addresses, `perAddress` streams each (127.1.x.y: any 127/8 address is local). */
const loopback = (n: number, perAddress: number) => {
  const k = Math.floor(n / perAddress);
  return `127.1.${Math.floor(k / 250)}.${(k % 250) + 1}`;
};

export type LiveStreamsResult = {
  streams: number;
  rssGrowthMb: number;
  heapGrowthMb: number;
  postMs: number;
  /** From the post's acknowledgment (as the freshness benchmark counts) to the last stream hearing of it; 0 when all
   *  heard before the poster had the answer. */
  reachedAllMs: number;
  /** From the moment the post was sent (includes the post itself, slow on a loaded machine). */
  reachedAllFromSendMs: number;
  p50Ms: number;
  reached: number;
};

export async function measureLiveStreams(
  server: AppTarget,
  { count = 1000, perAddress = 8, metricsToken = e2eMetricsToken } = {},
): Promise<LiveStreamsResult> {
  const article = await createArticle('live-streams');
  const reader = await createTrustedReader(`Streams ${Date.now() % 1_000_000}`);
  const sessionToken = await openSession(reader.id);
  const before = await readMetrics(server.url, metricsToken);
  const base = new URL(server.url);

  const received: number[] = new Array(count).fill(0);
  const requests: http.ClientRequest[] = [];
  await Promise.all(
    Array.from(
      { length: count },
      (_, i) =>
        new Promise<void>((resolve, reject) => {
          const req = http.get(
            {
              host: base.hostname,
              port: base.port,
              path: `/live/articles/${article.slug}`,
              localAddress: loopback(i, perAddress),
              agent: false,
            },
            (res) => {
              if (res.statusCode !== 200) return reject(new Error(`stream ${i}: ${res.statusCode}`));
              res.setEncoding('utf8');
              let opened = false;
              res.on('data', (chunk: string) => {
                if (!opened) {
                  opened = true;
                  resolve();
                }
                if (!received[i] && chunk.includes('event: change')) received[i] = performance.now();
              });
            },
          );
          req.on('error', reject);
          requests.push(req);
        }),
    ),
  );
  const open = await readMetrics(server.url, metricsToken);

  const sent = performance.now();
  const posted = await postCommentOverHttp({ server, article, sessionToken, body: `Live to everyone ${Date.now()}` });
  const acknowledged = performance.now();
  const postMs = acknowledged - sent;
  if (posted.state?.status !== 'done') throw new Error(`the post was not accepted: ${posted.text.slice(0, 200)}`);
  const deadline = performance.now() + 10_000;
  while (received.some((at) => at === 0) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  for (const req of requests) req.destroy();

  const times = received
    .filter((at) => at > 0)
    .map((at) => Math.max(0, at - acknowledged))
    .sort((a, b) => a - b);
  const last = Math.max(...received);
  return {
    streams: open.live.streams - before.live.streams,
    rssGrowthMb: (open.memory.rss - before.memory.rss) / 2 ** 20,
    heapGrowthMb: (open.memory.heapUsed - before.memory.heapUsed) / 2 ** 20,
    postMs,
    reachedAllMs: times.length === count ? times[times.length - 1]! : Infinity,
    reachedAllFromSendMs: times.length === count ? last - sent : Infinity,
    p50Ms: times[Math.floor(times.length / 2)] ?? Infinity,
    reached: times.length,
  };
}
