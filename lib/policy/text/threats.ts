// Threats and wishes of harm as a small phrase grammar over the tokens the term matcher reads (so "sh00t",
// "k y s" and look-alike letters count as the words they spell). A threat list of exact phrases misses most
// of what readers write ("Someone should shoot him", "Somebody ought to shoot the lot of them", "I know where
// your kids go to school"); listing every variant is hopeless, so each pattern is a few slots of
// alternatives: who or what modal, which harm, at whom. Every pattern needs a target or a harm that only
// reads one way, which keeps news and sport clean: "police shot the suspect", "the second goal killed the
// game off", "we will kill the bill", "someone should shoot a documentary" match nothing.
//
// Cost: one shape check per token, a Set lookup for the few that pass, and for a token that begins a
// pattern a walk of at most a dozen words. Linear in the tokens, whatever the comment.
import type { Token } from './normalize';
import { shape2Of, shapeOf, WordTrie } from './word-trie';

/** Alternatives for one slot; '' makes the slot optional. Words are as the tokenizer reads them: "I'm" is
 *  "i m", "don't" is "don t", "what's" is "what s". */
/** Modals of obligation, shared by both modal lists below. */
const obligation = ['should', 'shd', 'shud', 'ought to', 'oughta', 'needs to', 'need to'];
const modal = [
  ...obligation,
  'has to',
  'must',
  'will',
  'ill',
  'll',
  'going to',
  'gonna',
  'wanna',
  'want to',
  'gotta',
  'got to',
  'would',
  'd',
  'let s',
  'lets',
];
const adverb = ['', 'just', 'really', 'simply', 'fucking', 'bloody', 'go', 'go and', 'come and', 'personally'];
const harm = [
  'shoot',
  'kill',
  'stab',
  'hang',
  'lynch',
  'murder',
  'behead',
  'strangle',
  'knife',
  'shank',
  'torch',
  'punch',
  'rape',
  'gas',
];
const target = [
  'you',
  'u',
  'ya',
  'him',
  'her',
  'them',
  'the lot of them',
  'the lot of you',
  'all of them',
  'all of you',
  'you all',
  'every one of them',
  'every last one of them',
  'the lot',
];
/** Passive harms: "should be strung up", "deserves to be shot". */
const harmed = [
  'shot',
  'hanged',
  'strung up',
  'lynched',
  'stabbed',
  'burned alive',
  'burnt alive',
  'beheaded',
  'shot dead',
  'gassed',
  'run over',
  'hung drawn and quartered',
  'put against a wall',
  'put up against a wall',
  'publicly hanged',
];
/** Not "will be shot" (a film) or "must be hung" (a painting): only the modals of a wish or a verdict. */
const beModal = [...obligation, 'deserves to', 'deserve to', 'deserved to'];
const self = ['yourself', 'urself', 'yourselves', 'urselves', 'ur self', 'your self', 'yoself', 'yourslef'];
const selfHarm = ['kill', 'hang', 'neck', 'unalive', 'off', 'shoot', 'drown', 'end', 'stab', 'gas', 'top'];
const possessive = ['your', 'ur', 'his', 'her', 'their'];
const home = ['house', 'home', 'flat', 'place', 'car', 'shop', 'office'];
/** Who a wish of harm or "we know where…" is aimed at. */
const person = [
  'you',
  'u',
  'ya',
  'you all',
  'he',
  'she',
  'they',
  ...['kids', 'children', 'family', 'wife', 'husband', 'mum', 'mother', 'daughter', 'son', 'kid', 'parents'].flatMap(
    (who) => [`your ${who}`, `ur ${who}`],
  ),
];
const fate = [
  'die',
  'dies',
  'die slowly',
  'die painfully',
  'die in a fire',
  'get cancer',
  'gets cancer',
  'catch cancer',
  'burn',
  'burns',
  'burn to death',
  'burns to death',
  'rot',
  'rots',
  'rot in hell',
  'choke',
  'chokes',
  'drown',
  'drowns',
  'get raped',
  'gets raped',
  'get hit by a bus',
  'gets hit by a bus',
  'get shot',
  'gets shot',
  'get stabbed',
  'gets stabbed',
];

/** Self-harm incitement ("kill yourself") is also an idiom of caution: "don't kill yourself over it", "you'll
 *  kill yourself laughing". Not when one of these comes just before or just after. */
const cautionBefore = new Set(['t', 'dont', 'not', 'never', 'll', 'nearly', 'almost', 'might', 'could', 'would']);
const cautionAfter = new Set(['laughing', 'trying', 'working', 'doing', 'over', 'for']);

/** What a pattern found: a threat or wish of harm, name-calling aimed at a person, or a group of people spoken
 *  of as vermin or disease or marked for removal. */
export type GrammarList = 'threat' | 'suspect' | 'group';

type Pattern = { slots: string[][]; caution?: boolean; list?: GrammarList; notAfter?: readonly string[] };

/** Harms watched or wished on someone ("I'd happily see him hang", "pay to see her beaten to a pulp"). */
const watchedHarm = [
  'hang',
  'swing',
  'die',
  'burn',
  'suffer',
  'hanged',
  'strung up',
  'shot',
  'get shot',
  'beaten',
  'beaten up',
  'beaten to a pulp',
  'beaten to death',
  'kicked to death',
  'get a kicking',
  'get beaten',
  'stabbed',
  'lynched',
];
const seeing = [
  'happily see',
  'gladly see',
  'love to see',
  'like to see',
  'pay to see',
  'money to see',
  'want to see',
  'wanna see',
  'enjoy seeing',
  'cheer to see',
  'happily watch',
  'love to watch',
  'pay to watch',
];
/** Beatings promised: "you're getting a kicking", "you'll get a hiding". */
const beating = [
  'a kicking',
  'a good kicking',
  'a beating',
  'a good beating',
  'a hiding',
  'a good hiding',
  'a slap',
  'a good slap',
  'battered',
  'your head kicked in',
  'your head smashed in',
  'your face smashed in',
];
/** Bodily harm threatened by the writer ("I'd break every bone in his body", "kick your head in"). */
const bodyPart = ['legs', 'leg', 'neck', 'jaw', 'arms', 'nose', 'face', 'skull', 'head', 'body', 'kneecaps', 'teeth'];
const weapon = ['brick', 'bat', 'baseball bat', 'hammer', 'crowbar', 'axe', 'machete', 'knife', 'blade', 'golf club'];
/** What a wish of an accident can befall: "hope your plane goes down", "hope his car crashes". */
const vehicle = ['plane', 'flight', 'car', 'train', 'helicopter', 'boat', 'house', 'home'];
const accident = [
  'crashes',
  'crash',
  'goes down',
  'go down',
  'blows up',
  'explodes',
  'catches fire',
  'sinks',
  'burns down',
  'burn down',
];

// Name-calling aimed at a person. Nouns that are also animals or ordinary words (a rat, a worm, a parasite, a
// creep) count only in a frame that aims them at someone: "you [adjective] NOUN", "you're a NOUN", "what a
// NOUN", "NOUN of a man", "he's a NOUN", "NOUNs like you" — never "rats carry disease" or "the worm is a
// parasite".
const insultNoun = [
  ...['parasite', 'rat', 'worm', 'creep', 'hag', 'slob', 'troglodyte', 'mong', 'leech', 'snake', 'weasel', 'pig'],
  ...['maggot', 'cockroach', 'toad', 'slug', 'sow', 'oaf', 'lout', 'thug', 'pervert', 'freak', 'savage', 'animal'],
  ...['rodent', 'cow', 'witch', 'harridan', 'waste of space', 'disgrace', 'coward', 'grifter', 'crook'],
];
const insultNouns = [...insultNoun, ...insultNoun.map((noun) => (noun.endsWith('h') ? `${noun}es` : `${noun}s`))];
/** Words that make a noun of this list a trade or a topic ("a rat catcher", "a pig farmer", "a snake charmer"). */
const notInsultAfter = [
  ...['farmer', 'farmers', 'catcher', 'catchers', 'charmer', 'keeper', 'breeder', 'expert', 'lover', 'fan'],
  ...['owner', 'trap', 'poison', 'problem', 'species', 'infestation', 'bite', 'bites', 'control', 'racing'],
  ...['population', 'sanctuary', 'shelter', 'welfare', 'rights', 'testing', 'hunter', 'hunters', 'food', 'feed'],
];
/** Adjectives of contempt. */
const scorn = [
  ...['absolute', 'utter', 'total', 'complete', 'little', 'pathetic', 'snivelling', 'sniveling', 'spineless'],
  ...['vile', 'nasty', 'ugly', 'old', 'fat', 'slimy', 'repulsive', 'sad', 'dirty', 'filthy', 'disgusting'],
  ...['worthless', 'useless', 'lying', 'sneaky', 'miserable', 'despicable', 'contemptible', 'odious', 'creepy'],
  ...['smelly', 'stinking', 'greasy', 'knuckle dragging', 'gutless', 'evil', 'horrible', 'wretched', 'bloody'],
  ...['fucking', 'stupid', 'lazy', 'thick', 'sorry', 'cowardly', 'grubby', 'weaselly', 'two faced'],
];
/** Adjectives that only insult (no innocent "old", "little", "sad"), for a noun with no other word aiming it. */
const contempt = [
  ...['pathetic', 'snivelling', 'sniveling', 'spineless', 'slimy', 'repulsive', 'filthy', 'disgusting'],
  ...['worthless', 'despicable', 'contemptible', 'odious', 'creepy', 'smelly', 'stinking', 'greasy'],
  ...['knuckle dragging', 'gutless', 'ugly', 'fat', 'grubby', 'cowardly', 'weaselly', 'two faced'],
];
const optional = (words: readonly string[]) => ['', ...words];
/** People a noun of contempt is made of: "rat of a man", "slob of a councillor". */
const someone = [
  ...['man', 'woman', 'human', 'human being', 'person', 'councillor', 'mp', 'politician', 'journalist'],
  ...['reporter', 'columnist', 'minister', 'boy', 'girl', 'leader', 'husband', 'wife', 'father', 'mother'],
  ...['teacher', 'cop', 'copper', 'judge', 'editor', 'writer', 'prime minister', 'mayor', 'president'],
  ...['neighbour', 'landlord', 'boss', 'manager', 'player', 'referee', 'priest', 'vicar', 'doctor'],
];

// Groups of people spoken of as vermin or disease, or marked for removal. The group is a people ("Muslims",
// "migrants", "these people"), so "rats are vermin" and "Japanese knotweed is an infestation" match nothing.
const peoples = [
  ...['immigrants', 'migrants', 'refugees', 'asylum seekers', 'muslims', 'jews', 'blacks', 'gays', 'lesbians'],
  ...['trans people', 'transgender people', 'travellers', 'gypsies', 'roma', 'poles', 'romanians', 'foreigners'],
  ...['africans', 'arabs', 'pakistanis', 'indians', 'asians', 'chinese', 'mexicans', 'somalis', 'albanians'],
  ...['homosexuals', 'these people', 'those people', 'people like that', 'illegals', 'catholics', 'hindus'],
  ...['sikhs', 'bangladeshis', 'nigerians', 'eastern europeans', 'their kind', 'that lot', 'women', 'feminists'],
];
const vermin = [
  ...['vermin', 'animals', 'cockroaches', 'rats', 'parasites', 'a cancer', 'a disease', 'a plague', 'a virus'],
  ...['an infestation', 'subhuman', 'not human', 'savages', 'filth', 'invaders', 'groomers', 'perverts'],
  ...['disgusting', 'less intelligent', 'inferior', 'mentally ill', 'a disease', 'a blight', 'a scourge'],
  ...['breeding like rats', 'leeches', 'scroungers', 'apes', 'monkeys', 'dogs', 'pigs', 'a pestilence'],
];
const removal = [
  ...['deported', 'exterminated', 'sterilised', 'sterilized', 'gassed', 'put down', 'wiped out', 'eradicated'],
  ...['sent back', 'shipped back', 'rounded up', 'locked up', 'kicked out', 'thrown out', 'shot', 'hanged'],
  ...['banned from this country', 'put in camps', 'removed', 'culled'],
];
const them = [
  'them',
  'em',
  'them all',
  'the lot of them',
  'all of them',
  'every last one of them',
  'every one of them',
];

const patterns: Pattern[] = [
  // Someone should shoot him; somebody ought to shoot the lot of them; I'll fucking kill you.
  { slots: [modal, adverb, harm, target] },
  // Someone should run her over; burn his house down; burn down their house.
  { slots: [modal, adverb, ['run'], target, ['over', 'down']] },
  { slots: [modal, adverb, ['run over', 'run down'], target] },
  { slots: [['burn', 'torch', 'firebomb', 'petrol bomb'], possessive, home, ['', 'down']] },
  { slots: [['burn down', 'torch'], possessive, home] },
  { slots: [['burn'], target, ['alive']] },
  // He should be strung up; they deserve to be shot.
  { slots: [beModal, ['be', 'all be', 'get'], harmed] },
  {
    slots: [
      ['deserves', 'deserve', 'deserved', 'needs', 'need'],
      [
        'a bullet',
        'a bullet in the head',
        'the rope',
        'a noose',
        'a kicking',
        'a good kicking',
        'to hang',
        'to swing',
        'to be strung up',
        'to be shot',
      ],
    ],
  },
  // Kill yourself; go hang yourself; unalive yourself; kys.
  { slots: [selfHarm, self], caution: true },
  { slots: [['kys', 'kms']] },
  {
    slots: [
      ['you', 'u', 'go', 'just', 'should', 'go and'],
      ['jump off', 'jump in front of'],
      ['a', 'the'],
      ['bridge', 'cliff', 'building', 'roof', 'train', 'bus', 'tall building'],
    ],
  },
  {
    slots: [
      ['go', 'just', 'please'],
      ['die', 'die in a fire', 'and die', 'rot'],
    ],
  },
  // I hope you get cancer and die; I hope u die; I hope your house burns down with you in it.
  { slots: [['hope', 'hoping', 'wish'], person, ['', 'all'], fate] },
  {
    slots: [
      ['hope', 'hoping', 'wish'],
      possessive,
      home,
      ['burns down', 'burn down', 'gets burned down', 'gets burnt down', 'burns'],
    ],
  },
  // I know where you live; we know where your kids go to school.
  {
    slots: [
      ['i', 'we'],
      ['', 'do', 'all', 'already', 'now'],
      ['know where', 'found where', 'know what school'],
      person,
      [
        'live',
        'lives',
        'sleep',
        'sleeps',
        'work',
        'works',
        'go to school',
        'goes to school',
        'go',
        'goes',
        'park',
        'parks',
      ],
    ],
  },
  // I'm going to find you and hurt you; watch your back, I'm coming for you; you'll get what's coming to you.
  { slots: [['find'], target, ['and'], ['hurt', 'kill', 'stab', 'shoot', 'gut', 'end', 'hang', 'cut'], target] },
  {
    slots: [
      ['i', 'we'],
      ['will', 'll', 'm going to', 'm gonna', 're going to', 're gonna', 'am going to', 'are going to'],
      ['hurt', 'end', 'gut'],
      ['you', 'u', 'ya'],
    ],
  },
  { slots: [['watch'], ['your', 'ur', 'yer'], ['back']] },
  {
    slots: [
      ['i m', 'im', 'i am', 'we re', 'we are'],
      ['coming for', 'coming after'],
      ['you', 'u', 'ya', 'your family', 'your kids'],
    ],
  },
  { slots: [['get', 'gets'], ['what s', 'whats'], ['coming to'], ['you', 'u', 'ya']] },
  // Acid in your face is what you deserve.
  { slots: [['acid in', 'acid on', 'acid at'], possessive, ['face', 'eyes']] },
  // Executions and lynchings wished or watched: "I'd happily see him hang", "a rope and a lamppost",
  // "string the lot of them up", "lined up against a wall".
  { slots: [seeing, target, watchedHarm] },
  {
    slots: [
      ['rope and a', 'a rope and a', 'noose and a'],
      ['lamppost', 'lamp post', 'tree'],
    ],
  },
  { slots: [['string', 'hang'], target, ['up', 'all up', 'from a lamppost', 'from a tree']] },
  { slots: [beModal, ['be', 'all be', 'get'], ['lined up against a wall', 'lined up and shot', 'beaten to a pulp']] },
  // Threats by implication: "teach her a lesson", "your family isn't safe", "count your days", "enjoy your
  // last days", "see what happens to you", "pity if something happened to that car", "we're coming for you".
  { slots: [modal, adverb, ['teach'], ['you', 'u', 'him', 'her'], ['a lesson']] },
  {
    slots: [
      ['teach', 'taught'],
      target,
      ['a lesson'],
      ['you', 'he', 'she', 'they'],
      ['won t', 'wont', 'will never', 'll never'],
      ['forget'],
    ],
  },
  {
    slots: [
      ['your', 'ur'],
      ['family', 'kids', 'children', 'wife', 'husband', 'mum', 'daughter', 'son', 'home', 'house'],
      ['isn t', 'isnt', 'is not', 'aren t', 'arent', 'are not', 'won t be', 'will not be', 'wont be', 'is never'],
      ['safe'],
    ],
  },
  {
    slots: [
      ['you re', 'youre', 'you are', 'ur', 'you aren t', 'you won t be', 'you will not be'],
      ['not', ''],
      ['safe'],
    ],
    notAfter: ['to', 'on', 'in', 'with', 'from', 'driving', 'if'],
  },
  { slots: [['count'], ['your', 'ur'], ['days', 'days left', 'last days']] },
  {
    slots: [
      ['your', 'ur'],
      ['days are numbered', 'days are counted', 'time is up', 'time is coming'],
    ],
  },
  { slots: [['enjoy'], ['your', 'ur'], ['last days', 'last day', 'final days', 'last breaths', 'last weeks']] },
  { slots: [['see', 'wait and see', 'find out'], ['what happens'], ['to you', 'to u', 'to ya', 'to your family']] },
  {
    slots: [
      ['shame', 'pity', 'sad', 'terrible'],
      ['if', 'if something', 'if anything'],
      ['happened to', 'happens to', 'were to happen to', 'was to happen to'],
      ['you', 'your', 'that', 'those', 'ur', 'his', 'her'],
    ],
  },
  {
    slots: [
      ['we', 'they', 'i'],
      ['come for', 'will come for', 'll come for', 're coming for', 'are coming for', 'will be coming for'],
      ['you', 'u', 'ya', 'your family', 'your kids'],
    ],
  },
  {
    slots: [
      ['i', 'we'],
      ['will', 'll', 'm going to', 'm gonna', 're going to'],
      ['find', 'hunt down', 'track down'],
      ['you', 'u', 'ya'],
    ],
    notAfter: [
      'a',
      'an',
      'the',
      'some',
      'one',
      'it',
      'that',
      'this',
      'something',
      'them',
      'more',
      'out',
      'those',
      'and',
    ],
  },
  {
    slots: [
      ['you re', 'youre', 'you are', 'ur', 'you ll', 'you will', 'you re gonna', 'you are going to'],
      ['getting', 'get', 'gonna get', 'going to get', 'due'],
      beating,
    ],
  },
  {
    slots: [
      ['deserves', 'deserve', 'needs', 'need'],
      ['', 'a good'],
      ['slap and', 'kicking and', 'beating and'],
      ['', 'a lot'],
      ['more'],
    ],
  },
  { slots: [['sleep with'], ['one eye open']] },
  {
    slots: [
      ['you re', 'youre', 'you are', 'ur'],
      ['dead meat', 'a dead man', 'a dead woman', 'going to pay'],
    ],
  },
  // Bodily harm promised by the writer: "I'd break every bone in his body", "I'll kick your head in".
  {
    slots: [
      ['i', 'we'],
      ['d', 'll', 'will', 'would', 'm going to', 'm gonna', 're going to'],
      ['', 'happily', 'gladly', 'personally', 'fucking'],
      ['break', 'snap', 'smash', 'cave in', 'kick in', 'kick', 'smash in'],
      ['', 'every bone in'],
      possessive,
      bodyPart,
      ['', 'in'],
    ],
  },
  { slots: [['kick', 'smash', 'cave'], possessive, ['head', 'face', 'teeth', 'skull'], ['in']] },
  { slots: [['take', 'taken', 'taking'], ['a'], weapon, ['to'], possessive, ['head', 'face', 'skull']] },
  // Wishes of an accident or a fire: "hope your plane goes down", "hope someone burns his house down".
  { slots: [['hope', 'hoping', 'wish'], possessive, vehicle, accident] },
  {
    slots: [
      ['hope', 'hoping', 'wish'],
      ['someone', 'somebody', 'some1'],
      ['', 'just'],
      ['burns', 'torches', 'firebombs', 'shoots', 'stabs', 'kills', 'murders', 'batters', 'beats up', 'runs over'],
      [...target, ...possessive],
    ],
  },
  // Name-calling aimed at a person (held under §1).
  { slots: [['you', 'u', 'ya'], scorn, optional(scorn), insultNouns], list: 'suspect', notAfter: notInsultAfter },
  {
    slots: [
      ['you re', 'youre', 'you are', 'ur', 'what a', 'what an', 'he s', 'she s', 'hes', 'shes', 'he is', 'she is'],
      ['', 'a', 'an', 'such a', 'such an'],
      optional(scorn),
      optional(scorn),
      insultNouns,
    ],
    list: 'suspect',
    notAfter: notInsultAfter,
  },
  { slots: [contempt, optional(scorn), insultNouns], list: 'suspect', notAfter: notInsultAfter },
  { slots: [insultNouns, ['of a', 'of an'], someone], list: 'suspect' },
  { slots: [insultNouns, ['like you', 'like u', 'like yourself', 'like him', 'like her']], list: 'suspect' },
  {
    slots: [
      ['you re', 'youre', 'you are', 'ur', 'he s', 'she s', 'he is', 'she is'],
      ['as', 'about as'],
      ['dumb', 'thick', 'stupid', 'ugly', 'useful', 'useless'],
      ['as'],
    ],
    list: 'suspect',
  },
  // Groups of people as vermin or disease, or to be removed (held under §2).
  { slots: [peoples, ['are', 'r', 'are just', 'are nothing but', 'are all', 'are like'], vermin], list: 'group' },
  {
    slots: [peoples, ['should', 'must', 'need to', 'ought to', 'deserve to'], ['', 'all'], ['be'], removal],
    list: 'group',
  },
  {
    slots: [
      ['they', 'these people', 'those people'],
      ['breed like'],
      ['rats', 'rabbits', 'cockroaches', 'vermin', 'animals', 'flies'],
    ],
    list: 'group',
  },
  {
    slots: [['deport', 'gas', 'exterminate', 'sterilise', 'sterilize', 'round up', 'wipe out', 'cull'], them],
    list: 'group',
  },
  {
    slots: [
      ['send', 'ship', 'pack'],
      ['them', 'em', 'the lot'],
      ['', 'all'],
      ['', 'on a boat', 'on boats'],
      ['back'],
      ['where they came from', 'to where they came from', 'where they belong', 'to their own country', 'to africa'],
    ],
    list: 'group',
  },
  {
    slots: [
      ['they', 'they re', 'theyre'],
      ['are', ''],
      ['not human', 'not even human', 'subhuman', 'vermin', 'animals', 'cockroaches', 'parasites'],
    ],
    list: 'group',
  },
  { slots: [['infestation', 'invasion'], ['of'], peoples], list: 'group' },
];

/** Alternatives of one slot as a trie of words. */
class Slot {
  private readonly trie = new WordTrie();
  readonly optional: boolean;
  constructor(alternatives: readonly string[]) {
    this.optional = alternatives.includes('');
    for (const alternative of alternatives) if (alternative) this.trie.add(alternative.split(' '), alternative);
  }
  firstWords(): string[] {
    return this.trie.firstWords();
  }
  /** Where each alternative that starts at `at` ends (the index after it), longest first. */
  ends(tokens: readonly Token[], at: number, out: number[]): void {
    const found: number[] = [];
    let node = 0;
    for (let k = at; k < tokens.length && k < at + 8; k++) {
      node = this.trie.step(node, tokens[k]!.core);
      if (node < 0) break;
      if (this.trie.value[node] !== undefined) found.push(k + 1);
    }
    for (let f = found.length - 1; f >= 0; f--) out.push(found[f]!);
    if (this.optional) out.push(at);
  }
}

/** Words too common in comments to tell that a pattern may be there. */
const commonWords = new Set(
  (
    'i we you u ya him her them he she they it its the a an to of and in on at for with your ur yer my his ' +
    'their our will would should ll d m s re am are is be get gets got go just what whats has have need ' +
    'needs must want going gonna wanna gotta let lets where who this that there here all do now already one ' +
    'people someone somebody out up down off back top good home place like want love pay money see enjoy old ' +
    'little sad total complete bloody absolute real such as about what take send count last more against ' +
    'something anything head face days ' +
    someone.filter((who) => !who.startsWith('human')).join(' ')
  ).split(' '),
);

/**
 * The two required slots of a pattern whose words are least common, each as the words of which a comment
 * must hold one for the slot to be there: the longest uncommon word of each alternative ("kicking" for "a
 * good kicking", "bullet" for "a bullet in the head"). A pattern with one required slot gives one.
 */
function anchorsOf(slots: readonly (readonly string[])[]): string[][] {
  const ranked: { words: string[]; score: number }[] = [];
  for (const slot of slots) {
    if (slot.includes('')) continue; // optional
    const words = slot.map((alternative) => {
      const uncommon = alternative.split(' ').filter((word) => !commonWords.has(word));
      return uncommon.length ? uncommon.reduce((a, b) => (b.length > a.length ? b : a)) : alternative.split(' ')[0]!;
    });
    // Fewest common words first, then the shortest list (the more particular slot).
    ranked.push({ words, score: words.filter((word) => commonWords.has(word)).length * 1000 + words.length });
  }
  // A second slot only when the first has common words: every anchor word costs a lookup in most comments.
  ranked.sort((a, b) => a.score - b.score);
  return ranked.slice(0, ranked[0] && ranked[0].score >= 1000 ? 2 : 1).map((r) => r.words);
}

type Compiled = {
  index: number;
  slots: Slot[];
  caution: boolean;
  list: GrammarList;
  notAfter: ReadonlySet<string> | undefined;
};

export class ThreatGrammar {
  private readonly patterns: Compiled[];
  /** first word → the patterns that can begin with it */
  private readonly byStart = new Map<string, Compiled[]>();
  private readonly startShapes = new Uint8Array(1 << 15);
  private readonly startShapes2 = new Uint8Array(1 << 15);
  /** Anchor word → the (pattern, slot) anchors it stands in (see anchorsOf): a pattern can match only in a
   *  comment that holds a word of each of its anchors. */
  private readonly anchors = new Map<string, number[]>();
  private readonly anchorShapes = new Uint8Array(1 << 15);
  /** A second shape (word-trie.ts): a word must pass both tables before its Map lookup. */
  private readonly anchorShapes2 = new Uint8Array(1 << 15);
  /** Per pattern, its anchors' bits; and per comment, the bits seen (scratch). */
  private readonly needed: number[] = [];
  private seen: Uint32Array = new Uint32Array(0);
  /** Every word of three letters or more in the grammar, so a disguised one ("sh00t") is read as it. */
  readonly words: string[];

  constructor() {
    const words = new Set<string>();
    this.patterns = patterns.map((p, index) => ({
      index,
      slots: p.slots.map((s) => new Slot(s)),
      caution: p.caution === true,
      list: p.list ?? 'threat',
      notAfter: p.notAfter && new Set(p.notAfter),
    }));
    patterns.forEach((p, index) => {
      for (const alternatives of p.slots)
        for (const alternative of alternatives)
          for (const word of alternative.split(' ')) if (word.length >= 3) words.add(word);
      for (const word of this.patterns[index]!.slots[0]!.firstWords()) {
        const list = this.byStart.get(word) ?? [];
        list.push(this.patterns[index]!);
        this.byStart.set(word, list);
        this.startShapes[shapeOf(word)] = 1;
        this.startShapes2[shape2Of(word)] = 1;
      }
    });
    this.words = [...words];
    patterns.forEach((p, index) => {
      const slots = anchorsOf(p.slots);
      this.needed.push(slots.length === 2 ? 3 : 1);
      slots.forEach((words, bit) => {
        for (const word of words) {
          const list = this.anchors.get(word) ?? [];
          list.push(index * 2 + bit);
          this.anchors.set(word, list);
          this.anchorShapes[shapeOf(word)] = 1;
          this.anchorShapes2[shape2Of(word)] = 1;
        }
      });
    });
    this.seen = new Uint32Array(patterns.length);
  }

  /** Matches in the tokens, as [first token, last token, list], left to right, not overlapping.
   *  `shapes`: each token's shapeOf, already worked out by the caller. */
  find(tokens: readonly Token[], shapes: Int32Array): [number, number, GrammarList][] {
    const found: [number, number, GrammarList][] = [];
    // Most comments hold the words of no pattern's two rarest slots ("shoot" and "him", "know" and "live"):
    // one shape check per token, and none of the walks below.
    const seen = this.seen.fill(0);
    for (let i = 0; i < tokens.length; i++) {
      if (this.anchorShapes[shapes[i]!] === 0 || this.anchorShapes2[shape2Of(tokens[i]!.core)] === 0) continue;
      const list = this.anchors.get(tokens[i]!.core);
      if (list) for (const id of list) seen[id >> 1]! |= 1 << (id & 1);
    }
    // Only the patterns whose anchors are all there are walked.
    let any = false;
    for (let index = 0; index < this.needed.length; index++) {
      const bits = this.needed[index]!;
      const active = (seen[index]! & bits) === bits;
      seen[index] = active ? 1 : 0;
      any ||= active;
    }
    if (!any) return found;
    for (let i = 0; i < tokens.length; i++) {
      if (this.startShapes[shapes[i]!] === 0 || this.startShapes2[shape2Of(tokens[i]!.core)] === 0) continue;
      const candidates = this.byStart.get(tokens[i]!.core);
      if (!candidates) continue;
      let best = -1;
      let list: GrammarList = 'threat';
      for (const pattern of candidates) {
        if (seen[pattern.index] === 0) continue;
        const end = this.longest(pattern.slots, 0, tokens, i);
        if (end <= i || end <= best) continue;
        if (pattern.caution && this.cautious(tokens, i, end)) continue;
        if (pattern.notAfter && end < tokens.length && pattern.notAfter.has(tokens[end]!.core)) continue;
        best = end;
        list = pattern.list;
      }
      if (best > i) {
        found.push([i, best - 1, list]);
        i = best - 1;
      }
    }
    return found;
  }

  /** The end of the longest match of slots[from..] at token `at`, or -1. Slots have few alternatives and
   *  patterns few slots, so the search is bounded by a constant per start. */
  private longest(slots: readonly Slot[], from: number, tokens: readonly Token[], at: number): number {
    if (from === slots.length) return at;
    const ends: number[] = [];
    slots[from]!.ends(tokens, at, ends);
    let best = -1;
    for (const end of ends) {
      const result = this.longest(slots, from + 1, tokens, end);
      if (result > best) best = result;
    }
    return best;
  }

  private cautious(tokens: readonly Token[], start: number, end: number): boolean {
    const before = start > 0 ? tokens[start - 1]!.core : '';
    const after = end < tokens.length ? tokens[end]!.core : '';
    return cautionBefore.has(before) || cautionAfter.has(after);
  }
}
