// /healthz tells a load balancer ok or not, and nothing else; the page cache's figures are at /metrics, for
// operators holding METRICS_TOKEN (issue 12.10). Without a token configured /metrics does not exist.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether the request carries `Authorization: Bearer <METRICS_TOKEN>` (compared in constant time). */
export function metricsAllowed(headers: IncomingHttpHeaders, token: string | undefined): boolean {
  if (!token) return false;
  const given = /^Bearer\s+(\S+)$/i.exec(String(headers.authorization ?? ''))?.[1];
  return !!given && timingSafeEqual(digest(given), digest(token));
}
