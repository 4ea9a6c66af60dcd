// Where someone lives, works or takes their children, in a comment: doxxing. Publishing a private person's
// street address, postcode, car registration or their children's school invites harassment (§5), so the
// comment is held for a moderator with the span.
//
// The line we draw: a house number with a street ("14 Elm Road", "Flat 3, 88 Gloucester Road", "1550 Ocean
// Ave"), a full UK postcode in a sentence that names a person ("her home postcode is BS8 4LT"), a flat or
// apartment ("Flat 12, Kestrel House", "apartment 4B"), a car registration ("KX19 LMP") beside a word for a
// car, any street named in a comment that calls readers to go and find someone ("pay her a visit", "you know
// what to do"), "lives at/on/above" a street ("lives on Cavendish Street"), and someone's children's school
// ("her kids go to St Anne's Primary"). Not personal: a town or a street named on its own ("the bypass on
// London Road", "she lives in Leeds"), a postcode in a sentence that names no person ("the bus from LS1
// 4DY"), and an address in a sentence that names a public
// place or an organisation — a council office, a court, a station, a shop, a church — or a famous public
// address (10 Downing Street, 1600 Pennsylvania Avenue, 221B Baker Street).
//
// Cost: a pre-check of the tokens (a capitalised street or school word, a cue word such as "flat" or "lives",
// or a capital with digits such as a postcode); most comments stop there. The patterns run only after it.

import type { Token, Tokens } from './normalize';
import { shapeOf } from './word-trie';

export type FoundAddress = { kind: 'address'; start: number; end: number };

const streetTypes =
  'Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Grove|Way|Crescent|Gardens|Terrace|Mews|Place|Court|Row|Walk|Square|Parade|Hill|Paddocks|Park|Green|View|Rise|Boulevard|Blvd|Highway|Croft|Fields|Meadow|Meadows|Villas|Cottages|Wharf';
const capitalised = "[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){0,2}";
const postcodeShape = '[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}';

/** What the tokens hold that an address pattern needs; each pattern runs only when its cues are there. */
const enum Cue {
  /** a capitalised street word ("Road", "Close") */
  Street = 1,
  /** a digit anywhere ("14", "4B") */
  Number = 2,
  Lives = 4,
  /** someone's children */
  Child = 8,
  /** a capitalised school word ("Primary", "Academy") */
  School = 16,
  Flat = 32,
  /** a capital with digits, then a word a postcode or a registration ends with ("LS6 3QT", "KX19 LMP") */
  FullCode = 128,
  /** a street word with a digit in the 40 characters before it ("14 Elm Road") */
  House = 256,
  /** a word of a call to go and find someone ("visit", "know what to do", "knock") */
  Visit = 512,
}
/** Cue words; the Street and School ones count only when capitalised. */
const cueWords = new Map<string, Cue>([
  ...streetTypes
    .toLowerCase()
    .split('|')
    .filter((word) => word !== 'st' && word !== 'dr') // "St Paul's", "Dr Smith": titles far more often
    .map((word) => [word, Cue.Street] as const),
  ...['primary', 'school', 'academy', 'infants', 'juniors', 'prep', 'grammar', 'nursery'].map(
    (word) => [word, Cue.School] as const,
  ),
  ...['lives', 'living', 'lived', 'live', 'stays', 'staying', 'house'].map((word) => [word, Cue.Lives] as const),
  ...['kids', 'children', 'son', 'sons', 'daughter', 'daughters', 'grandchildren', 'boy', 'girl', 'lad'].map(
    (word) => [word, Cue.Child] as const,
  ),
  ...['flat', 'apartment', 'apt', 'unit'].map((word) => [word, Cue.Flat] as const),
  ...['visit', 'know', 'knock', 'pop', 'wait', 'round', 'tell', 'find', 'see'].map(
    (word) => [word, Cue.Visit] as const,
  ),
]);
/** Shapes of the cue words: the term matcher checks each token's shape against this table on its one pass
 *  over the tokens and calls addressCueOf for the few that match, so the address check adds no pass. */
export const addressCueShapes = new Uint8Array(1 << 15);
/** A second shape (the second and last-but-one letters) ruling out most words that share the first. */
const cueShapes2 = new Uint8Array(1 << 15);
const shape2Of = (word: string) =>
  ((word.length & 31) << 10) | ((word.charCodeAt(1) & 31) << 5) | (word.charCodeAt(word.length - 2) & 31);
for (const word of cueWords.keys()) {
  addressCueShapes[shapeOf(word)] = 1;
  cueShapes2[shape2Of(word)] = 1;
}
const isCapital = (code: number) => code >= 65 && code <= 90;

/** The cue a token whose shape is in addressCueShapes stands for, or 0. */
export function addressCueOf(token: Token, body: string): number {
  if (cueShapes2[shape2Of(token.core)] === 0) return 0;
  const cue = cueWords.get(token.core);
  if (cue === undefined) return 0;
  if ((cue === Cue.Street || cue === Cue.School) && !isCapital(body.charCodeAt(token.coreStart))) return 0;
  if (cue === Cue.Street)
    for (let k = token.coreStart - 1; k >= 0 && token.coreStart - k <= 40; k--) {
      const code = body.charCodeAt(k);
      if (code >= 48 && code <= 57) return Cue.Street | Cue.House;
    }
  return cue;
}

/** Cues from the tokens that mix capitals and digits (the tokenizer lists them): postcodes, registrations. */
function codeCues(body: string, tokens: Tokens): number {
  let cues = 0;
  for (const at of tokens.mixedAt ?? []) {
    if (!isCapital(body.charCodeAt(tokens[at]!.coreStart))) continue;
    const next = tokens[at + 1];
    if (next && next.core.length === 3 && isCapital(body.charCodeAt(next.coreEnd - 1))) cues |= Cue.FullCode;
  }
  return cues;
}

/** A house number (or "number 7", "Flat 3,") then a street: "14 Elm Road", "5 The Paddocks". */
const houseAndStreet = new RegExp(
  `\\b(?:[Nn]umber |[Nn]o\\.? )?[0-9]{1,4}[A-Za-z]?,? (?:The )?${capitalised} (?:${streetTypes})\\b`,
  'g',
);
const fullPostcode = new RegExp(`\\b${postcodeShape}\\b`, 'g');
const flat =
  /\b(?:[Ff]lat|[Aa]partment|[Aa]pt\.?|[Uu]nit) [0-9]{1,4}[A-Za-z]?\b(?:,? [A-Z][a-z]+ (?:House|Court|Tower|Mansions|Lodge|Heights))?/g;
const registration = /\b[A-Z]{2}[0-9]{2} ?[A-Z]{3}\b/g;
const vehicleWord = /\b(?:reg|registration|number ?plate|plates?|car|van|drives|motor)\b/i;
/** "lives at/on/above …" with a street (or a partial postcode, in a comment with a full one) after it, in the
 *  sentence; "lives at number 7 Station Road" is a house and a street already. */
const livesAt = new RegExp(
  `\\b(?:lives?|living|stays?|staying|home is|house is)\\b[^.!?\\n]{0,60}?\\b(?:on|at|in|above|off) (?:the )?(?:${capitalised} (?:${streetTypes})\\b|[A-Z]{1,2}[0-9]{1,2}\\b)`,
  'gi',
);
/** Someone's children and the school they attend: "her kids go to St Anne's Primary". */
const school = new RegExp(
  `\\b(?:kids|children|son|daughter|daughters|sons|grandchildren|boy|girl|lad)\\b[^.!?\\n]{0,30}?\\b(?:go|goes|going|attend|attends|are|is|at)\\b[^.!?\\n]{0,12}?(?:St\\.? )?${capitalised}(?:'s|’s)? (?:Primary|School|Academy|High|Infants|Juniors|College|Prep|Grammar|Nursery)\\b`,
  'g',
);

/** Words that make an address a public place's or an organisation's, not a person's. */
const publicPlace =
  /\b(?:council|court|town hall|city hall|offices?|headquarters|hq|station|hospital|library|museum|parliament|embassy|church|cathedral|mosque|synagogue|temple|stadium|ground|theatre|cinema|shop|store|restaurant|caf[eé]|pub|hotel|venue|centre|center|gallery|surgery|clinic|branch|market|company|firm|ltd|plc|charity|school's office|university|college|opens|opening|ministry|department|police)\b/i;
/** A person's home named in the sentence: personal whatever else it names ("lives at 7 Station Road"). */
const home = /\b(?:lives|living|lived|his house|her house|their house|his home|her home|their home|home address)\b/i;
/** Whose a postcode is: a person's. */
const someones =
  /\b(?:his|her|their|my|your|lives?|living|home|house|address|flat|family|mum|dad|wife|husband|landlord)\b/i;
/** A call to go and find someone: any street named in the comment is then where to find them. */
const visit =
  /\b(?:pay (?:him|her|them) a visit|you know what to do|go and (?:see|tell|visit|find) (?:him|her|them)|pop round|knock on (?:his|her|their) door|give (?:him|her|them) a visit|go round there|wait for (?:him|her|them))\b/i;
const streetName = new RegExp(`\\b(?:The )?${capitalised} (?:${streetTypes})\\b`, 'g');
const famousAddresses = /\b(?:10 Downing Street|1600 Pennsylvania Avenue|221B Baker Street|Downing Street)\b/i;

/** The sentence around [start, end): from after the last . ! ? or line break before, to the next. */
function sentenceOf(body: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && start - from < 200 && !/[.!?\n]/.test(body[from - 1]!)) from--;
  let to = end;
  while (to < body.length && to - end < 200 && !/[!?\n]/.test(body[to]!) && !(body[to] === '.' && body[to + 1] === ' '))
    to++;
  return body.slice(from, to);
}

/** `wordCues`: the cues of the words (addressCueOf), as the term matcher collected them. */
export function findAddresses(body: string, tokens: Tokens, wordCues: number): FoundAddress[] {
  let cues = wordCues | (tokens.mixedAt?.length ? codeCues(body, tokens) : 0);
  const has = (needed: number) => (cues & needed) === needed;
  // Most comments have no combination of cues any pattern needs.
  if (
    !has(Cue.House) &&
    !(has(Cue.Lives) && cues & (Cue.Street | Cue.FullCode)) &&
    !has(Cue.Child | Cue.School) &&
    !has(Cue.Flat) &&
    !has(Cue.FullCode) &&
    !has(Cue.Street | Cue.Visit)
  )
    return [];
  if (/[0-9]/.test(body)) cues |= Cue.Number;
  const found: FoundAddress[] = [];
  const add = (start: number, end: number) => {
    if (found.some((f) => f.start < end && start < f.end)) return;
    // The address itself ("Station Road", "Market Street") says nothing about whose it is.
    const around = sentenceOf(body, start, end).replace(body.slice(start, end), ' ');
    if (famousAddresses.test(body.slice(start, end)) || (publicPlace.test(around) && !home.test(around))) return;
    found.push({ kind: 'address', start, end });
  };
  const each = (pattern: RegExp, keep: (start: number, end: number) => boolean = () => true) => {
    for (const m of body.matchAll(pattern))
      if (keep(m.index, m.index + m[0].length)) add(m.index, m.index + m[0].length);
  };
  if (has(Cue.House)) each(houseAndStreet);
  if (has(Cue.Lives) && cues & (Cue.Street | Cue.FullCode)) each(livesAt);
  if (has(Cue.Child | Cue.School)) each(school);
  if (has(Cue.Flat | Cue.Number)) each(flat);
  if (has(Cue.FullCode)) {
    // A postcode alone is as often a bus stop's or a development's: personal with a person's in its sentence.
    each(fullPostcode, (start, end) => someones.test(sentenceOf(body, start, end)));
    // A registration beside a word for a car.
    each(registration, (start, end) => vehicleWord.test(body.slice(Math.max(0, start - 40), end + 40)));
  }
  if (has(Cue.Street | Cue.Visit) && visit.test(body)) each(streetName);
  return found.sort((a, b) => a.start - b.start);
}
