// The one Content-Security-Policy: scripts only from our origin or carrying this response's nonce (or, for
// cached pages, matching a hash of their inline scripts); no plugins; no framing; forms post only to us.
// Styles allow inline attributes (React `style={…}`); scripts never run inline without a nonce or hash.
// `null` script sources: the page has no scripts, so none may run (`script-src 'none'`).
export function contentSecurityPolicy(scriptSources: string | null, development = false): string {
  return [
    `default-src 'self'`,
    scriptSources === null
      ? `script-src 'none'`
      : `script-src 'self'${scriptSources ? ` ${scriptSources}` : ''}${development ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: https:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}
