import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { MailText } from '@/app/dev/mailbox/mail-text';

describe('the dev mailbox renders emails', () => {
  test('sign-in links on localhost become links, without the sentence full stop', () => {
    const html = renderToStaticMarkup(
      <MailText
        text={'Sign in:\nhttp://localhost:3000/api/auth/callback/email?token=abc&email=a%40b.example.\n\nThanks'}
      />,
    );
    expect(html).toContain(
      '<a href="http://localhost:3000/api/auth/callback/email?token=abc&amp;email=a%40b.example">',
    );
    expect(html).toContain('<p><span>Thanks</span></p>');
  });

  test('quoted reader text stays text', () => {
    const html = renderToStaticMarkup(
      <MailText text={'A reader wrote: <script>alert(1)</script> javascript:alert(1)'} />,
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('href="javascript');
  });
});
