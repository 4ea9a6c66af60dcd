// Reported speech: a threat or an insult that the comment reports rather than makes. Court reporting and
// readers' comments on it quote threats ("the defendant told her 'I will kill you'") and name them ("he was
// convicted of threatening to kill her"); holding those for a moderator would hold most crime coverage.
//
// The line: words held as threats, name-calling or group hate are reporting when they stand inside quotation
// marks and the sentence before the opening mark has a verb or noun of saying ("told", "shouted", "posting",
// "messages saying", "the letter, which said"), or, without quotation marks, when the sentence before them
// says a court or the police dealt with them ("was convicted of threatening to kill her"), or the words are a
// name others gave someone, in the passive ("the families were called liars for years"). A quotation with
// no reporting frame ('"I will kill you"' on its own) is still held, and obscenities and slurs are judged as
// written, quoted or not: they are printed either way. Runs only on a comment that already has a match.

/** Quotation marks that open and close a quotation (compared directly: these run over up to 200 characters
 *  either side of each match). */
const isOpening = (c: number) => c === 34 || c === 39 || c === 0x2018 || c === 0x201c || c === 0xab || c === 0x201e; // " ' ‘ “ « „
const isClosing = (c: number) => c === 34 || c === 39 || c === 0x2019 || c === 0x201d || c === 0xbb; // " ' ’ ” »
/** A letter or digit (any code point above ASCII counts: accented letters, other scripts). */
const isWordCode = (code: number) =>
  (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122) || code > 127;

/** A verb or noun of saying, reading or writing in the words before a quotation. */
const saying =
  /\b(?:said|say|says|saying|told|tell|tells|telling|shout\w*|scream\w*|yell\w*|wrote|write|writes|writing|written|post\w*|tweet\w*|text\w*|messag\w*|threat\w*|call\w*|chant\w*|claim\w*|alleg\w*|heard|read|reads|reading|letter|note|banner|sign|words|remarks?|comments?|denied|denies|admitted|admits|accused|convicted|charged|repeat\w*|mutter\w*|hiss\w*|warn\w*|replied|added|used to)\b/;
/** Courts and police dealing with what follows: reporting even without quotation marks. */
const charged =
  /\b(?:convicted|charged|jailed|sentenced|accused|arrested|cautioned|acquitted|admitted|denied|denies|pleaded|court heard|jury heard|threatening to|threatened to|guilty of)\b/;

/** A name someone else gave them, reported in the passive ("the families were called liars", "she was branded
 *  a traitor"): the words just before the match. */
const calledBy =
  /\b(?:was|were|been|being|is|are|get|gets|got|getting)\s+(?:(?:repeatedly|publicly|wrongly|falsely|unfairly|often|routinely|even)\s+)?(?:called|branded|labelled|labeled|dismissed as|denounced as|smeared as|painted as|portrayed as|treated as|written off as|described as)\s+(?:an?\s+|the\s+)?$/;

/** The start of the sentence that holds `at` (after the last . ! ? or line break before it), at most 200 back. */
function sentenceStart(body: string, at: number): number {
  const floor = Math.max(0, at - 200);
  for (let k = at - 1; k >= floor; k--) {
    const c = body.charCodeAt(k);
    if ((c === 46 || c === 33 || c === 63) && (k + 1 >= body.length || body.charCodeAt(k + 1) === 32)) return k + 1;
    if (c === 10) return k + 1;
  }
  return floor;
}

/** Where the quotation around [start, end) opens, or -1 when the span is not quoted. */
function quotationOpening(body: string, start: number, end: number): number {
  let open = -1;
  for (let k = start - 1; k >= 0 && start - k <= 200; k--) {
    const c = body.charCodeAt(k);
    if (c === 10) return -1;
    if (isOpening(c) && !(k > 0 && isWordCode(body.charCodeAt(k - 1))) && isWordCode(body.charCodeAt(k + 1))) {
      open = k;
      break;
    }
  }
  if (open < 0) return -1;
  for (let k = end; k < body.length && k - end <= 200; k++) {
    const c = body.charCodeAt(k);
    if (c === 10) return -1;
    if (isClosing(c) && !(k + 1 < body.length && isWordCode(body.charCodeAt(k + 1)))) return open;
  }
  return -1;
}

/**
 * For one body, whether the words at [start, end) are reported speech (see the top of this module). The body
 * is lower-cased once, and the court-and-police words looked for in the whole body at most once, however many
 * matches it has.
 */
export function reportedIn(body: string): (start: number, end: number) => boolean {
  let lower: string | undefined;
  let mayBeCharged: boolean | undefined;
  let sentencesRead = 0;
  return (start, end) => {
    lower ??= body.toLowerCase();
    const open = quotationOpening(body, start, end);
    if (open >= 0) return saying.test(lower.slice(sentenceStart(body, open), open));
    if (calledBy.test(lower.slice(Math.max(0, start - 60), start))) return true;
    // The sentence before the match first (at most 200 characters); the whole body once, when a sentence has
    // the words or after a few sentences without them, so a body with thousands of matches reads it once.
    if (mayBeCharged === false) return false;
    if (!charged.test(lower.slice(sentenceStart(body, start), start))) {
      if (++sentencesRead >= 3) mayBeCharged ??= charged.test(lower);
      return false;
    }
    return (mayBeCharged ??= charged.test(lower));
  };
}
