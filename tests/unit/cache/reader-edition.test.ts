import { describe, expect, it } from 'vitest';
import { readerEdition } from '@/lib/cache/reader-edition';
import { hashedPolicy } from '@/lib/security/csp-hashes';

// Shaped like what Next 16 renders for a signed-out story page.
const rendered = [
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/app.css" nonce="n1" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" nonce="n1" href="/_next/static/chunks/webpack.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/module.js"/>',
  '<link rel="icon" href="/icon.svg" type="image/svg+xml"/>',
  '<script src="/_next/static/chunks/main.js" async="" nonce="n1"></script>',
  '<script src="/_next/static/chunks/polyfills.js" noModule="" nonce="n1"></script>',
  '<title>Story · The Ledger</title></head><body>',
  '<p>A comment quoting &lt;script&gt;alert(1)&lt;/script&gt; stays text.</p>',
  '<a href="/articles/story?sort=newest#comments">Newest</a><!--$--><p>done</p><!--/$-->',
  '<script nonce="n1">(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script nonce="n1">self.__next_f.push([1,"0:{\\"a\\":\\"\\u003c/script\\u003e\\"}"])</script>',
  '<SCRIPT nonce="n1" id="_R_">globalThis.TURBOPACK=[]</SCRIPT >',
  '</body></html>',
].join('\n');

describe('readerEdition', () => {
  const edition = readerEdition(rendered)!;

  it('takes out every script and script preload', () => {
    expect(edition).not.toMatch(/<script/i);
    expect(edition).not.toContain('__next_f');
    expect(edition).not.toContain('webpack.js');
    expect(edition).not.toContain('module.js');
  });

  it('keeps the content, styles, icon and links, and escaped text that mentions scripts', () => {
    expect(edition).toContain('<link rel="stylesheet" href="/_next/static/chunks/app.css"');
    expect(edition).toContain('<link rel="icon" href="/icon.svg"');
    expect(edition).toContain('<title>Story · The Ledger</title>');
    expect(edition).toContain('&lt;script&gt;alert(1)&lt;/script&gt; stays text.');
    expect(edition).toContain('<a href="/articles/story?sort=newest#comments">Newest</a><!--$--><p>done</p><!--/$-->');
    expect(edition).toContain('</body></html>');
  });

  it('leaves a page alone when React still has to finish it with scripts', () => {
    const pending = rendered.replace(
      '<!--$--><p>done</p><!--/$-->',
      '<!--$?--><template id="B:0"></template><p>Loading…</p><!--/$-->',
    );
    expect(readerEdition(pending)).toBeNull();
    const streamed = rendered.replace('</body>', '<div hidden id="S:0"><p>late</p></div></body>');
    expect(readerEdition(streamed)).toBeNull();
  });

  it('is served under a policy that runs no script at all', () => {
    expect(hashedPolicy(edition)).toContain("script-src 'none'");
    // A page that keeps its scripts pins the inline ones by hash instead.
    const pinned = hashedPolicy(rendered);
    expect(pinned).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(pinned).not.toContain("script-src 'none'");
  });
});
