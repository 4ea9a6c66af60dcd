// Default term lists. Entries are matched as whole words (or whole phrases) after normalisation, so
// "class" never matches "ass"; admins extend these lists at runtime (/moderate/rules).
// Content warning: this file necessarily lists offensive words.

/** Profanity and obscenity: rejected under §8 Mind your language. */
export const defaultBannedTerms = [
  'fuck', 'fucks', 'fucked', 'fucker', 'fuckers', 'fucking', 'fuckin', 'motherfucker', 'motherfuckers', 'fuckwit', 'fuckface',
  'shit', 'shits', 'shitty', 'shithead', 'shitheads', 'bullshit', 'horseshit', 'dipshit',
  'cunt', 'cunts', 'asshole', 'assholes', 'arsehole', 'arseholes', 'bitch', 'bitches', 'dickhead', 'dickheads',
  'wanker', 'wankers', 'twat', 'twats', 'cocksucker', 'cocksuckers', 'pussy', 'slut', 'sluts', 'whore', 'whores',
  'bastard', 'bastards', 'douchebag', 'jackass', 'scumbag', 'piss off', 'pissed off', 'wank', 'wanks', 'wanking',
];

/** Slurs against groups of people: rejected under §2 No hate speech or threats. */
export const defaultHateTerms = [
  'nigger', 'niggers', 'nigga', 'niggas', 'faggot', 'faggots', 'fag', 'fags', 'kike', 'kikes', 'spic', 'spics',
  'chink', 'chinks', 'gook', 'gooks', 'wetback', 'wetbacks', 'raghead', 'ragheads', 'towelhead', 'tranny', 'trannies',
  'retard', 'retards', 'retarded', 'dyke', 'dykes', 'coon', 'coons', 'paki', 'pakis', 'gypsies are', 'subhuman',
];

/** Insults and name-calling: held for review under §1 Be civil. */
export const defaultSuspectTerms = [
  'idiot', 'idiots', 'idiotic', 'moron', 'morons', 'moronic', 'stupid', 'imbecile', 'imbeciles', 'cretin', 'cretins',
  'dumbass', 'loser', 'losers', 'liar', 'liars', 'troll', 'trolls', 'shill', 'shills', 'libtard', 'libtards',
  'sheeple', 'scum', 'traitor', 'traitors', 'shut up', 'brain dead', 'braindead', 'jerk', 'jerks', 'degenerate', 'degenerates',
];

/** Threats and wishes of harm: held for review under §2 (a moderator decides, and may ban). */
export const defaultThreatPhrases = [
  'kill you', 'kill him', 'kill her', 'kill them', 'i will find you', 'we know where you live', 'you should die',
  'hope you die', 'should be shot', 'should be hanged', 'string them up', 'put a bullet', 'burn them alive', 'deserve to die',
];

/**
 * Terms with an innocent sense (a dog, a willow, a ditch, a cigarette, a cleaning phrase, a verb) or that are also
 * proper nouns: when one of these matches, the comment is held for a moderator with the evidence, never
 * rejected outright. Loose readings and compounds are not built from them (no "raccoon", "Spicer").
 */
export const defaultAmbiguousTerms = [
  'bitch', 'bitches', 'pussy', 'dyke', 'dykes', 'coon', 'coons', 'fag', 'fags', 'spic', 'spics', 'retard', 'retards', 'retarded', 'tranny',
  'trannies', 'jackass',
];

/**
 * Words and phrases that normalise to a listed term, or contain one, but are innocent: places, surnames,
 * band and book titles, other languages' ordinary words. An entry of several words exempts only that
 * phrase ("Dyke Road", "Fucking, Austria"), not its words alone. Admins extend this list at runtime.
 */
export const defaultAllowlist = [
  // places
  'scunthorpe', 'penistone', 'cockburnspath', 'shitterton', 'twatt', 'bitche', 'pakistan', 'pakistani', 'pakistanis', 'wankham', 'middlesex', 'sussex', 'essex',
  'dyke road', 'dyke marsh', "offa's dyke", "devil's dyke", 'coon rapids', 'fucking austria', 'fucking in austria', 'clitheroe', 'cumbernauld', 'kuntsevo',
  // surnames and people
  'cockburn', 'dickens', 'hancock', 'hitchcock', 'matsushita', 'van dyke', 'greg dyke', 'carrie coon', 'cnut', 'king cnut', 'bastardi', 'shittu', 'wanklyn',
  // titles, bands, food
  'pussy riot', 'pussy willow', 'shitake', 'shiitake', 'inglourious basterds', 'faggots and peas',
  // other languages' ordinary words
  'kunt u', 'u kunt', 'je kunt', 'jij kunt', 'kunt je',
];
