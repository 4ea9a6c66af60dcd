// checkDraft: the compose box's live warnings. Text rules only; no account or article is involved.
import { describe, expect, test } from 'vitest';
import { checkDraft, clauseLabel } from '@/lib/policy';
import { defaultPolicy, expectSpans, policyWith } from './helpers';

describe('checkDraft', () => {
  test('a clean draft has no warnings', () => {
    expect(checkDraft('I think the new cycle lane is a good idea.', defaultPolicy)).toEqual([]);
  });

  test('warns about name-calling with the clause and the place to fix', () => {
    const body = 'Only an idiot would believe this.';
    const [warning, ...rest] = checkDraft(body, defaultPolicy);
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ ruleId: 'suspect-terms', outcome: 'hold', clause: 'civility' });
    expect(clauseLabel(warning!.clause)).toBe('§1 Be civil');
    expect(warning!.message).toBe('“idiot” may be name-calling; a moderator will check it.');
    expectSpans(body, warning!, 'idiot');
  });

  test('rejections come first, then holds', () => {
    const body =
      'Shut up. Read https://a.example/1 https://b.example/2 https://c.example/3 or spam.example, you idiot, this is shit. Call 020 7946 0958.';
    const warnings = checkDraft(body, defaultPolicy);
    expect(warnings.map((w) => w.ruleId)).toEqual([
      'banned-terms',
      'blocked-domain',
      'suspect-terms',
      'link-limit',
      'personal-info',
    ]);
    expect(warnings.map((w) => w.outcome)).toEqual(['reject', 'reject', 'hold', 'hold', 'hold']);
    expectSpans(body, warnings[2]!, 'Shut up', 'idiot');
  });

  test('warns about links, personal information and shouting', () => {
    expect(checkDraft('Write to jo@example.org', defaultPolicy).map((w) => w.ruleId)).toEqual(['personal-info']);
    expect(
      checkDraft('https://a.example/1 https://b.example/2 https://c.example/3', defaultPolicy).map((w) => w.ruleId),
    ).toEqual(['link-limit']);
    expect(
      checkDraft('I AM SO ANGRY ABOUT THIS DECISION THAT I CANNOT EVEN THINK STRAIGHT', defaultPolicy).map(
        (w) => w.ruleId,
      ),
    ).toEqual(['shouting']);
  });

  test('never warns about context rules, whatever the draft', () => {
    const warnings = checkDraft('Hello', defaultPolicy);
    expect(warnings).toEqual([]);
    const contextRules = [
      'duplicate-self',
      'duplicate-others',
      'flood-user',
      'flood-ip',
      'new-commenter',
      'low-trust',
      'user-premoderated',
      'comments-closed',
      'article-premoderated',
      'auto-closed',
      'corrects-rejected',
    ];
    const all = checkDraft(
      'You idiot, shit, https://spam.example, 020 7946 0958 AND NOW SHOUTING FOR A WHILE LONGER OK',
      defaultPolicy,
    );
    expect(all.length).toBeGreaterThan(0);
    for (const warning of all) expect(contextRules).not.toContain(warning.ruleId);
  });

  test('follows the policy: disabled rules do not warn, added terms do', () => {
    expect(checkDraft('You idiot', policyWith({ disabledRules: ['suspect-terms'] }))).toEqual([]);
    expect(checkDraft('You plonker', policyWith({ suspectTerms: ['plonker'] })).map((w) => w.ruleId)).toEqual([
      'suspect-terms',
    ]);
  });

  test('long quotes are shortened in the message but not in the evidence', () => {
    const phrase = 'the worst journalist this paper has ever employed, and everyone knows it';
    const policy = policyWith({ suspectTerms: [phrase] });
    const body = `Honestly: The Worst Journalist this paper has ever employed — and everyone knows it!`;
    const [warning] = checkDraft(body, policy);
    const quoted = 'The Worst Journalist this paper has ever employed — and everyone knows it';
    expect(quoted.length).toBeGreaterThan(60);
    expect(warning!.ruleId).toBe('suspect-terms');
    expectSpans(body, warning!, quoted);
    expect(warning!.message).toBe(`“${quoted.slice(0, 57)}…” may be name-calling; a moderator will check it.`);
  });
});
