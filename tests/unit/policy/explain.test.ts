// README's moderation section and /policy say the same thing from one definition (issue 13).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { explainModeration, moderationExplained } from '@/lib/policy/explain';
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

describe('explained from the settings in force', () => {
  test('an admin-edited threshold and new-account count are what /policy says', () => {
    const trust = explainModeration({ newCommenterHoldCount: 3, trustThreshold: -5 })
      .find((part) => part.id === 'trust')!
      .sentences.join(' ');
    expect(trust).toContain('until 3 of them are approved');
    expect(trust).toContain('falls below −5,');
    expect(trust).not.toContain(`below −${-defaultPolicySettings.trustThreshold},`);
  });

  test('with no new-account review, the page does not promise one', () => {
    const trust = explainModeration({ newCommenterHoldCount: 0, trustThreshold: 4 })
      .find((part) => part.id === 'trust')!
      .sentences.join(' ');
    expect(trust).not.toContain('reviewed by a moderator until');
    expect(trust).toContain('falls below 4,');
  });
});
