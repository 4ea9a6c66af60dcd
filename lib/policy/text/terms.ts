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
  maxWords: number;
  maxLetters: number;
  allow: Set<string>;
};

export class TermMatcher {
  private readonly compiled: Compiled;

  /** `lists`: list name → terms. A term in several lists counts for the first one given. */
  constructor(lists: Record<string, readonly string[]>, allowlist: readonly string[]) {
    const exact = new Map<string, string>();
    const collapsed = new Map<string, string>();
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
      }
    }
    this.compiled = { exact, collapsed, maxWords, maxLetters, allow: new Set(allowlist.map(normalizeTerm)) };
  }

  /** Every listed term found in the tokens, with its original span. Linear in the number of tokens. */
  match(tokens: readonly Token[]): TermMatch[] {
    const { exact, collapsed, maxWords, maxLetters, allow } = this.compiled;
    const found: TermMatch[] = [];
    const covered = new Set<number>(); // token indexes already inside a match

    const hit = (list: string, from: number, to: number) => {
      found.push({ list, start: tokens[from]!.start, end: tokens[to]!.end });
      for (let k = from; k <= to; k++) covered.add(k);
    };

    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (allow.has(token.text) || allow.has(token.core)) continue;
      // One word, as written or without symbols at its edges, or deliberately stretched.
      const single = exact.get(token.text) ?? exact.get(token.core) ?? (hasStretch(token.core) ? collapsed.get(collapseRepeats(token.core)) : undefined);
      if (single) {
        hit(single, i, i);
        continue;
      }
      // Phrases: the next few tokens joined by spaces.
      let phrase = token.core;
      for (let n = 2; n <= maxWords && i + n - 1 < tokens.length; n++) {
        phrase += ` ${tokens[i + n - 1]!.core}`;
        const list = exact.get(phrase);
        if (list) {
          hit(list, i, i + n - 1);
          break;
        }
      }
    }

    // Letters spelled out one by one ("i d i o t", "i.d.i.o.t"): join runs of one-character tokens and
    // look for a listed word that spans whole tokens of the run.
    for (let i = 0; i < tokens.length; ) {
      if (tokens[i]!.core.length !== 1) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < tokens.length && tokens[j + 1]!.core.length === 1 && tokens[j + 1]!.start - tokens[j]!.end <= 3) j++;
      if (j - i + 1 >= 3) {
        const letters = tokens.slice(i, j + 1).map((t) => t.core);
        for (let from = 0; from < letters.length; from++) {
          if (covered.has(i + from)) continue;
          // The longest listed word starting here ("f u c k i n g" is "fucking", not "fuck").
          let best: { list: string; to: number } | undefined;
          let word = '';
          for (let to = from; to < letters.length && to - from < maxLetters; to++) {
            word += letters[to];
            if (word.length < 3) continue;
            const list = exact.get(word) ?? (hasStretch(word) ? collapsed.get(collapseRepeats(word)) : undefined);
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
