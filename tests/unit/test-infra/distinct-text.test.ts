// Load tests and benchmarks post many texts per reader; the policy must see every one as a new text, or the
// runs measure refusals (the freshness benchmark did: its numbered replies were "the same text" to the policy).
import { expect, test } from 'vitest';
import { sameFingerprint } from '@/lib/policy/rules/context-rules';
import { distinctText } from '../../support/distinct-text';

test('no two texts share a fingerprint, whatever marker follows them', () => {
  const texts = [...Array.from({ length: 150 }, (_, i) => i), 1000, 1006, 1009, 1011, 199_000, 199_059].map(
    (n) => `${distinctText(n)} [m${n}x]`,
  );
  const same: string[] = [];
  texts.forEach((a, i) => texts.slice(0, i).forEach((b) => sameFingerprint(a, b) >= 0 && same.push(`${a} ~ ${b}`)));
  expect(same).toEqual([]);
});

test('numbered texts like the old ones are the same text to the policy (why this helper exists)', () => {
  // Inside a word, 6 and 9 both read as g (leetspeak), so markers told apart by them are the same word.
  const numbered = (n: number) => `Comment from reader 5 under load [rlmwz3abcu5n${n}z]`;
  expect(sameFingerprint(numbered(6), numbered(9))).toBeGreaterThanOrEqual(0);
});
