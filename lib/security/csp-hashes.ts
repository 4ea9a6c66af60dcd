// For HTML served from the page cache: the same policy with the nonce replaced by the SHA-256 hashes of the
// page's inline scripts, since a nonce stored with the page would be reused across responses. A page with no
// scripts at all (the reader edition, lib/cache/reader-edition.ts) gets `script-src 'none'`.
import { createHash } from 'node:crypto';
import { contentSecurityPolicy } from './csp';

export function hashedPolicy(html: string): string {
  if (!/<script\b/i.test(html)) return contentSecurityPolicy(null);
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(match[1] ?? '') || !match[2]) continue;
    hashes.add(`'sha256-${createHash('sha256').update(match[2], 'utf8').digest('base64')}'`);
  }
  return contentSecurityPolicy([...hashes].join(' '));
}
