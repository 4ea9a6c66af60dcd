// Whole-word matching of term lists against tokens: Set lookups, so the cost does not grow with the
// number of terms. Terms match whole tokens or whole runs of tokens, never parts of a word, which is
// what keeps "Scunthorpe", "class" and "assassin" clean.
import { collapseRepeats, hasStretch, normalizeTerm, type Token } from './normalize';

export type TermMatch = { list: string; start: number; end: number };

type Compiled = {
  /** normalised term → list name */
  exact: Map<string, string>;
  /** collapsed single-word term → list name, for deliberately stretched words ("idiiiot") */
  collapsed: Map<string, string>;
  /** multi-word term with its spaces removed → list name, for phrases spelled out letter by letter ("k i l l y o u") */
  joined: Map<string, string>;
  /** first words of multi-word terms: only tokens in here can start a phrase */
  phraseStarts: Set<string>;
  /**
   * Every run of two or more words that begins a multi-word term, joined by spaces: the list name when the
   * run is a whole term, null when only a longer term begins with it. A run missing here can only grow into
   * runs that are missing too, so the phrase scan stops at the first one.
   */
  phrasePrefixes: Map<string, string | null>;
  maxWords: number;
  maxLetters: number;
  allow: Set<string>;
  /** normalised multi-word allowlist entries ("van dyke") */
  allowPhrases: Set<string>;
  allowStarts: Set<string>;
  maxAllowWords: number;
  /** Every single word any lookup below could match: a plain word outside it needs no lookup at all. */
  known: Set<string>;
  /** `known` in brief (see shapeOf): a word whose shape is not marked here is not in `known`, which answers
   *  most words without hashing them. */
  knownShapes: Uint8Array;
};

/** A word's length (up to 31) with the low five bits of its first and last UTF-16 code units, as an index
 *  into a table of 32,768 entries. */
function shapeOf(word: string): number {
  const length = word.length;
  if (length === 0) return 0;
  return ((length < 31 ? length : 31) << 10) | ((word.charCodeAt(0) & 31) << 5) | (word.charCodeAt(length - 1) & 31);
}

export class TermMatcher {
  private readonly compiled: Compiled;

  /** `lists`: list name → terms. A term in several lists counts for the first one given. */
  constructor(lists: Record<string, readonly string[]>, allowlist: readonly string[]) {
    const exact = new Map<string, string>();
    const collapsed = new Map<string, string>();
    const joined = new Map<string, string>();
    const phraseStarts = new Set<string>();
    let maxWords = 1;
    let maxLetters = 0;
    for (const [list, terms] of Object.entries(lists)) {
      for (const term of terms) {
        const normal = normalizeTerm(term);
        if (!normal || exact.has(normal)) continue;
        exact.set(normal, list);
        const words = normal.split(' ');
        maxWords = Math.max(maxWords, words.length);
        maxLetters = Math.max(maxLetters, normal.replace(/ /g, '').length);
        // Stretch matching only for words long enough that collapsing cannot create an innocent word.
        if (words.length === 1 && normal.length >= 4 && !collapsed.has(collapseRepeats(normal))) collapsed.set(collapseRepeats(normal), list);
        if (words.length > 1) {
          phraseStarts.add(words[0]!);
          if (!joined.has(words.join(''))) joined.set(words.join(''), list);
        }
      }
    }
    // Allowlist entries of one word exempt that token; entries of several words exempt the whole run
    // ("Van Dyke", "Offa's Dyke"), which a single-token lookup could never match.
    const allow = new Set<string>();
    const allowPhrases = new Set<string>();
    const allowStarts = new Set<string>();
    let maxAllowWords = 1;
    for (const entry of allowlist) {
      const normal = normalizeTerm(entry);
      if (!normal) continue;
      const words = normal.split(' ').length;
      if (words === 1) allow.add(normal);
      else {
        allowPhrases.add(normal);
        allowStarts.add(normal.split(' ')[0]!);
        maxAllowWords = Math.max(maxAllowWords, words);
      }
    }
    const known = new Set<string>([...phraseStarts, ...allow, ...allowStarts]);
    for (const key of exact.keys()) if (!key.includes(' ')) known.add(key);
    const phrasePrefixes = new Map<string, string | null>();
    for (const [key, list] of exact) if (key.includes(' ')) phrasePrefixes.set(key, list);
    for (const key of exact.keys()) {
      const words = key.split(' ');
      for (let n = 2; n < words.length; n++) {
        const prefix = words.slice(0, n).join(' ');
        if (!phrasePrefixes.has(prefix)) phrasePrefixes.set(prefix, null);
      }
    }
    const knownShapes = new Uint8Array(1 << 15);
    for (const word of known) knownShapes[shapeOf(word)] = 1;
    this.compiled = { exact, collapsed, joined, phraseStarts, phrasePrefixes, maxWords, maxLetters, allow, allowPhrases, allowStarts, maxAllowWords, known, knownShapes };
  }

  /** Every listed term found in the tokens, with its original span. Linear in the number of tokens. */
  match(tokens: readonly Token[]): TermMatch[] {
    const { exact, collapsed, joined, phraseStarts, phrasePrefixes, maxWords, maxLetters, allow, allowPhrases, allowStarts, maxAllowWords, known, knownShapes } = this.compiled;
    const found: TermMatch[] = [];
    // Per token: Covered when it is already inside a match or an allowlisted phrase; Known when its core is
    // a word some lookup below could use (`known`: one Set lookup per token, shared by the allowlist-phrase
    // pass and the main pass; every allowlist phrase start is in `known`).
    const flags = tokenFlags(tokens.length);

    // `whole`: the match used the token as written, symbols at its edges included ("$h!t"); otherwise the
    // span is the cores only, so "idiot!!!" points at "idiot".
    const hit = (list: string, from: number, to: number, whole = false) => {
      found.push({ list, start: whole ? tokens[from]!.start : tokens[from]!.coreStart, end: whole ? tokens[to]!.end : tokens[to]!.coreEnd });
      for (let k = from; k <= to; k++) flags[k]! |= Covered;
    };

    const scanAllowPhrases = allowPhrases.size > 0;
    for (let i = 0; i < tokens.length; i++) {
      const core = tokens[i]!.core;
      if (knownShapes[shapeOf(core)] === 0 || !known.has(core)) continue;
      flags[i]! |= Known;
      if (scanAllowPhrases) {
        if (!allowStarts.has(core)) continue;
        let phrase = core;
        for (let n = 2; n <= maxAllowWords && i + n - 1 < tokens.length; n++) {
          phrase += ` ${tokens[i + n - 1]!.core}`;
          if (allowPhrases.has(phrase)) for (let k = i; k < i + n; k++) flags[k]! |= Covered;
        }
      }
    }

    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      // For a plain word the text and the core are one string: look it up once.
      const plain = token.core === token.text;
      if (plain && (flags[i]! & Known) === 0 && !hasStretch(token.text)) continue;
      if (isCovered(flags, i) || allow.has(token.text) || (!plain && allow.has(token.core))) continue;
      // One word, as written or without symbols at its edges, or deliberately stretched.
      const asWritten = exact.get(token.text);
      if (asWritten) {
        hit(asWritten, i, i, true);
        continue;
      }
      const single = (plain ? undefined : exact.get(token.core)) ?? (hasStretch(token.core) ? collapsed.get(collapseRepeats(token.core)) : undefined);
      if (single) {
        hit(single, i, i);
        continue;
      }
      // Phrases: the next few tokens joined by spaces.
      if (!phraseStarts.has(token.core)) continue;
      let phrase = token.core;
      for (let n = 2; n <= maxWords && i + n - 1 < tokens.length && !isCovered(flags, i + n - 1); n++) {
        phrase += ` ${tokens[i + n - 1]!.core}`;
        const list = phrasePrefixes.get(phrase);
        if (list === undefined) break; // no listed phrase begins with these words
        if (list) {
          hit(list, i, i + n - 1);
          break;
        }
      }
    }

    // Letters spelled out one by one ("i d i o t", "i.d.i.o.t", "i d 1 o t", "k i l l y o u"): join runs of
    // one-character tokens and look for a listed word or phrase that spans whole tokens of the run. Digits
    // and symbols count as the letters they imitate, but a match needs at least one real letter, so a run
    // of numbers ("5 1 7") is never read as a word.
    for (let i = 0; i < tokens.length; ) {
      if (!tokens[i]!.spelled) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < tokens.length && tokens[j + 1]!.spelled && tokens[j + 1]!.start - tokens[j]!.end <= 3) j++;
      if (j - i + 1 >= 3) {
        for (let from = 0; from <= j - i; from++) {
          if (isCovered(flags, i + from)) continue;
          // The longest listed word starting here ("f u c k i n g" is "fucking", not "fuck").
          let best: { list: string; to: number } | undefined;
          let word = '';
          let letters = 0;
          for (let to = from; to <= j - i && to - from < maxLetters && !isCovered(flags, i + to); to++) {
            const token = tokens[i + to]!;
            word += token.spelled;
            if (token.hasLetter) letters++;
            if (word.length < 3 || letters === 0) continue;
            const list = exact.get(word) ?? joined.get(word) ?? (hasStretch(word) ? collapsed.get(collapseRepeats(word)) : undefined);
            if (list) best = { list, to };
          }
          if (best) {
            hit(best.list, i + from, i + best.to);
            from = best.to;
          }
        }
      }
      i = j + 1;
    }
    return found;
  }
}

const Covered = 1;
const Known = 2;

/** One scratch array of per-token flags, reused across calls (a new typed array per comment costs more
 *  than clearing this one); very long comments get their own. */
let flagsScratch = new Uint8Array(1024);

function tokenFlags(count: number): Uint8Array {
  if (count > 1 << 16) return new Uint8Array(count);
  if (flagsScratch.length < count) flagsScratch = new Uint8Array(Math.max(count, flagsScratch.length * 2));
  flagsScratch.fill(0, 0, count);
  return flagsScratch;
}

function isCovered(flags: Uint8Array, index: number): boolean {
  return (flags[index]! & Covered) !== 0;
}
