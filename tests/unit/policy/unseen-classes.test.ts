// The classes the held-out set showed the engine missing (tests/policy-eval/held-out.ts), with examples of
// our own: name-calling aimed at a person, implied threats and wishes of harm, groups spoken of as vermin or
// marked for removal, where someone lives, made-up compounds of strong obscenities and their abbreviations —
// and the innocent text beside each class that must stay published (biology, sport, reporting, helplines,
// public addresses, names).
import { describe, expect, test } from 'vitest';
import { expectOnly, expectSpans, judge, reasonFor } from './helpers';

describe('name-calling aimed at a person is held (§1), the same nouns elsewhere are not', () => {
  test.each([
    ['Oi, you pathetic little maggot, nobody reads your column', 'you pathetic little maggot'],
    ['Honestly, a weasel of a man', 'weasel of a man'],
    ['Honestly, what a spineless toad', 'what a spineless toad'],
    ["She's an ugly cow and always was", "She's an ugly cow"],
    ['Dim-witted leeches like you are the problem', 'leeches like you'],
    ['Typical nitwit reply', 'nitwit'],
    ['A total waste of oxygen, that man', 'waste of oxygen'],
  ])('%s', (body, words) => {
    const verdict = judge(body);
    expectOnly(verdict, 'suspect-terms');
    expectSpans(body, reasonFor(verdict, 'suspect-terms'), words);
  });

  test.each([
    'The rat population in the sewers has doubled since the bin strike.',
    'The parasite lives in the gut of sheep and is harmless to people.',
    'That pig farmer has won a prize for his sausages.',
    'You rat on your friends and you expect loyalty?',
    'What a goal! What a player!',
  ])('%s', (body) => expect(judge(body).outcome).toBe('publish'));
});

describe('implied threats and wishes of harm are held (§2)', () => {
  test.each([
    ['Hope his car crashes on the M25', 'Hope his car crashes'],
    ['Your days are numbered, councillor', 'Your days are numbered'],
    ["Your kids aren't safe round here", "Your kids aren't safe"],
    ['See what happens to you when you leave work', 'See what happens to you'],
    ["You're getting a good hiding when you come out", "You're getting a good hiding"],
    ["I'll smash your face in", "I'll smash your face in"],
    ['Somebody should teach him a lesson', 'should teach him a lesson'],
    ['Pity if anything happened to your windows', 'Pity if anything happened to your'],
    ['They should all be lined up and shot', 'should all be lined up and shot'],
    ["I'd love to see her strung up", 'love to see her strung up'],
  ])('%s', (body, words) => {
    const verdict = judge(body);
    expectOnly(verdict, 'threat-phrases');
    expectSpans(body, reasonFor(verdict, 'threat-phrases'), words);
  });

  test.each([
    'We will teach them a lesson on Saturday at Anfield.',
    "I'll find you a link to the report.",
    "You're not safe to drive after two pints.",
  ])('%s', (body) => expect(judge(body).outcome).toBe('publish'));
});

describe('reported speech is reporting, not a threat', () => {
  test.each([
    "The jury heard he texted her 'you're dead meat' the night before.",
    'Police said the note read "we are coming for you" and have asked for witnesses.',
    'He was jailed after threatening to kill her in front of the children.',
    "She admitted calling the referee a 'useless idiot' in the tunnel.",
  ])('%s', (body) => expect(judge(body).outcome).toBe('publish'));

  test('a quotation without a verb of saying is still held', () => {
    expectOnly(judge('"I will kill you" — remember that.'), 'threat-phrases');
  });
});

describe('groups spoken of as vermin or marked for removal are held as group-hate (§2)', () => {
  test.each([
    ['Refugees are vermin', 'Refugees are vermin'],
    ['Migrants should all be deported and sterilised', 'Migrants should all be deported'],
    ['Round up every last one of them', 'Round up every last one of them'],
    ['They breed like animals', 'They breed like animals'],
  ])('%s', (body, words) => {
    const verdict = judge(body);
    expect(verdict.outcome).toBe('hold');
    expectOnly(verdict, 'group-hate');
    expectSpans(body, reasonFor(verdict, 'group-hate'), words);
  });

  test.each([
    'Immigrants are a net contributor to the economy.',
    'Trans people are more likely to be victims of crime.',
    'The infestation of rats on the estate has been reported to the council.',
  ])('%s', (body) => expect(judge(body).outcome).toBe('publish'));
});

describe('where someone lives is personal information (§5), public places are not', () => {
  test.each([
    ['my mate lives at 41 Ferndale Road Brighton', '41 Ferndale Road'],
    ['her home postcode is SW1A 1AA lol', 'SW1A 1AA'],
    ['his reg is AB12 CDE, the white van', 'AB12 CDE'],
    ["Her daughter goes to Saint Peter's Primary School in Lewes", "daughter goes to Saint Peter's Primary School"],
    ['You can find her at 3 Oak Close, Didsbury, every evening', '3 Oak Close'],
    ['He parks on Linden Crescent, you know what to do', 'Linden Crescent'],
  ])('%s', (body, words) => {
    const verdict = judge(body);
    expectOnly(verdict, 'personal-info');
    expectSpans(body, reasonFor(verdict, 'personal-info'), words);
  });

  test.each([
    'The council offices at 12 High Street reopen on Monday.',
    'Number 10 Downing Street confirmed the reshuffle.',
    'The new cafe at 4 Church Lane opens next week.',
    'The bypass on London Road is shut until May.',
    'The bus from LS1 4DY to the airport runs hourly.',
    'She lives in Leeds now and loves it.',
  ])('%s', (body) => expect(judge(body).outcome).toBe('publish'));
});

describe('helplines are not personal phone numbers; a number dialled with 00 is', () => {
  test.each([
    'Samaritans are free on 116 123, or ring NHS 111.',
    'The DVLA is on 0345 600 3003.',
    'Call the freephone line on 0800 731 4567 any time.',
    'In the US, dial 988 or 1-888-555-0199.',
  ])('%s', (body) => expect(judge(body).outcome).toBe('publish'));

  test('(0049) 170 1234567', () => expectOnly(judge('text me on (0049) 170 1234567'), 'personal-info'));
});

describe('made-up compounds of strong obscenities and their abbreviations', () => {
  test.each(['you absolute fuckwomble', 'total twatnozzle', 'cuntpuddle', 'c0ckwomble'])('%s is held', (body) =>
    expectOnly(judge(body), 'uncertain-terms'),
  );
  test.each(['stfu and gtfo', 'foad', 'what a f4cking mess'])('%s is rejected', (body) =>
    expectOnly(judge(body), 'banned-terms'),
  );
  test.each([
    'Cocktails at the Cockpit bar were excellent.',
    'The Wankdorf is in Bern.',
    'Councillor Cockerill opened the fete.',
    'Shitake mushrooms are in season.',
  ])('%s', (body) => expect(judge(body).outcome).toBe('publish'));
});
