// HTTP load with autocannon (programmatic, promise API), summarised as the figures the report prints.
import autocannon from 'autocannon';

export type LoadSummary = {
  label: string;
  url: string;
  connections: number;
  seconds: number;
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerRequest: number;
};

export async function load(
  label: string,
  url: string,
  { connections = 32, seconds = 15, headers = {} as Record<string, string> } = {},
): Promise<LoadSummary> {
  const result = await autocannon({ url, connections, duration: seconds, headers, timeout: 30 });
  const requests = result.requests.total;
  return {
    label,
    url,
    connections,
    seconds: result.duration,
    requests,
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerRequest: requests ? Math.round(result.throughput.total / requests) : 0,
  };
}

export function describeLoad(s: LoadSummary): string {
  const problems = [
    s.non2xx && `${s.non2xx} non-2xx`,
    s.errors && `${s.errors} errors`,
    s.timeouts && `${s.timeouts} timeouts`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${s.label}: ${s.reqPerSec.toFixed(0)} req/s · p50 ${s.p50Ms} ms · p99 ${s.p99Ms} ms · max ${s.maxMs} ms · ${s.requests.toLocaleString('en-US')} requests, ${(s.bytesPerRequest / 1024).toFixed(1)} KB each${problems ? ` · ${problems}` : ''}`;
}
