// README's moderation section and /policy say the same thing from one definition (issue 13).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { moderationExplained } from '@/lib/policy/explain';
import { defaultPolicySettings } from '@/lib/policy/settings';
import { trustWeights } from '@/lib/policy/trust';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Moderation, as readers see it'), readme.indexOf('## PostgreSQL'));

describe('moderation explained', () => {
  test.each(moderationExplained.flatMap((part) => [part.title, ...part.sentences]))('README quotes: %s', (sentence) => {
    expect(section).toContain(sentence);
  });

  test('the numbers are the ones the code applies', () => {
    const trust = moderationExplained.find((part) => part.id === 'trust')!.sentences.join(' ');
    expect(trust).toContain(`takes away ${trustWeights.breach} points`);
    expect(trust).toContain(`below −${-defaultPolicySettings.trustThreshold}`);
    expect(trust).toContain(`every ${trustWeights.agePointDays} days, up to ${trustWeights.ageMaxPoints}`);
  });
});
