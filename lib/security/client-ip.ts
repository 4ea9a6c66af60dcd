import 'server-only';
import { headers } from 'next/headers';

/** The client address as seen by the nearest proxy (or by Next itself): the last x-forwarded-for entry. */
export async function clientIp(): Promise<string> {
  const h = await headers();
  const forwarded = h
    .get('x-forwarded-for')
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return (forwarded?.at(-1) ?? h.get('x-real-ip') ?? 'unknown').slice(0, 64);
}
