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
  maxWords: number;
  maxLetters: number;
  allow: Set<string>;
  /** normalised multi-word allowlist entries ("van dyke") */
  allowPhrases: Set<string>;
  allowStarts: Set<string>;
  maxAllowWords: number;
  /** Every single word any lookup below could match: a plain word outside it needs no lookup at all. */
  known: Set<string>;
};

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
    this.compiled = { exact, collapsed, joined, phraseStarts, maxWords, maxLetters, allow, allowPhrases, allowStarts, maxAllowWords, known };
  }

  /** Every listed term found in the tokens, with its original span. Linear in the number of tokens. */
  match(tokens: readonly Token[]): TermMatch[] {
    const { exact, collapsed, joined, phraseStarts, maxWords, maxLetters, allow, allowPhrases, allowStarts, maxAllowWords, known } = this.compiled;
    const found: TermMatch[] = [];
    const covered = new Uint8Array(tokens.length); // 1 for tokens already inside a match or an allowlisted phrase

    // `whole`: the match used the token as written, symbols at its edges included ("$h!t"); otherwise the
    // span is the cores only, so "idiot!!!" points at "idiot".
    const hit = (list: string, from: number, to: number, whole = false) => {
      found.push({ list, start: whole ? tokens[from]!.start : tokens[from]!.coreStart, end: whole ? tokens[to]!.end : tokens[to]!.coreEnd });
      for (let k = from; k <= to; k++) (covered[k] = 1);
    };

    if (allowPhrases.size)
      for (let i = 0; i < tokens.length; i++) {
        if (!allowStarts.has(tokens[i]!.core)) continue;
        let phrase = tokens[i]!.core;
        for (let n = 2; n <= maxAllowWords && i + n - 1 < tokens.length; n++) {
          phrase += ` ${tokens[i + n - 1]!.core}`;
          if (allowPhrases.has(phrase)) for (let k = i; k < i + n; k++) (covered[k] = 1);
        }
      }

    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      // For a plain word the text and the core are one string: look it up once.
      const plain = token.core === token.text;
      if (plain && !known.has(token.text) && !hasStretch(token.text)) continue;
      if (isCovered(covered, i) || allow.has(token.text) || (!plain && allow.has(token.core))) continue;
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
      for (let n = 2; n <= maxWords && i + n - 1 < tokens.length && !isCovered(covered, i + n - 1); n++) {
        phrase += ` ${tokens[i + n - 1]!.core}`;
        const list = exact.get(phrase);
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
          if (isCovered(covered, i + from)) continue;
          // The longest listed word starting here ("f u c k i n g" is "fucking", not "fuck").
          let best: { list: string; to: number } | undefined;
          let word = '';
          let letters = 0;
          for (let to = from; to <= j - i && to - from < maxLetters && !isCovered(covered, i + to); to++) {
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

function isCovered(covered: Uint8Array, index: number): boolean {
  return covered[index] === 1;
}
