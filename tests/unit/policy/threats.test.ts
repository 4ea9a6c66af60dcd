// The threat grammar (lib/policy/text/threats.ts) and the vocabulary added beside it: threats held with their
// exact words, never rejected; news, sport and idiom left alone; newsroom obscenities at the right severity.
import { describe, expect, test } from 'vitest';
import { judge, expectOnly, expectSpans, reasonFor } from './helpers';

describe('threats and wishes of harm are held with the words that make them', () => {
  test.each([
    ['Someone should shoot him.', 'should shoot him'],
    ['Somebody ought to shoot the lot of them.', 'ought to shoot the lot of them'],
    ['Someone should sh00t him.', 'should sh00t him'],
    ['Someone should run her over.', 'should run her over'],
    ['He should be strung up.', 'should be strung up'],
    ['He deserves a bullet.', 'deserves a bullet'],
    ['I hope you get cancer and die.', 'hope you get cancer'],
    ['I hope u die', 'hope u die'],
    ['I hope your house burns down with you in it.', 'hope your house burns down'],
    ['I know where you live, Sarah.', 'I know where you live'],
    ['We know where your kids go to school.', 'We know where your kids go to school'],
    ['Go hang yourself.', 'hang yourself'],
    ['Ki11 yourself.', 'Ki11 yourself'],
    ['just kys', 'kys'],
    ['k y s mate', 'k y s'],
    ["Why don't you jump off a bridge.", "Why don't you jump off a bridge"],
    ["I'm going to find you and hurt you.", 'find you and hurt you'],
    ["You'll get what's coming to you, I promise.", "get what's coming to you"],
    ['Acid in your face is what you deserve.', 'Acid in your face'],
    ['Burn his house down.', 'Burn his house down'],
  ])('%s', (body, words) => {
    const verdict = judge(body);
    expect(verdict.outcome).toBe('hold');
    expectOnly(verdict, 'threat-phrases');
    expectSpans(body, reasonFor(verdict, 'threat-phrases'), words);
  });

  test('every threat in a comment is evidence', () => {
    expectSpans(
      'k y s, nobody would miss you',
      reasonFor(judge('k y s, nobody would miss you'), 'threat-phrases'),
      'k y s',
      'nobody would miss you',
    );
    const body = "Watch your back, I'm coming for you.";
    expectSpans(body, reasonFor(judge(body), 'threat-phrases'), 'Watch your back', "I'm coming for you");
  });
});

describe('violent words in reporting, sport and idiom are not threats', () => {
  test.each([
    'The second goal killed the game off.',
    'Police said the victim had been shot twice.',
    "The minister said 'we will kill the bill' and then did the opposite.",
    'Someone should shoot a documentary about this village.',
    'The fire burned down the house.',
    'I hope the council dies a death over this plan.',
    'The film will be shot in Wales.',
    'Don’t kill yourself over it.',
    'You’ll kill yourself laughing.',
    'I hope you get well soon.',
  ])('%s', (body) => {
    expect(judge(body).outcome).toBe('publish');
  });
});

describe('the newsroom vocabulary', () => {
  test.each([
    ['Bollocks to the lot of them.', 'banned-terms', 'Bollocks'],
    ['Typical t0sser from Westminster.', 'banned-terms', 't0sser'],
    ['B3llend of the year.', 'banned-terms', 'B3llend'],
    ['Kn0bhead comment.', 'banned-terms', 'Kn0bhead'],
    ['Shiiiiite team.', 'banned-terms', 'Shiiiiite'],
    ['What a cuntish thing to do.', 'banned-terms', 'cuntish'],
    ['Dickwad of a manager.', 'banned-terms', 'Dickwad'],
    ['Arsewipe.', 'banned-terms', 'Arsewipe'],
    ['Fuckwittery of the highest order.', 'banned-terms', 'Fuckwittery'],
    // Words with an innocent sense or that are names: held, never rejected.
    ['The columnist is a smug little pr1ck.', 'uncertain-terms', 'pr1ck'],
    ['Suck my d1ck, moderators.', 'uncertain-terms', 'd1ck'],
    ['Anyone who voted for this is a total c0ck.', 'uncertain-terms', 'c0ck'],
    ['Another sl4g off Love Island.', 'uncertain-terms', 'sl4g'],
  ])('%s', (body, ruleId, words) => {
    const verdict = judge(body);
    expectOnly(verdict, ruleId as 'banned-terms');
    expectSpans(body, reasonFor(verdict, ruleId as 'banned-terms'), words);
  });

  test.each([
    'Dick Van Dyke is still dancing at 99.',
    'Moby-Dick is far funnier than its reputation suggests.',
    'Philip K. Dick predicted all of this.',
    'Dame Cressida Dick gave evidence.',
    'What a cock-up from the council.',
    'The weather cock on the church spire.',
    'Er ist zu dick für die alte Uniform.',
    'Prickly pear grows wild in Malta.',
    'The Cocks, as Spurs fans call their team, were poor.',
  ])('%s is published', (body) => {
    expect(judge(body).outcome).toBe('publish');
  });

  // Dutch "kunt" (you can) is an ordinary word, not a loose reading of an obscenity.
  test('an ordinary word of another language is not a loose reading', () => {
    expect(judge('Ik vind dat je het zelf kunt beslissen.').outcome).toBe('publish');
    expect(judge('What a cvnt.').outcome).toBe('hold');
  });
});
