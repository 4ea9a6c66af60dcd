// The audit export's CSV: fields quoted as RFC 4180 says, and no cell a spreadsheet would run as a formula.
import { describe, expect, test } from 'vitest';
import { csvCell, csvDocument } from '@/lib/moderation/csv';

describe('csv', () => {
  test('quotes fields with commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded ')).toBe('" padded "');
  });

  test('a reader’s text that starts like a formula is written as text', () => {
    for (const formula of ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'])
      expect(csvCell(formula).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('a = b')).toBe('a = b');
  });

  test('a document: byte-order mark, CRLF line ends, one line per row', () => {
    expect(
      csvDocument([
        ['h1', 'h2'],
        ['1', 'x,y'],
      ]),
    ).toBe('\uFEFFh1,h2\r\n1,"x,y"\r\n');
  });
});
