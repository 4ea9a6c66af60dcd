import { describe, expect, test } from 'vitest';
import { countLinks, linkify, parseCommentBody } from '@/lib/comments/comment-body';

describe('parseCommentBody', () => {
  test('splits paragraphs on blank lines and keeps single line breaks', () => {
    const paragraphs = parseCommentBody('First line\nsecond line\n\n\nNew paragraph');
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]).toEqual([[{ kind: 'text', text: 'First line' }], [{ kind: 'text', text: 'second line' }]]);
    expect(paragraphs[1]).toEqual([[{ kind: 'text', text: 'New paragraph' }]]);
  });

  test('normalises Windows line endings and drops empty paragraphs', () => {
    expect(parseCommentBody('a\r\n\r\n\r\nb')).toHaveLength(2);
    expect(parseCommentBody('   \n\n  ')).toEqual([]);
  });

  test('markup stays text: nothing is turned into elements', () => {
    const body = '<script>alert(1)</script> <img src=x onerror=alert(1)> &lt;b&gt;';
    const runs = parseCommentBody(body).flat(2);
    expect(runs).toEqual([{ kind: 'text', text: body }]);
  });
});

describe('linkify', () => {
  test('links http and https URLs and strips sentence punctuation', () => {
    expect(linkify('See https://example.com/report.pdf.')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.com/report.pdf', href: 'https://example.com/report.pdf' },
      { kind: 'text', text: '.' },
    ]);
  });

  test('bare www. hosts become https links', () => {
    const [, link] = linkify('Try www.example.org, it is good');
    expect(link).toEqual({ kind: 'link', text: 'www.example.org', href: 'https://www.example.org/' });
  });

  test('keeps a balanced closing parenthesis inside the URL', () => {
    const runs = linkify('(see https://en.wikipedia.org/wiki/5G_(disambiguation))');
    expect(runs[1]).toMatchObject({ kind: 'link', text: 'https://en.wikipedia.org/wiki/5G_(disambiguation)' });
    expect(runs[2]).toEqual({ kind: 'text', text: ')' });
  });

  test('never links javascript:, data: or other schemes', () => {
    for (const text of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'file:///etc/passwd',
    ]) {
      expect(linkify(text).every((run) => run.kind === 'text')).toBe(true);
    }
  });

  test('stops a URL at quotes and angle brackets so attributes cannot be smuggled', () => {
    const runs = linkify('https://example.com/"onmouseover="alert(1)');
    const link = runs.find((run) => run.kind === 'link');
    expect(link?.text).toBe('https://example.com/');
  });

  test('does not link URLs with credentials (phishing trick)', () => {
    expect(linkify('http://bank.example@evil.example/').some((run) => run.kind === 'link')).toBe(false);
  });

  test('hrefs are normalised absolute http(s) URLs', () => {
    const link = linkify('https://EXAMPLE.com/a b')[0];
    expect(link).toEqual({ kind: 'link', text: 'https://EXAMPLE.com/a', href: 'https://example.com/a' });
  });

  test('counts links across paragraphs', () => {
    expect(countLinks('one https://a.example\n\ntwo http://b.example and www.c.example')).toBe(3);
  });

  test('is linear on pathological input', () => {
    const started = performance.now();
    linkify(`https://${'a'.repeat(100_000)}`);
    linkify('www.'.repeat(25_000));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
