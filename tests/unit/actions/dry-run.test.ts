import { describe, expect, test } from 'vitest';
import { dryRunHash, dryRunIntent } from '@/lib/actions/dry-run';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe('a save is only accepted for what was dry-run', () => {
  const hash = dryRunHash({ base: 3, next: [{ id: 'courts' }] });

  test('without intent=save it is a dry run', () => {
    expect(dryRunIntent(form({}), hash)).toBe('dry-run');
    expect(dryRunIntent(form({ intent: 'dry-run', confirmHash: hash }), hash)).toBe('dry-run');
  });

  test('a save with the dry run’s fingerprint saves; with another one (or none) it is stale', () => {
    expect(dryRunIntent(form({ intent: 'save', confirmHash: hash }), hash)).toBe('save');
    expect(dryRunIntent(form({ intent: 'save' }), hash)).toBe('stale');
    const changedBase = dryRunHash({ base: 4, next: [{ id: 'courts' }] });
    expect(changedBase).not.toBe(hash);
    expect(dryRunIntent(form({ intent: 'save', confirmHash: hash }), changedBase)).toBe('stale');
  });
});
