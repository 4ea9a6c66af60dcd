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
  'tarred and feathered',
  'flogged',
  'horsewhipped',
  'beaten up',
  'dragged out of the building',
  'dragged out of his house',
  'dragged out of her house',
  'dragged through the streets',
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
export type GrammarList = 'threat' | 'suspect' | 'group' | 'incite' | 'sexual';

type Pattern = {
  slots: string[][];
  caution?: boolean;
  list?: GrammarList;
  /** Words that must not follow the match ("a rat catcher", "sick of"). */
  notAfter?: readonly string[];
  /** Words that must not come just before it ("the pit would kill him": an impersonal subject). */
  notBefore?: readonly string[];
  /** The match must begin a sentence (an imperative: "Key his car."), or also end one ("Muppet."). */
  opens?: boolean;
  alone?: boolean;
};

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

/** Insults that name nothing but a person (no animal, thing or trade): "is a nutter" needs no one named. */
const personOnlyNoun = [
  ...['fool', 'lunatic', 'nutter', 'git', 'twit', 'muppet', 'pillock', 'plonker', 'numpty', 'prat', 'dunce'],
  ...['clown', 'buffoon'],
  ...['simpleton', 'pervert', 'scumbag', 'thug', 'slapper', 'hag', 'slob', 'lowlife', 'weirdo', 'crybaby'],
  ...['snowflake', 'remoaner', 'dumbo', 'incel', 'bellend', 'berk', 'wally', 'oaf', 'lout', 'creep'],
];
const personOnlyNouns = [...personOnlyNoun, ...personOnlyNoun.map((noun) => `${noun}s`)];

// Name-calling aimed at a person. Nouns that are also animals or ordinary words (a rat, a worm, a parasite, a
// creep) count only in a frame that aims them at someone: "you [adjective] NOUN", "you're a NOUN", "what a
// NOUN", "NOUN of a man", "he's a NOUN", "NOUNs like you" — never "rats carry disease" or "the worm is a
// parasite".
const insultNoun = [
  ...['parasite', 'rat', 'worm', 'creep', 'hag', 'slob', 'troglodyte', 'mong', 'leech', 'snake', 'weasel', 'pig'],
  ...['maggot', 'cockroach', 'toad', 'slug', 'sow', 'oaf', 'lout', 'thug', 'pervert', 'freak', 'savage', 'animal'],
  ...['rodent', 'cow', 'witch', 'harridan', 'waste of space', 'disgrace', 'coward', 'grifter', 'crook'],
  ...['ape', 'sheep', 'lump', 'sponger', 'scrounger', 'bully', 'tart', 'gammon', 'hack'],
  ...personOnlyNoun,
];
const insultNouns = [...insultNoun, ...insultNoun.map((noun) => (noun.endsWith('h') ? `${noun}es` : `${noun}s`))];
/** For a person named by their role ("the minister is a …"): not the words of a verdict on their conduct
 *  ("the minister is a disgrace", "the MP is a coward"), which §1 leaves to fair comment. */
const roleInsultNouns = insultNouns.filter((noun) => !['disgrace', 'disgraces', 'coward', 'cowards'].includes(noun));
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
  ...['ignorant', 'brainless', 'gormless', 'senile', 'corrupt', 'greedy', 'traitorous', 'talentless', 'overpaid'],
  ...['jumped up', 'attention seeking', 'grifting', 'selfish', 'dribbling', 'pompous', 'arrogant', 'smug', 'mouthy'],
  ...['diving', 'cheating', 'deluded', 'ghastly', 'vile', 'crooked', 'bent', 'sleazy', 'nasty little', 'right'],
];
/** Adjectives that only insult (no innocent "old", "little", "sad"), for a noun with no other word aiming it. */
const contempt = [
  ...['pathetic', 'snivelling', 'sniveling', 'spineless', 'slimy', 'repulsive', 'filthy', 'disgusting'],
  ...['worthless', 'despicable', 'contemptible', 'odious', 'creepy', 'smelly', 'stinking', 'greasy'],
  ...['knuckle dragging', 'gutless', 'ugly', 'fat', 'grubby', 'cowardly', 'weaselly', 'two faced'],
];
/** Sexual remarks on someone's body: "nice tits on her", "lovely legs on the weather girl". */
const admiring = ['nice', 'lovely', 'great', 'cracking', 'fantastic', 'massive', 'big', 'gorgeous', 'sexy', 'perky'];
const bodyParts = [
  ...['tits', 'boobs', 'knockers', 'jugs', 'rack', 'arse', 'ass', 'bum', 'legs', 'lips', 'pins', 'melons', 'bust'],
];
const optional = (words: readonly string[]) => ['', ...words];
/** People a noun of contempt is made of: "rat of a man", "slob of a councillor". */
const someone = [
  ...['man', 'woman', 'human', 'human being', 'person', 'councillor', 'mp', 'politician', 'journalist'],
  ...['reporter', 'columnist', 'minister', 'boy', 'girl', 'leader', 'husband', 'wife', 'father', 'mother'],
  ...['teacher', 'cop', 'copper', 'judge', 'editor', 'writer', 'prime minister', 'mayor', 'president'],
  ...['neighbour', 'landlord', 'boss', 'manager', 'player', 'referee', 'priest', 'vicar', 'doctor'],
  ...['headteacher', 'head teacher', 'defendant', 'driver', 'cyclist', 'governor', 'magistrate', 'singer'],
  ...['footballer', 'youtuber', 'influencer', 'developer', 'builder', 'owner', 'chief executive', 'ceo'],
  ...['chair', 'chairman', 'home secretary', 'secretary', 'officer', 'mum', 'dad', 'bloke', 'guy', 'lad'],
  ...['presenter', 'author', 'council leader', 'pm', 'chancellor', 'actor', 'actress', 'celebrity', 'star'],
  ...['coppers', 'cops', 'officers', 'councillors', 'mps', 'ministers', 'politicians', 'landlords', 'owners'],
  ...['weather girl', 'photographer', 'nurse', 'receptionist', 'witness', 'accused', 'victim', 'mother', 'father'],
];

/** Peoples by what they are, not by how they came (whether migrants may work is a policy debate; whether
 *  women may vote is not): for "should not be allowed to…". */
const peoplesByNature = [
  ...['gay people', 'gay men', 'gays', 'lesbians', 'bisexuals', 'trans people', 'trans women', 'trans men'],
  ...['transgender people', 'disabled people', 'the disabled', 'autistic people', 'autistic kids', 'autistics'],
  ...['wheelchair users', 'the wheelchair lot', 'special needs kids', 'disabled kids', 'dwarves', 'dwarfs'],
  ...['women', 'females', 'men', 'muslims', 'jews', 'hindus', 'sikhs', 'christians', 'catholics', 'blacks'],
  ...['black people', 'asians', 'whites', 'white people', 'gypsies', 'travellers', 'homosexuals', 'spastics'],
];

// Groups of people spoken of as vermin or disease, or marked for removal. The group is a people ("Muslims",
// "migrants", "these people"), so "rats are vermin" and "Japanese knotweed is an infestation" match nothing.
const peoples = [
  ...['immigrants', 'migrants', 'refugees', 'asylum seekers', 'muslims', 'jews', 'blacks', 'gays', 'lesbians'],
  ...['trans people', 'transgender people', 'travellers', 'gypsies', 'roma', 'poles', 'romanians', 'foreigners'],
  ...['africans', 'arabs', 'pakistanis', 'indians', 'asians', 'chinese', 'mexicans', 'somalis', 'albanians'],
  ...['homosexuals', 'these people', 'those people', 'people like that', 'illegals', 'catholics', 'hindus'],
  ...['sikhs', 'bangladeshis', 'nigerians', 'eastern europeans', 'their kind', 'that lot', 'women', 'feminists'],
  ...peoplesByNature,
  ...['these ones', 'this lot', 'the blacks', 'the whites', 'the jews', 'the muslims', 'the irish', 'the gays'],
];
const vermin = [
  ...['vermin', 'animals', 'cockroaches', 'rats', 'parasites', 'a cancer', 'a disease', 'a plague', 'a virus'],
  ...['an infestation', 'subhuman', 'not human', 'savages', 'filth', 'invaders', 'groomers', 'perverts'],
  ...['disgusting', 'less intelligent', 'inferior', 'mentally ill', 'a disease', 'a blight', 'a scourge'],
  ...['breeding like rats', 'leeches', 'scroungers', 'apes', 'monkeys', 'dogs', 'pigs', 'a pestilence'],
  ...[
    'sick and need',
    'sick in the head',
    'sick and twisted',
    'an abomination',
    'abominations',
    'unnatural',
    'an aberration',
    'a drain',
    'a burden',
    'freaks',
  ],
  ...['a waste of', 'too emotional', 'too stupid', 'too thick', 'thieves', 'all thieves', 'criminals', 'rapists'],
  ...['terrorists', 'paedophiles', 'paedos', 'grotesque', 'evil', 'dirty', 'filthy', 'a threat to', 'scum'],
];
/** "are sick of it", "are a drain on the battery": what may not follow a group's predicate. */
const notGroupAfter = ['of', 'with', 'from', 'because', 'after', 'at', 'about'];
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

/** Acts of damage an imperative may urge, and what belongs to someone. */
const damage = [
  ...['torch', 'burn', 'burn down', 'set fire to', 'smash', 'smash up', 'trash', 'wreck', 'vandalise', 'vandalize'],
  ...['key', 'petrol bomb', 'firebomb', 'fire bomb', 'paint bomb', 'glue', 'graffiti', 'daub', 'loot', 'cut down'],
  ...['dig up', 'sabotage', 'tear down', 'pull down', 'block', 'brick', 'egg', 'slash', 'pour sugar in'],
  ...['daub swastikas on', 'paint swastikas on', 'spray paint', 'spray'],
];
/** The same without the acts a council may lawfully do ("the council should block the road", "tear down the
 *  old station"): for a modal, which a civic suggestion uses too. */
const violentDamage = damage.filter(
  (act) => !['block', 'dig up', 'cut down', 'tear down', 'pull down', 'spray', 'sabotage'].includes(act),
);
const owner = ['his', 'her', 'their', 'your', 'the', 'that', 'this', 'every', 'those', 'all the', 'all', 'any'];
const property = [
  ...['car', 'cars', 'tesla', 'house', 'home', 'office', 'offices', 'shop', 'windows', 'window', 'van', 'tyres'],
  ...['hotel', 'mosque', 'synagogue', 'church', 'temple', 'gurdwara', 'camera', 'cameras', 'depot', 'place'],
  ...['flat', 'locks', 'lock', 'motorway', 'road', 'cycle lanes', 'lanes', 'scaffolding', 'fuel tanks', 'tanks'],
  ...['bin lorries', 'lorries', 'bus', 'buses', 'station', 'town hall', 'council offices', 'surgery', 'mast'],
  ...['tesco', 'asda', 'shops', 'stores', 'store', 'depot', 'building', 'offices', 'headquarters', 'hq'],
  ...['speed camera', 'speed cameras', 'camera van', 'camera vans'],
];

/** Subjects that are not a person: "the pit would kill him", "it'll kill her", "the stress will kill you". */
const impersonal = [
  ...['it', 'that', 'this', 'which', 'what', 'pit', 'job', 'work', 'stress', 'cold', 'heat', 'dust', 'drink'],
  ...['drinking', 'smoking', 'drugs', 'worry', 'shock', 'disease', 'illness', 'virus', 'cancer', 'fumes', 'diet'],
  ...['weather', 'commute', 'hours', 'pressure', 'travel', 'loneliness', 'boredom', 'suspense', 'walk', 'climb'],
  ...['price', 'prices', 'bill', 'bills', 'rent', 'cost', 'costs', 'wait', 'hill', 'stairs', 'journey', 'news'],
];

const impersonalSubjects = new Set(impersonal);
const predictive = new Set(['would', 'will', 'could', 'might', 'may', 'll', 'd', 'can', 'gonna']);

/** Whether the words before token `at` are an impersonal subject and a modal ("the pit would | kill him",
 *  "it'll | kill her"): what follows is a prediction about a thing, not a threat by a person. */
export function impersonalBefore(tokens: readonly Token[], at: number): boolean {
  return at >= 2 && predictive.has(tokens[at - 1]!.core) && impersonalSubjects.has(tokens[at - 2]!.core);
}

const patterns: Pattern[] = [
  // Someone should shoot him; somebody ought to shoot the lot of them; I'll fucking kill you.
  { slots: [modal, adverb, harm, target], notBefore: impersonal },
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
  {
    slots: [
      peoples,
      optional(['in that area', 'round here', 'around here', 'in this country', 'in this town', 'in this area']),
      ['are', 'r', 'are just', 'are nothing but', 'are all', 'are like'],
      vermin,
    ],
    list: 'group',
    notAfter: notGroupAfter,
  },
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
  // ── Veiled threats: a grammar of implied consequence aimed at a person (held under §2, never rejected).
  // "Accidents happen to people like you", "people like you end up in the canal".
  {
    slots: [
      ['accidents', 'bad things', 'things'],
      ['happen', 'can happen', 'do happen', 'have a way of happening'],
      ['to'],
      ['people like you', 'people like him', 'people like her', 'the likes of you', 'your sort', 'your kind', 'you'],
    ],
  },
  {
    slots: [
      ['people like you', 'people like him', 'people like her', 'the likes of you', 'your sort', 'your kind'],
      ['end up', 'tend to end up', 'usually end up', 'often end up', 'always end up', 'get', 'have a habit of'],
      [
        ...['dead', 'hurt', 'in hospital', 'in a ditch', 'in the canal', 'in the river', 'in a wheelchair'],
        ...['missing', 'six feet under', 'in a body bag', 'going missing', 'getting hurt', 'what s coming'],
      ],
    ],
  },
  // "Shame if anything happened to it" (after "nice house you've got"); "be a pity if your kids had to…".
  {
    slots: [
      ['shame', 'pity'],
      ['if', 'if something', 'if anything'],
      ['happened to', 'happens to', 'were to happen to', 'was to happen to'],
      ['it', 'them', 'him', 'any of them', 'any of you'],
    ],
  },
  {
    slots: [
      ['shame', 'pity'],
      ['if'],
      ['your', 'ur', 'his', 'her'],
      ['kids', 'children', 'family', 'wife', 'husband', 'daughter', 'son', 'car', 'house', 'windows', 'dog', 'cat'],
      ['had to', 'were to', 'was to', 'got hurt', 'ended up', 'came to harm', 'went missing', 'had an accident'],
    ],
  },
  // "I would not go out after dark if I were you"; "watch yourself"; "careful who you upset".
  {
    slots: [
      ['wouldn t', 'would not', 'wouldnt', 'd not', 'shouldn t', 'should not'],
      ['go out', 'walk home', 'walk around', 'be out', 'leave the house', 'go outside', 'walk alone', 'go anywhere'],
      ['', 'alone', 'on your own'],
      ['after dark', 'at night', 'alone', 'on your own', 'if i were you', 'if i was you'],
    ],
  },
  {
    slots: [['watch yourself', 'watch urself', 'watch your mouth', 'mind your back']],
    opens: true,
    notAfter: ['on', 'in', 'near', 'around', 'crossing', 'if', 'when', 'with', 'at', 'there', 'out', 'going', 'doing'],
  },
  {
    slots: [
      ['careful', 'be careful', 'mind'],
      ['who you upset', 'who you cross', 'who you mess with', 'who you piss off', 'who you wind up', 'who you annoy'],
    ],
  },
  {
    slots: [
      ['people round here', 'people around here', 'we', 'they'],
      ['have', 've got', 'have got'],
      ['long memories'],
    ],
  },
  // "Keep posting and you'll find out what happens"; "you will be dealt with"; "we'll make you pay".
  {
    slots: [
      ['and'],
      ['you ll', 'you will', 'you re going to', 'you are going to', 'just', 'then'],
      ['find out', 'see', 'learn', 'watch'],
      ['what happens'],
    ],
    notAfter: ['to', 'when', 'if', 'next', 'in', 'with', 'at', 'on', 'after', 'because', 'then'],
  },
  {
    slots: [
      ['you', 'u', 'he', 'she'],
      ['will', 'll', 're going to', 'are going to', 's going to', 'is going to', 'will soon', 'll soon'],
      ['be dealt with', 'get dealt with', 'be sorted out', 'be taken care of', 'pay for this', 'pay for that'],
    ],
  },
  {
    slots: [
      ['make', 'making'],
      ['you', 'u', 'him', 'her'],
      ['pay for this', 'pay for that', 'pay for it', 'pay', 'suffer', 'regret it', 'regret this'],
    ],
    notAfter: ['the', 'a', 'an', 'more', 'less', 'tax', 'taxes', 'their', 'his', 'her', 'your', 'back', 'up', 'off'],
  },
  // "We know which train you catch"; "I know your routine"; "your name is on the list".
  {
    slots: [
      ['i', 'we'],
      ['', 'do', 'all', 'already', 'now'],
      ['know which', 'know what'],
      ['train', 'bus', 'car', 'route', 'gym', 'school', 'pub', 'way', 'time', 'door', 'house'],
      [...person, 'you re', 'your kids'],
      ['catch', 'catches', 'take', 'takes', 'drive', 'drives', 'use', 'uses', 'go to', 'goes to', 'walk', 'leave'],
    ],
  },
  {
    slots: [
      ['i', 'we'],
      ['', 'do', 'all', 'already', 'now'],
      ['know what', 'know where'],
      ['you', 'he', 'she'],
      ['drive', 'drives', 'park', 'parks', 'are', 'is', 'walk', 'walks', 'drink', 'drinks', 'shop', 'shops'],
    ],
    notAfter: ['talking', 'saying', 'on', 'about', 'coming', 'getting', 'doing', 'going', 'trying', 'from'],
  },
  {
    slots: [
      ['i', 'we'],
      ['', 'do', 'all', 'already', 'now'],
      ['know'],
      ['your', 'ur', 'his', 'her'],
      ['routine', 'daily routine', 'movements', 'schedule', 'kids names', 'children s names'],
    ],
  },
  {
    slots: [
      ['your', 'ur', 'his', 'her'],
      ['name is on', 'name s on', 'names are on', 'card is marked', 'card s marked', 'cards are marked'],
      ['', 'the', 'a', 'my', 'our'],
      ['', 'list'],
    ],
  },
  // "He won't be so brave when he's on his own"; "let's see how brave you are then".
  {
    slots: [
      ['won t be', 'will not be', 'wont be', 'wouldn t be', 'not be'],
      ['so brave', 'so tough', 'so hard', 'so cocky', 'so mouthy', 'so gobby', 'so smug', 'so clever', 'so brave'],
      ['when', 'once'],
      ['he', 'she', 'you', 'he s', 'she s', 'you re'],
    ],
  },
  {
    slots: [
      ['see how'],
      ['brave', 'tough', 'hard', 'cocky', 'mouthy', 'gobby'],
      ['you', 'he', 'she'],
      ['are', 're', 'is', 's'],
      ['then', 'in person', 'face to face', 'on your own', 'on his own', 'on her own', 'when'],
    ],
  },
  // "I'll be waiting outside your office"; "the pitchforks are coming for you".
  {
    slots: [
      ['i', 'we'],
      ['ll be', 'will be', 'm', 'am', 're', 'are'],
      ['waiting'],
      ['outside your', 'outside his', 'outside her', 'for you', 'for u', 'for him', 'for her', 'at your', 'by your'],
    ],
    notAfter: ['reply', 'response', 'answer', 'comments', 'article', 'next', 'column', 'book', 'to'],
  },
  {
    slots: [
      ['pitchforks', 'mob', 'lads', 'boys', 'locals', 'everyone', 'we all', 'they all'],
      ['are', 're', 'will be', 'll be', 'is'],
      ['coming for', 'coming after'],
      ['you', 'u', 'ya', 'him', 'her', 'your family', 'your kids'],
    ],
  },
  // "A brick through his window would sort him out"; "I've a baseball bat for whichever councillor comes".
  {
    slots: [
      ['brick', 'rock', 'stone', 'petrol bomb', 'firebomb', 'molotov', 'bricks', 'rocks'],
      ['through', 'thru'],
      ['his', 'her', 'their', 'your', 'ur', 'every', 'each', 'all his', 'all her', 'all their'],
      ['window', 'windows', 'door', 'windscreen', 'front door'],
    ],
  },
  {
    slots: [
      ['i ve', 'i have', 'i ve got', 'i have got', 'i got', 'got'],
      ['a', 'my'],
      weapon,
      ['for', 'waiting for', 'ready for'],
      ['whoever', 'whichever', 'anyone', 'anybody', 'you', 'him', 'her', 'the first', 'any'],
    ],
  },
  // "Not saying I'd push him under a bus"; "hope the driver gets hit by a lorry".
  {
    slots: [
      ['push', 'shove', 'throw', 'chuck'],
      ['him', 'her', 'you', 'them', 'u'],
      ['under a bus', 'under a train', 'under a lorry', 'in the canal', 'off a bridge', 'in front of a train'],
    ],
  },
  {
    slots: [
      ['hope', 'hoping', 'wish'],
      ['the', 'that', 'this'],
      someone,
      ['gets', 'get'],
      ['hit by a lorry', 'hit by a bus', 'hit by a car', 'hit by a train', 'run over', 'stabbed', 'shot', 'cancer'],
    ],
  },
  // "He wants stringing up"; "who wants a slap"; "he'll get a smack".
  {
    slots: [
      ['he', 'she', 'they', 'you', 'who', 'he s', 'she s'],
      ['wants', 'needs', 'want', 'need'],
      [
        ...['stringing up', 'hanging', 'shooting', 'putting down', 'a slap', 'a good slap', 'a smack', 'a kicking'],
        ...['a good kicking', 'a good hiding', 'a hiding', 'his teeth knocked in', 'her teeth knocked in'],
        ...['his head kicked in', 'her head kicked in', 'your teeth knocked in', 'your head kicked in', 'a bullet'],
      ],
    ],
  },
  {
    slots: [
      ['he', 'she', 'they', 'he ll', 'she ll', 'they ll'],
      ['will get', 'get', 'll get', 'is getting', 's getting', 'are getting', 're getting'],
      ['a smack', 'a slap', 'a kicking', 'a hiding', 'a beating', 'battered', 'a good hiding', 'a good kicking'],
    ],
  },
  {
    slots: [
      ['be', 'get'],
      ['dragged out and beaten', 'beaten to within an inch of'],
    ],
  },
  {
    slots: [
      ['hang', 'shoot', 'string up', 'lynch'],
      ['the lot of them', 'all of them', 'every last one of them'],
    ],
  },
  { slots: [['nobody', 'no one', 'noone'], ['would', 'will', 'd'], ['miss'], ['you', 'u', 'him', 'her']] },
  { slots: [['world'], ['would be', 'd be', 'will be'], ['better off without'], ['you', 'u', 'him', 'her']] },

  // ── Incitement to damage or to harass (held under §2): an imperative at the start of a sentence, or a modal,
  // with an act of damage and a thing someone owns or uses. "The council should fix the windows" has no act
  // of damage; "they smashed the windows" is a report, not an imperative.
  {
    slots: [
      ['', 'everyone', 'everybody', 'go', 'go and', 'let s', 'lets', 'someone', 'somebody', 'people should'],
      damage,
      ['', 'up', 'down'],
      owner,
      ['', 'new', 'local', 'nearest', 'speed', 'council', 'asylum', 'ulez', 'camera'],
      property,
    ],
    list: 'incite',
    opens: true,
  },
  {
    slots: [modal, adverb, violentDamage, ['', 'up', 'down'], owner, optional(['new', 'local', 'speed']), property],
    list: 'incite',
  },
  {
    slots: [['and', 'then'], violentDamage, ['', 'up', 'down'], owner, optional(['new', 'local']), property],
    list: 'incite',
  },
  {
    slots: [
      ['throw', 'lob', 'chuck', 'put'],
      ['a brick', 'bricks', 'a rock', 'rocks', 'stones', 'a petrol bomb', 'a firebomb', 'paint'],
      ['through', 'at', 'over'],
      owner,
      property,
    ],
    list: 'incite',
    opens: true,
  },
  {
    slots: [
      ['slash', 'let down', 'deflate'],
      ['the', 'his', 'her', 'their', 'your'],
      ['tyres', 'tires'],
    ],
    list: 'incite',
    opens: true,
  },
  {
    slots: [
      ['burn', 'smash', 'pull', 'tear', 'knock'],
      owner,
      ['', 'new', 'local', 'nearest', 'asylum', 'council'],
      property,
      ['down', 'up'],
    ],
    list: 'incite',
    opens: true,
  },
  {
    slots: [
      ['drive into', 'run over', 'plough into', 'mow down'],
      ['the', 'those', 'these', 'them', 'any'],
      ['', 'bloody', 'fucking'],
      ['protesters', 'protestors', 'cyclists', 'marchers', 'crowd', 'demonstrators', 'strikers', 'picket'],
    ],
    list: 'incite',
  },
  // "Let's all flood her inbox", "everyone email her and tell her what you think", "share his address".
  {
    slots: [
      ['', 'let s all', 'lets all', 'let us all', 'everyone', 'everybody', 'all', 'go and', 'go'],
      ['flood', 'bombard', 'spam', 'fill', 'jam', 'blow up', 'swamp'],
      ['her', 'his', 'their', 'the'],
      ['inbox', 'inboxes', 'phone', 'phones', 'mentions', 'dms', 'email', 'socials', 'timeline', 'switchboard'],
    ],
    list: 'incite',
    opens: true,
  },
  {
    slots: [
      ['everyone', 'everybody', 'all of you', 'you all', 'let s all', 'lets all'],
      ['', 'go and', 'should', 'needs to'],
      ['email', 'message', 'ring', 'call', 'phone', 'dm', 'tweet', 'write to', 'visit', 'find'],
      ['her', 'him', 'them'],
    ],
    notAfter: ['a', 'an', 'for', 'to', 'about', 'back', 'thank', 'thanks', 'congratulations', 'support'],
    list: 'incite',
  },
  {
    slots: [
      ['share', 'post', 'spread', 'publish'],
      ['his', 'her', 'their'],
      ['address', 'home address', 'number', 'phone number', 'details', 'workplace'],
    ],
    notAfter: ['with', 'to'],
    list: 'incite',
    opens: true,
  },
  {
    slots: [
      ['someone', 'somebody', 'everyone', 'somebody should', 'someone should', 'someone needs to', 'someone go'],
      ['', 'and', 'go and', 'should', 'needs to', 'must'],
      ['find out where', 'work out where'],
      ['he', 'she', 'they'],
      ['lives', 'live', 'works', 'work', 'is', 'are', 'goes', 'now lives', 'lives now'],
    ],
    list: 'incite',
  },
  {
    slots: [
      ['someone', 'somebody', 'someone should', 'somebody should', 'everyone should'],
      ['', 'go and', 'go', 'should'],
      ['ask', 'see', 'visit', 'confront', 'pay'],
      ['her', 'him', 'them'],
      ['in person', 'face to face', 'a visit', 'a little visit', 'at home', 'at her house', 'at his house'],
    ],
    list: 'incite',
  },
  {
    slots: [modal, adverb, ['give', 'pay'], ['him', 'her', 'them'], ['a visit', 'a little visit', 'a home visit']],
    list: 'threat',
  },

  // ── Sexual harassment aimed at a person (held under §1): remarks and demands addressed to someone.
  {
    slots: [
      ['i d', 'i would', 'i ll', 'i will', 'would'],
      ['', 'happily', 'gladly', 'definitely'],
      ['give'],
      ['her', 'him', 'you'],
      ['one', 'a seeing to', 'a good seeing to', 'a good time'],
    ],
    notAfter: ['more', 'of', 'star', 'stars', 'point', 'chance', 'last', 'vote', 'reason', 'thing', 'out', 'back'],
    list: 'sexual',
  },
  {
    slots: [['bend'], ['her', 'him', 'you', 'the', 'that', 'this'], ['', 'new', 'old'], ['', ...someone], ['over']],
    list: 'sexual',
  },
  {
    slots: [
      ['she', 'he'],
      ['would', 'd', 'would definitely', 'd definitely', 'would so', 'd so'],
      ['get it'],
      ['no question', 'any day', 'no doubt', 'every time', 'from me', 'though', 'tbh', 'lol', 'alright', 'and all'],
    ],
    list: 'sexual',
  },
  { slots: [admiring, bodyParts, ['on'], ['her', 'him', 'you']], list: 'sexual' },
  { slots: [admiring, bodyParts, ['on'], ['that', 'the', 'this'], ['', 'new', 'old'], someone], list: 'sexual' },
  {
    slots: [
      ['has', 'got', 'has got', 's got'],
      admiring,
      ['tits', 'boobs', 'knockers', 'jugs', 'rack', 'arse', 'ass', 'bum', 'melons'],
    ],
    list: 'sexual',
  },
  {
    slots: [
      ['wonder what s', 'wonder what is'],
      ['higher up', 'under her', 'under that skirt', 'under there'],
    ],
    list: 'sexual',
  },
  {
    slots: [
      ['send', 'dm', 'show', 'post', 'sending'],
      ['', 'me', 'us'],
      ['nudes', 'your nudes', 'a nude', 'your tits', 'your boobs', 'feet pics'],
    ],
    list: 'sexual',
  },
  {
    slots: [
      ['send', 'dm', 'show', 'sending'],
      ['', 'me', 'us'],
      ['your pics', 'your body', 'a pic'],
    ],
    notAfter: ['of', 'from', 'for', 'to', 'at', 'on', 'in', 'and', 'or', 'please', 'when', 'if'],
    list: 'sexual',
  },
  {
    slots: [['get', 'take', 'whip'], ['your', 'ur'], ['kit', 'clothes', 'knickers', 'pants', 'bra', 'kecks'], ['off']],
    notAfter: ['the', 'my'],
    list: 'sexual',
  },
  { slots: [['sit on'], ['my'], ['face', 'cock', 'dick', 'lap']], list: 'sexual' },
  {
    slots: [
      ['skirt', 'dress', 'outfit', 'she', 'she s', 'she is', 'she was'],
      ['', 'is', 'was', 's', 'were', 'really'],
      ['asking for it', 'begging for it', 'gagging for it'],
    ],
    list: 'sexual',
  },
  {
    slots: [
      ['picture', 'imagine', 'picturing', 'imagining'],
      ['her', 'him', 'you'],
      ['in the bath', 'in the shower', 'naked', 'in bed', 'in her underwear', 'in a bikini', 'with nothing on'],
    ],
    list: 'sexual',
  },
  {
    slots: [
      ['whether', 'even if', 'if'],
      ['she', 'he', 'you'],
      ['wanted it', 'wants it', 'likes it', 'liked it', 'wanted to', 'wants to'],
      ['or not'],
    ],
    list: 'sexual',
  },
  {
    slots: [
      ['who', 'she', 'that'],
      ['likes it', 'like it', 'd like it', 'would like it'],
      ['rough', 'from behind'],
    ],
    list: 'sexual',
  },
  {
    slots: [
      ['what i d', 'what i would', 'things i d', 'things i would', 'the things i d', 'the things i would'],
      ['do to'],
      ['her', 'him', 'you'],
      ['in a locked room', 'in bed', 'if i got', 'given half', 'if i had'],
    ],
    list: 'sexual',
  },
  {
    slots: [
      ['what i d', 'what i would', 'things i d', 'things i would', 'the things i d', 'the things i would'],
      ['do to'],
      ['that', 'the', 'this'],
      ['', 'new', 'old'],
      someone,
      ['in a locked room', 'in bed', 'if i got', 'given half', 'if i had', 'on her own'],
    ],
    list: 'sexual',
  },
  {
    slots: [
      ['she s', 'she is', 'bet she s', 'bet she is', 'she looks'],
      ['', 'a right', 'a real'],
      ['goer', 'good shag', 'good ride', 'gagging for it'],
    ],
    list: 'sexual',
  },

  // ── Hate without slurs (held under §2): a protected group dehumanised, excluded or marked.
  {
    slots: [
      peoplesByNature,
      ['', 'like him', 'like her', 'like them', 'like that'],
      [
        ...['should not be allowed to', 'shouldn t be allowed to', 'should not be allowed', 'shouldn t be allowed'],
        ...['should be banned from', 'should be kept away from', 'should be kept in', 'should be kept out of'],
        ...['should not be on', 'shouldn t be on', 'should keep it behind closed doors', 'should not be let'],
        ...['have no place in', 'don t belong in', 'do not belong in', 'should be barred from'],
      ],
    ],
    list: 'group',
  },
  {
    slots: [
      ['islam', 'judaism', 'hinduism', 'sikhism', 'their religion'],
      ['is', 'is just', 'is nothing but'],
      ['a death cult', 'a cancer', 'a disease', 'evil', 'a plague', 'a virus', 'a cult of death', 'satanic'],
    ],
    list: 'group',
  },
  {
    slots: [
      ['typical'],
      [
        ...['jew', 'jews', 'muslim', 'muslims', 'woman', 'women', 'woman driver', 'women drivers', 'female', 'gay'],
        ...['gays', 'immigrant', 'immigrants', 'foreigner', 'foreigners', 'pole', 'poles', 'romanian', 'romanians'],
        ...['gypsy', 'gypsies', 'black', 'blacks', 'asian', 'asians', 'paki', 'irish', 'hindu', 'migrant', 'migrants'],
        ...['gammon', 'snowflake', 'remoaner', 'libtard', 'leftie', 'lefty'],
      ],
    ],
    notAfter: ['of', 'for', 'in', 'on', 'day', 'week', 'experience', 'story', 'case', 'age', 'salary', 'wage', 'pay'],
    list: 'group',
  },
  {
    slots: [
      ['go', 'get', 'fuck off', 'piss off', 'clear off', 'sod off', 'bugger off', 'should go', 'should all go'],
      ['back', 'home'],
      ['', 'on the next boat', 'on the next plane'],
      [
        ...['to where you came from', 'where you came from', 'to your own country', 'to your country'],
        ...['where you belong', 'to where they came from', 'where they came from', 'to their own country'],
      ],
    ],
    list: 'group',
  },
  {
    slots: [
      ['send', 'ship', 'pack', 'put'],
      ['them', 'em', 'the lot'],
      ['', 'all'],
      ['back', 'home', 'out'],
      ['on the next boat', 'on the next plane', 'on a boat', 'on the boats', 'in cattle trucks', 'on the next flight'],
    ],
    list: 'group',
  },
  {
    slots: [
      ['shipped back', 'sent back', 'deported', 'sent home', 'shipped out'],
      ['in cattle trucks', 'on the next boat', 'in chains', 'on the next plane'],
    ],
    list: 'group',
  },
  {
    slots: [
      ['are', 're', 'r'],
      ['vermin', 'parasites', 'animals', 'cockroaches', 'rats', 'leeches', 'invaders', 'savages', 'subhuman'],
      ['who', 'that', 'and'],
      ['should', 'must', 'need to', 'ought to', 'deserve to'],
      ['', 'all'],
      ['be'],
      removal,
    ],
    list: 'group',
  },
  {
    slots: [
      ['kick out', 'deport', 'throw out', 'ban', 'get rid of', 'round up', 'kill', 'gas', 'shoot', 'exterminate'],
      ['every', 'all', 'all the', 'all of the'],
      [
        ...['hindu', 'hindus', 'muslim', 'muslims', 'jew', 'jews', 'sikh', 'sikhs', 'immigrant', 'immigrants'],
        ...['migrant', 'migrants', 'foreigner', 'foreigners', 'refugee', 'refugees', 'men', 'women', 'gays'],
        ...['gay', 'black', 'blacks', 'pole', 'poles', 'romanian', 'romanians', 'gypsy', 'gypsies', 'asylum seeker'],
        ...['asylum seekers', 'trans people', 'christians', 'catholics', 'arabs', 'africans', 'pakistanis'],
      ],
    ],
    notAfter: ['who', 'that', 'which', 'with', 'convicted', 'found', 'caught'],
    list: 'group',
  },
  {
    slots: [
      ['cockroaches', 'rats', 'vermin', 'parasites', 'invaders', 'animals', 'savages'],
      [
        ...['crossing the channel', 'crossing the border', 'on the boats', 'in the boats', 'in dinghies'],
        ...['landing on our beaches', 'flooding in', 'pouring in', 'swarming in', 'flooding into', 'pouring into'],
      ],
    ],
    list: 'group',
  },
  {
    slots: [
      ['disabled', 'autistic', 'gay', 'trans', 'muslim', 'jewish', 'foreign', 'immigrant', 'migrant', 'black'],
      ['scroungers', 'parasites', 'leeches', 'spongers', 'freaks', 'vermin', 'scum', 'savages', 'cockroaches', 'filth'],
    ],
    list: 'group',
  },
  { slots: [['invaders', 'an invasion force'], ['not'], ['refugees', 'migrants', 'asylum seekers']], list: 'group' },
  {
    slots: [
      ['shoot', 'drown', 'sink', 'gas'],
      ['them', 'em', 'the boats', 'the dinghies'],
      ['in the water', 'on sight', 'at the border', 'before they land', 'in the channel'],
    ],
    list: 'group',
  },
  {
    slots: [
      ['great replacement'],
      ['is happening', 'is real', 'is coming', 'is here', 'is under way', 'has begun', 'is underway'],
    ],
    list: 'group',
  },

  // ── Name-calling of people in the story (held under §1): "the mayor is a corrupt pig", "that judge is a
  // senile old fool", "the MP for this seat is a traitorous rat". The person is named by a role, so "the worm is
  // a parasite" and "the cat is a pest" match nothing.
  {
    slots: [
      ['the', 'that', 'this', 'those', 'these', 'our', 'their', 'your', 'both of those', 'both of the'],
      ['', 'new', 'old', 'local', 'former', 'current', 'victim s', 'man s', 'woman s', 'boy s', 'girl s'],
      someone,
      ['', 'in the story', 'in the photo', 'in the video', 'in the article', 'for this seat', 'in question'],
      ['is a', 'is an', 'is such a', 'was a', 'was an', 'looks like a', 'looks like an', 'is just a', 'are', 'were'],
      ['', 'total', 'complete', 'absolute', 'utter', 'right', 'real'],
      optional(scorn),
      optional(scorn),
      roleInsultNouns,
    ],
    list: 'suspect',
    notAfter: [...notInsultAfter, 's'],
  },
  {
    slots: [
      ['nasty', 'vile', 'horrible', 'nasty little', 'right', 'real'],
      ['piece of work', 'pieces of work'],
    ],
    list: 'suspect',
  },
  // "@TeesValleyTom is a dribbling simpleton", "what a pathetic little man", "Muppet.", "Clown. Absolute clown."
  {
    slots: [
      ['is a', 'is an', 'is such a', 'is one', 'was a', 'looks like a', 'is a right', 'are all', 'are a bunch of'],
      optional(scorn),
      optional(scorn),
      personOnlyNouns,
    ],
    list: 'suspect',
    notAfter: [
      's',
      'of',
      'at',
      'in',
      'costume',
      'outfit',
      'fish',
      'car',
      'act',
      'show',
      'repository',
      'repo',
      'commit',
    ],
  },
  {
    slots: [
      ['pathetic', 'snivelling', 'spineless', 'slimy', 'repulsive', 'worthless', 'despicable', 'contemptible'],
      optional(['little', 'old', 'sad']),
      ['man', 'woman', 'boy', 'girl', 'person', 'creature', 'specimen', 'individual'],
    ],
    list: 'suspect',
  },
  {
    slots: [optional(['absolute', 'utter', 'total', 'complete', 'you', ...personOnlyNouns]), personOnlyNouns],
    list: 'suspect',
    alone: true,
  },
  {
    slots: [
      ['thick as', 'dumb as', 'daft as'],
      ['mince', 'a brick', 'two short planks', 'pig shit', 'a plank', 'a post', 'custard', 'pigshit'],
    ],
    list: 'suspect',
  },
  // More self-harm incitement: "go and jump off Tower Bridge", "step in front of a train", "drink bleach",
  // "get a rope", "do the decent thing and end it", "you should have been aborted".
  {
    slots: [
      ['', 'go', 'go and', 'just', 'you should', 'why not', 'why don t you'],
      ['jump off', 'jump in front of', 'step in front of', 'throw yourself off', 'throw yourself under', 'walk into'],
      ['', 'a', 'the'],
      ['', 'nearest', 'tower', 'forth', 'humber', 'clifton', 'golden gate', 'next'],
      ['bridge', 'cliff', 'train', 'bus', 'lorry', 'building', 'roof', 'pier', 'motorway', 'tube'],
    ],
    opens: true,
  },
  { slots: [['long walk off'], ['a short pier', 'a short plank', 'a tall cliff']] },
  {
    slots: [
      ['drink', 'swallow', 'neck'],
      ['bleach', 'antifreeze', 'drain cleaner', 'a bottle of bleach'],
    ],
    opens: true,
  },
  { slots: [['get a rope', 'buy a rope', 'find a rope', 'grab a rope']], alone: true },
  {
    slots: [
      ['do the decent thing and', 'do us all a favour and', 'do everyone a favour and'],
      ['end it', 'end it all'],
    ],
  },
  {
    slots: [
      ['you', 'u', 'he', 'she'],
      ['should have been', 'should ve been', 'shoulda been'],
      ['aborted', 'drowned at birth', 'strangled at birth', 'smothered at birth', 'strangled in the cot'],
    ],
  },
  // "Rape threats are what you get"; "a slap is what you deserve".
  {
    slots: [
      ['rape threats', 'death threats', 'a kicking', 'a slap', 'a bullet', 'acid', 'a beating', 'a smack'],
      ['are what', 'is what', 's what'],
      ['you', 'u', 'he', 'she', 'they'],
      ['get', 'deserve', 'deserves', 'll get', 'will get', 'need', 'needs'],
    ],
  },
  // "I've found your Instagram"; "I've got a spare rope if anyone needs one for the MP"; "Tick tock."
  {
    slots: [
      ['i ve found', 'i have found', 'we ve found', 'we have found', 'i found', 'we found', 'found'],
      ['your', 'ur'],
      ['instagram', 'facebook', 'address', 'home address', 'kids', 'house', 'family', 'socials', 'tiktok', 'car'],
    ],
    notAfter: ['helpful', 'useful', 'interesting', 'for', 'in', 'on', 'online', 'listed'],
  },
  {
    slots: [
      ['a spare rope', 'a rope', 'a spare noose', 'a noose'],
      ['if anyone needs', 'if anybody needs', 'for him', 'for her', 'for them', 'ready for him', 'ready for her'],
    ],
  },
  { slots: [['tick tock', 'tick tock tick tock', 'tic toc']], alone: true },
  // Hate: "They are not British and never will be"; "Yids out of our football club"; "bunch of mongs".
  {
    slots: [
      ['they', 'they re', 'these people', 'those people', 'they are'],
      ['', 'are', 'will'],
      ['not', 'never', 'never be'],
      ['british', 'english', 'scottish', 'welsh', 'real brits', 'one of us', 'truly british'],
      ['and never will be', 'and never will', 'however long', 'no matter how long', 'whatever their passport'],
    ],
    list: 'group',
  },
  {
    slots: [
      [
        ...['yids', 'jews', 'muslims', 'pakis', 'immigrants', 'migrants', 'foreigners', 'poles', 'blacks', 'gays'],
        ...['trans people', 'gypsies', 'romanians', 'albanians', 'asians'],
      ],
      ['out of our', 'out of my', 'out of this'],
      ['', 'football', 'local', 'lovely'],
      ['club', 'country', 'town', 'street', 'school', 'village', 'city', 'area', 'estate', 'team', 'league'],
    ],
    list: 'group',
  },
  {
    slots: [
      ['bunch of', 'load of', 'pack of', 'another', 'typical', 'filthy', 'dirty'],
      ['mongs', 'mong', 'spastics', 'spastic', 'spaz', 'poof', 'poofs', 'pikey', 'pikeys', 'gyppo', 'gyppos'],
    ],
    list: 'group',
  },
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
    'something anything head face days not never through thru when once how without know found school country ' +
    'town city area street team would could can if was were been than then so too very also from into over ' +
    'after before because new way time day year years car road house work is are any every better call nobody ' +
    'lovely great hospital money open own around had which me piece ' +
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
  // A second slot when the first has common words, or when the second has none: a pattern walked in most
  // comments costs more than a few more lookups, but a common word as an anchor costs a lookup in every comment.
  ranked.sort((a, b) => a.score - b.score);
  const second = ranked[1] && (ranked[0]!.score >= 1000 || ranked[1].score < 1000);
  return ranked.slice(0, second ? 2 : 1).map((r) => r.words);
}

type Compiled = {
  index: number;
  slots: Slot[];
  caution: boolean;
  list: GrammarList;
  notAfter: ReadonlySet<string> | undefined;
  notBefore: ReadonlySet<string> | undefined;
  opens: boolean;
  alone: boolean;
};

/** Whether the text between two tokens (or the start or end of the body) ends or begins a sentence. */
function isBoundary(body: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = body.charCodeAt(k);
    // . ! ? : ; and line breaks; a comma too, for a vocative or an aside ("Run along, snowflake").
    if (c === 46 || c === 33 || c === 63 || c === 58 || c === 59 || c === 10 || c === 44) return true;
  }
  return false;
}

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
      notBefore: p.notBefore && new Set(p.notBefore),
      opens: p.opens === true || p.alone === true,
      alone: p.alone === true,
    }));
    patterns.forEach((p, index) => {
      for (const alternatives of p.slots)
        for (const alternative of alternatives)
          for (const word of alternative.split(' ')) if (word.length >= 3) words.add(word);
      // A pattern may begin in any of its leading slots that are optional, and in the first that is not.
      const slots = this.patterns[index]!.slots;
      const firstWords = new Set<string>();
      for (let k = 0; k < slots.length; k++) {
        for (const word of slots[k]!.firstWords()) firstWords.add(word);
        if (!slots[k]!.optional) break;
      }
      for (const word of firstWords) {
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
  find(tokens: readonly Token[], shapes: Int32Array, body: string): [number, number, GrammarList][] {
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
        if (pattern.notBefore && i > 0 && pattern.notBefore.has(tokens[i - 1]!.core)) continue;
        if (pattern.opens && i > 0 && !isBoundary(body, tokens[i - 1]!.coreEnd, tokens[i]!.coreStart)) continue;
        if (pattern.alone && end < tokens.length && !isBoundary(body, tokens[end - 1]!.coreEnd, tokens[end]!.coreStart))
          continue;
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
