// The duplicate rules' comparison (sameFingerprint, rules/context-rules.ts) rules most pairs out from the
// fingerprints' lengths, first and last letters and hashes before it reads their words: these cases pin the
// pairs those shortcuts must not rule out, and the ones they must.
import { describe, expect, test } from 'vitest';
import { sameFingerprint } from '@/lib/policy/rules/context-rules';

const original = 'Earn 500 pounds a day working from home, message me to find out how it works.';
const letters = (text: string) => text.replace(/[^A-Za-z0-9]/g, '').length;

describe('sameFingerprint', () => {
  test('the same text, and the same text respaced, share its whole fingerprint', () => {
    expect(sameFingerprint(original, original)).toBeGreaterThan(30);
    expect(sameFingerprint(original.replace(/ /g, '   '), original)).toBe(sameFingerprint(original, original));
  });

  test('a few words added after the text or before it are the same text, either way round', () => {
    for (const [a, b] of [
      [`${original} Thanks!`, original],
      [original, `${original} Thanks!`],
      [`Hi all. ${original}`, original],
      [original, `Hi all. ${original}`],
    ])
      expect(sameFingerprint(a!, b!)).toBeGreaterThan(30);
  });

  test('words added at both ends, or too many at one, make a new text', () => {
    expect(sameFingerprint(`Hi all. ${original} Thanks!`, original)).toBe(-1);
    expect(sameFingerprint(`${original} Thanks so much, everyone!!`, original)).toBe(-1);
  });

  test('texts of the same length with the same first and last letters are new when any letter differs', () => {
    const other = original.replace('day', 'dab');
    expect(letters(other)).toBe(letters(original));
    expect(sameFingerprint(other, original)).toBe(-1);
    const longer = `${original.slice(0, -1)}s and why.`;
    expect(sameFingerprint(longer, `${original.slice(0, -1)}x and why.`)).toBe(-1);
  });

  test('a text that shares only its last letter with a longer one is new', () => {
    expect(sameFingerprint(`Zz ${original}`, `${original.slice(0, -1)}Az.`)).toBe(-1);
  });
});
