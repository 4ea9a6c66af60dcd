// Right-to-left comments and names (issue 17, "the small things"): every paragraph of a comment and every name takes
// the direction of its own text (dir="auto"), so Arabic and Hebrew read right to left beside English.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { CommentBody } from '@/components/comments/comment-body';

describe('comment direction', () => {
  test('each paragraph of a comment carries dir="auto"', () => {
    const html = renderToStaticMarkup(<CommentBody body={'مرحبا بالجميع\n\nA second paragraph in English.'} />);
    expect(html.match(/<p dir="auto">/g)).toHaveLength(2);
    expect(html).toContain('مرحبا بالجميع');
  });
});
