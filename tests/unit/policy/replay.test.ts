// replay(): how a changed policy would have judged past comments.
import { describe, expect, test } from 'vitest';
import { replay, type ReplaySample } from '@/lib/policy';
import { defaultBannedTerms, defaultSuspectTerms } from '@/lib/policy/default-terms';
import { defaultPolicy, minutesAgo, newcomerContext, policyWith, trustedContext } from './helpers';

const sample = (id: string, body: string, context = trustedContext()): ReplaySample => ({ id, body, context });

const samples: ReplaySample[] = [
  sample('plain', 'Great piece, thank you.'),
  sample('wazzock', 'What a wazzock the minister is.'),
  sample('nonsense-1', 'This is nonsense and you know it.'),
  sample('nonsense-2', 'Utter nonsense from the council.'),
  sample('nonsense-3', 'Nonsense, all of it.'),
  sample('idiot', 'Only an idiot would vote for this.'),
  sample('links', 'Read https://a.example.org/1 and https://b.example.org/2'),
  sample('shit', 'Total shit, this plan.'),
  sample('newcomer', 'My first comment here.', newcomerContext()),
  sample('dupe', 'Same again', trustedContext({ recentByAuthor: [{ body: 'same again', createdAt: minutesAgo(20) }] })),
];

// Stricter on some things, more lenient on others.
const after = policyWith({
  bannedTerms: [...defaultBannedTerms, 'wazzock'],
  suspectTerms: [...defaultSuspectTerms.filter((t) => t !== 'idiot'), 'nonsense'],
  maxLinks: 1,
  newCommenterHoldCount: 0,
  duplicateWindowMinutes: 30,
});

describe('replay', () => {
  test('the same policy moves nothing', () => {
    const result = replay(samples, defaultPolicy, defaultPolicy);
    expect(result.total).toBe(samples.length);
    expect(result.changed).toBe(0);
    expect(result.examples).toEqual([]);
    expect(result.matrix).toEqual({
      publish: { publish: 7, hold: 0, reject: 0 },
      hold: { publish: 0, hold: 2, reject: 0 },
      reject: { publish: 0, hold: 0, reject: 1 },
    });
  });

  test('a changed policy moves exactly the affected samples', () => {
    const result = replay(samples, defaultPolicy, after);
    expect(result.total).toBe(10);
    expect(result.matrix).toEqual({
      // plain stays; wazzock → reject; 3 × nonsense → hold; links → hold; dupe → reject
      publish: { publish: 1, hold: 4, reject: 2 },
      // idiot and newcomer → publish
      hold: { publish: 2, hold: 0, reject: 0 },
      reject: { publish: 0, hold: 0, reject: 1 },
    });
    expect(result.changed).toBe(8);
    const moves = Object.fromEntries(result.examples.map((e) => [e.id, `${e.from}→${e.to}`]));
    expect(moves).toMatchObject({
      wazzock: 'publish→reject',
      dupe: 'publish→reject',
      idiot: 'hold→publish',
      newcomer: 'hold→publish',
    });
  });

  test('examples explain the move: the new reasons, or the old ones when it now publishes', () => {
    const result = replay(samples, defaultPolicy, after);
    const wazzock = result.examples.find((e) => e.id === 'wazzock')!;
    expect(wazzock.reasons).toEqual([expect.objectContaining({ ruleId: 'banned-terms', clause: 'language' })]);
    const idiot = result.examples.find((e) => e.id === 'idiot')!;
    expect(idiot.reasons).toEqual([expect.objectContaining({ ruleId: 'suspect-terms', clause: 'civility' })]);
    expect(Object.keys(idiot.reasons[0]!).sort()).toEqual(['clause', 'message', 'ruleId']);
  });

  test('examplesPerMove caps examples per move, not the counts', () => {
    const result = replay(samples, defaultPolicy, after, 2);
    expect(result.matrix.publish.hold).toBe(4);
    expect(result.examples.filter((e) => e.from === 'publish' && e.to === 'hold')).toHaveLength(2);
    expect(replay(samples, defaultPolicy, after, 0).examples).toEqual([]);
  });

  test('long bodies are shortened in examples', () => {
    const long = `Nonsense. ${'word '.repeat(100)}`;
    const [example] = replay([sample('long', long)], defaultPolicy, after).examples;
    expect(example!.body).toHaveLength(278);
    expect(example!.body.endsWith('…')).toBe(true);
    expect(example!.body.startsWith(long.slice(0, 277))).toBe(true);
  });

  test('reversing the change reverses the matrix', () => {
    const forward = replay(samples, defaultPolicy, after).matrix;
    const back = replay(samples, after, defaultPolicy).matrix;
    for (const from of ['publish', 'hold', 'reject'] as const)
      for (const to of ['publish', 'hold', 'reject'] as const)
        expect(back[to][from], `${from}→${to}`).toBe(forward[from][to]);
  });
});
