// The classes held-out set 2 (tests/policy-eval/held-out-2.ts) showed the engine missing or wrongly holding, with
// examples of our own phrasing: an organisation's phone numbers and emails, reporting of what people were called,
// male birds, impersonal subjects; veiled threats, incitement to damage or harass, sexual harassment aimed at a
// person, hate without slurs and name-calling of people in the story — each held for a moderator (never
// rejected), with the clause it cites, and beside each the innocent text that must stay published.
import { describe, expect, test } from 'vitest';
import { expectOnly, expectSpans, judge, reasonFor } from './helpers';

describe('an organisation’s contact details are nobody’s personal information', () => {
  test.each([
    'The county council switchboard is 020 7946 0111 if you want to complain about the gritting.',
    'Our town hall number is 0113 496 0222, they were helpful.',
    'The parks team is on 0113 496 0333 about the broken swings.',
    'Corrections go to corrections@example.co.uk and they do reply.',
    'You can write to Shelter at advice@example.org for help with an eviction.',
  ])('%s publishes', (body) => expectOnly(judge(body)));

  test.each([
    ['His direct line at the council is 020 7946 0444, ring it all night.', '020 7946 0444'],
    ['The council leader’s mobile is 07700 900555.', '07700 900555'],
    ['Email her at press@example.org and bombard her.', 'press@example.org'],
    ['Naive of the council to think the developer would ring 020 7946 0666 back', '020 7946 0666'],
  ])('%s is still held (§5)', (body, words) => {
    const verdict = judge(body);
    expectOnly(verdict, 'personal-info');
    expect(reasonFor(verdict, 'personal-info').clause).toBe('privacy');
    expectSpans(body, reasonFor(verdict, 'personal-info'), words);
  });
});

describe('reporting, birds, pubs and impersonal subjects are not held', () => {
  test.each([
    'The nurses were called liars by the trust for two years.',
    'She was branded a traitor by the tabloids, wrongly as it turned out.',
    'A cock pheasant wandered onto the A59 this morning.',
    'We had lunch at the Cock Inn after the walk.',
    'My granddad always said the pit would kill him, and it did.',
    "Don't take the job, the commute will kill you.",
    "We walked up to Gad's Hill and back.",
  ])('%s', (body) => expectOnly(judge(body)));
});

describe('veiled threats are held (§2), the same words elsewhere are not', () => {
  test.each([
    ['Accidents have a way of happening to people like you.', 'Accidents have a way of happening to people like you'],
    ['People like you end up in the canal.', 'People like you end up in the canal'],
    ['Lovely house. Pity if something happened to it.', 'Pity if something happened to it'],
    ["I wouldn't walk home alone at night if I were you.", "wouldn't walk home alone at night"],
    ['Carry on and you will see what happens.', 'and you will see what happens'],
    ['Your card is marked, pal.', 'Your card is marked'],
    ['We know which bus you take.', 'We know which bus you take'],
    ["She won't be so brave when she's on her own.", "won't be so brave when she's"],
    ['A brick through their windows would shut them up.', 'brick through their windows'],
    ['Nobody would miss him.', 'Nobody would miss him'],
    ['Rape threats are what you deserve.', 'Rape threats are what you deserve'],
  ])('%s', (body, words) => {
    const verdict = judge(body);
    expectOnly(verdict, 'threat-phrases');
    expect(reasonFor(verdict, 'threat-phrases').clause).toBe('hate-and-threats');
    expectSpans(body, reasonFor(verdict, 'threat-phrases'), words);
  });

  test.each([
    'Cut interest rates and watch what happens to house prices.',
    'People like you end up running the council, and good luck to you.',
    'It would be a shame if the library closed.',
    'Watch yourself on the icy paths near the station.',
    'I will be waiting for your reply to my letter.',
    'The court heard he told her "accidents happen to people like you".',
  ])('%s publishes', (body) => expectOnly(judge(body)));
});

describe('incitement to damage or to harass is held (§2), repair and reporting are not', () => {
  test.each([
    ['Somebody should set fire to his van.', 'should set fire to his van'],
    ['Smash the windows of that shop.', 'Smash the windows'],
    ['Everyone go and egg the council offices.', 'and egg the council offices'],
    ['Let us all flood his inbox until he resigns.', 'Let us all flood his inbox'],
    ['Share her address, people.', 'Share her address'],
    ['Somebody should find out where she lives.', 'Somebody should find out where she lives'],
  ])('%s', (body, words) => {
    const verdict = judge(body);
    expectOnly(verdict, 'threat-phrases');
    expect(reasonFor(verdict, 'threat-phrases').message).toContain('damage property or to go after someone');
    expectSpans(body, reasonFor(verdict, 'threat-phrases'), words);
  });

  test.each([
    'The council should fix the windows at the library.',
    'Vandals smashed the windows of the shop on Friday.',
    'Key stakeholders met at the town hall.',
    'The council should block the road to through traffic.',
    'Share their number with the police if you see them.',
  ])('%s publishes', (body) => expectOnly(judge(body)));
});

describe('sexual harassment aimed at a person is held (§1), health and reporting are not', () => {
  test.each([
    ["I'd give him one, no question.", "I'd give him one"],
    ['Great legs on the new presenter.', 'Great legs on the new presenter'],
    ['Send me nudes and I will stop.', 'Send me nudes'],
    ['Take your clothes off and say that.', 'Take your clothes off'],
    ['I picture her naked every time she reads the news.', 'picture her naked'],
    ['She was asking for it in that dress.', 'She was asking for it'],
  ])('%s', (body, words) => {
    const verdict = judge(body);
    expectOnly(verdict, 'suspect-terms');
    expect(reasonFor(verdict, 'suspect-terms').message).toContain('sexual remark');
    expectSpans(body, reasonFor(verdict, 'suspect-terms'), words);
  });

  test.each([
    'Great tits on the feeder this morning.',
    "I'd give her one more chance.",
    'Send me your pics of the flooding and we will print them.',
    'Get your kit off the floor, says every mum.',
    'Breast screening saved my life.',
  ])('%s publishes', (body) => expectOnly(judge(body)));
});

describe('hate without slurs is held (§2), debate and history are not', () => {
  test.each([
    ['Disabled people should not be allowed to have children.', 'Disabled people should not be allowed to'],
    ['Gay men are an abomination.', 'Gay men are an abomination'],
    ['The muslims round here are animals.', 'The muslims round here are animals'],
    ['Ship them back on the next boat.', 'Ship them back on the next boat'],
    ['Ban all Muslims.', 'Ban all Muslims'],
    ['Migrants out of our town.', 'Migrants out of our town'],
    ['Typical Romanian.', 'Typical Romanian'],
  ])('%s', (body, words) => {
    const verdict = judge(body);
    expectOnly(verdict, 'group-hate');
    expectSpans(body, reasonFor(verdict, 'group-hate'), words);
  });

  test.each([
    'Asylum seekers should not be allowed to work, says the Home Office, and charities disagree.',
    'Gay people are sick of being told to wait for equal rights.',
    'Women are too often left out of clinical trials.',
    'The Nazis called Jews vermin; that is why the word is dangerous.',
    'Typical of the council to ignore the residents.',
  ])('%s publishes', (body) => expectOnly(judge(body)));
});

describe('name-calling of people in the story is held (§1), criticism of their conduct is not', () => {
  test.each([
    ['The landlord is a greedy little leech.', 'The landlord is a greedy little leech'],
    ['That councillor is a lying snake.', 'That councillor is a lying snake'],
    ['The defendant looks like a total creep.', 'The defendant looks like a total creep'],
    ['Pillock. Read the article.', 'Pillock'],
    ['Another numpty heard from, what a buffoon.', 'what a buffoon'],
  ])('%s', (body, words) => {
    const verdict = judge(body);
    expectOnly(verdict, 'suspect-terms');
    expectSpans(body, reasonFor(verdict, 'suspect-terms'), words);
  });

  test.each([
    'The minister is a disgrace and should resign.',
    'The worm is a parasite of sheep.',
    'This is a tart I made from my gran’s recipe.',
    'The cat is a pest, but we love her.',
    'The driver is a pensioner from Otley, police said.',
  ])('%s publishes', (body) => expectOnly(judge(body)));
});
