// Every redirect this site makes to a place a request named (?callbackUrl=, ?next=, next-auth's callback)
// goes through safeRedirectPath: the target is resolved against APP_URL and kept only when it stays on this
// origin. Prefix checks are not enough (issue 12.2): browsers drop tabs and newlines from URLs, so
// "/<TAB>/evil.example" passed a `startsWith('//')` test and landed on //evil.example.

const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/;
// In the path only: %2F and %5C decode to / and \ in some proxies and routers. The query may hold them
// (e.g. /welcome?next=%2Farticles%2Fx, which is itself checked when used).
const encodedSlash = /%(2f|5c)/i;

/** A same-site path (with query and fragment) to redirect to, or `fallback`. `appUrl`: the site's own origin. */
export function safeRedirectPath(value: unknown, fallback: string, appUrl: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 500) return fallback;
  if (controlCharacters.test(value) || value.includes('\\')) return fallback;
  // A path from the root, or an absolute URL (kept only if it is this site's own).
  if (!value.startsWith('/') && !/^https?:\/\//i.test(value)) return fallback;
  const pathPart = value.split(/[?#]/, 1)[0]!;
  if (encodedSlash.test(pathPart)) return fallback;
  let base: URL;
  let target: URL;
  try {
    base = new URL(appUrl);
    target = new URL(value, base);
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin) return fallback;
  // Relative targets only, or absolute ones on this origin; either way the answer is a path, and a path
  // that would read as protocol-relative is refused.
  const path = `${target.pathname}${target.search}${target.hash}`;
  return path.startsWith('/') && !path.startsWith('//') ? path : fallback;
}
