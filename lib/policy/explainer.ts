// What the automatic checks do with disguised words, and what they never do, in plain words for readers.
// Rendered on /policy (section "How the automatic checks read comments"); kept beside the engine so a
// change of behaviour and its explanation are reviewed together.

export const automaticChecks = {
  id: 'automatic-checks',
  title: 'How the automatic checks read comments',
  does: [
    'They read a word the way you would see it on screen. Letters borrowed from other alphabets that look like ours (a Cyrillic “о”, a small capital “ᴋ”, a squared “🅵”), accents, fullwidth and “bold” letters, and numbers or symbols standing in for letters (“1d10t”, “f*ck”, “sh🙂t”) all count as the letters they imitate.',
    'They join what has been pulled apart: spaces, dots, hyphens or line breaks inside a word (“f u c k”, “idi-ot”), letters spelled out one by one, invisible characters, formatting tags and codes (“&#102;uck”, “%66uck”), and text written backwards with a right-to-left control character or upside down.',
    'They read a threat however it is phrased — “someone should shoot him”, “I know where your kids go to school”, “your family isn’t safe”, “hope your plane goes down”, “k y s” — including one only implied (“accidents happen to people like you”, “shame if anything happened to it”, “we know which train you catch”), and a call on others to damage property or go after someone (“someone should smash his windows”, “let’s all flood her inbox”), and hold it for a moderator; reporting of violence (“police shot the suspect”) is not a threat, and neither is a threat you quote when you report it (“the court heard he told her ‘I will kill you’”), nor “the council should fix the windows”.',
    'They hold name-calling aimed at a person — another reader or someone in the story (“you snivelling little worm”, “the landlord is a lying snake”) — but not the same words used plainly (“rats carry disease”) or a verdict on someone’s conduct (“the minister is a disgrace”); sexual remarks and demands aimed at a person; and talk of a group of people as vermin, disease or an abomination, as people to be deported or wiped out, or as people who should not be allowed to vote, drive or be seen. All of these go to a moderator, never straight to the bin.',
    'They treat where someone lives or can be found as personal information, like an email address: a house number and street, a postcode, a flat, a car registration, the school someone’s children go to. The address of a council office, a court, a shop or 10 Downing Street is not personal, and neither is a helpline or freephone number (0800, 0808, 0300, 116 123, 1-800), an organisation’s number or email given as its own (“the council switchboard is…”, “email Samaritans at…”), or a role address such as press@ or newsdesk@ — unless the comment says it is someone’s own line or tells readers to use it against them.',
    'They read contact details however they are written — “john at gmail dot com”, “five five five…”, digits from other alphabets, “spam[.]example” — because publishing someone’s email address or phone number, or sneaking in a link to a blocked site, is no different when it is spelled out. A link written so that it cannot be clicked (“hxxp://”, “example dot com”) is held for a moderator.',
    'They recognise a repeated comment even when a letter has been swapped for a look-alike, spacing changed, a word added at the end or, in a long comment, only the amounts changed.',
    'When a match is certain — an obscenity or a slur, however disguised — the comment is not published and we show you the exact words and the clause. When it is not certain — a word that also has an innocent meaning, a loose spelling, a word inside a hashtag — the comment is held and a moderator reads it in context.',
  ],
  never: [
    'They never match part of a longer word: Scunthorpe, Sussex, classic and therapist are fine. A made-up insult glued to a strong obscenity (“shitgibbon”) is held for a moderator, while cocktails, cockpits and people’s surnames are left alone.',
    'They never reject a place, a name or a title on our allowlist, such as Dyke Road in Brighton, Coon Rapids in Minnesota, the band Pussy Riot or the village of Fucking in Austria. Moderators add to the list whenever an innocent name is caught.',
    'They never reject a word on the strength of a guess: a word that can be innocent (“her bitch had six puppies”) goes to a person, not to the bin.',
    'They never read an ordinary word of another language as an English obscenity in a comment written in that language (the Dutch “kunt”, you can), and never treat a short reply many readers write in the same words (“Thoughts are with the family.”) as spam.',
    'They never change what you wrote, and never look at anything but the comment itself, your recent comments on the site and the story it is on.',
  ],
} as const;
