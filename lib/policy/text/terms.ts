// Over 250 lines on purpose: TermMatcher is one class whose lookups share the tables its constructor compiles.
// Whole-word matching of term lists against tokens. Terms match whole tokens or whole runs of tokens,
// never arbitrary parts of a word, which is what keeps "Scunthorpe", "class" and "assassin" clean. Plain
// words are answered by Set lookups (the cost does not grow with the number of terms); disguised words
// are walked through a trie (linear in the word, for any term length).
//
// A match is `sure` when the text spells the term (as written, through look-alikes, leetspeak, wildcards,
// stretched letters, separators or spelled out letter by letter) and the term has no innocent sense. It is
// not sure when the term is on the ambiguous list, or when only a loose reading finds it: a phonetic or
// typo spelling (phuck, fcuk), the word reversed, or a word glued into a hashtag. The rules reject sure
// matches of banned and hate terms and hold the rest.
import { collapseRepeats, hasStretch, IL, normalizeTerm, WILD, type Token } from './normalize';
import { addressCueOf, addressCueShapes } from './addresses';
import { impersonalBefore, ThreatGrammar } from './threats';
import { Trie } from './trie';
import { shape2Of, shapeOf, WordTrie } from './word-trie';
import {
  heads,
  looseReadings,
  notStrongCompounds,
  ordinaryForeignWords,
  strictOnlyTails,
  strongPrefixes,
  strongSuffixes,
  tails,
} from './word-forms';

export type TermMatch = { list: string; start: number; end: number; sure: boolean };
/** An allowlist entry that exempted text, with where (for the dry run). */
export type AllowHit = { entry: string; start: number; end: number };
/** `addressCues`: the address cue words in the tokens (addresses.ts), collected on the same pass. */
export type MatchResult = { matches: TermMatch[]; allowed: AllowHit[]; addressCues: number };

/** Lists whose terms may be rejected outright; loose readings are built from these (compounds from any list but threats). */
const strictLists = new Set(['hate', 'banned']);

type Compiled = {
  /** normalised term → list name */
  exact: Map<string, string>;
  /** loose readings of strict terms (phonetic, typo, reversed) → list name */
  loose: Map<string, string>;
  /** multi-word term with its spaces removed → list name ("k i l l y o u") */
  joined: Map<string, string>;
  /** normalised terms with an innocent sense: matched, but never sure */
  ambiguous: Set<string>;
  /** every key a disguised word may be read as: terms, loose readings, phrase words, joined phrases */
  vocabulary: Trie;
  phraseStarts: Set<string>;
  /** Multi-word terms as a trie of words: one Map lookup per word, whatever the phrase's length. */
  phrases: WordTrie;
  allow: Map<string, string>;
  /** multi-word allowlist entries ("dyke road"), as a trie of words ending in the entry as written */
  allowPhrases: WordTrie;
  allowStarts: Set<string>;
  /** single-word terms (not threats) of ≥ 4 letters without an innocent sense: the roots of compounds */
  roots: Map<string, string>;
  /** the roots as a character trie, and reversed: a word is walked once from each end to find the roots it
   *  begins or ends with (no slice per possible cut) */
  rootTrie: Trie;
  rootTrieReversed: Trie;
  /** first and last four letters of the roots, hashed (see quad): a word matching neither is no compound */
  rootHeads: Uint8Array;
  rootTails: Uint8Array;
  minRoot: number;
  /** Every single word a lookup below could match: a plain word outside it needs no lookup at all. */
  known: Set<string>;
  knownShapes: Uint8Array;
  knownShapes2: Uint8Array;
  /** First two letters of every vocabulary key: a split word can only start with one of these pairs. */
  vocabularyPairs: Uint8Array;
  /** The first four letters of every single-word key, hashed (headOf): a split word must begin like one. */
  vocabularyHeads: Uint8Array;
  /** Beginnings (4+ letters) of obscenities and slurs of 7+ letters, and their shapes: the only longer words
   *  that may start a word split by one space. */
  splitHeads: Set<string>;
  splitHeadShapes: Uint8Array;
  splitHeadShapes2: Uint8Array;
  /** Threats beyond the listed phrases (threats.ts), when a threat list is given. */
  threats: ThreatGrammar | undefined;
};

/** Four characters from `at`, hashed into 16 bits. */
function quad(word: string, at: number): number {
  return (
    ((word.charCodeAt(at) & 31) << 11) ^
    ((word.charCodeAt(at + 1) & 31) << 7) ^
    ((word.charCodeAt(at + 2) & 31) << 3) ^
    (word.charCodeAt(at + 3) & 63)
  );
}

export class TermMatcher {
  private readonly compiled: Compiled;

  /** `lists`: list name → terms. A term in several lists counts for the first one given. */
  constructor(
    lists: Record<string, readonly string[]>,
    allowlist: readonly string[],
    ambiguousTerms: readonly string[] = [],
  ) {
    const exact = new Map<string, string>();
    const loose = new Map<string, string>();
    const joined = new Map<string, string>();
    const ambiguous = new Set(ambiguousTerms.map(normalizeTerm).filter(Boolean));
    const vocabulary = new Trie();
    const phraseStarts = new Set<string>();
    const roots = new Map<string, string>();
    for (const [list, terms] of Object.entries(lists)) {
      for (const term of terms) {
        const normal = normalizeTerm(term).replaceAll(WILD, '').replaceAll(IL, 'i');
        if (!normal || exact.has(normal)) continue;
        exact.set(normal, list);
        const words = normal.split(' ');
        if (words.length === 1) {
          vocabulary.add(normal);
          if (list !== 'threat' && normal.length >= 4 && !ambiguous.has(normal) && /^[a-z]+$/.test(normal))
            roots.set(normal, list);
        } else {
          phraseStarts.add(words[0]!);
          for (const word of words) if (word.length >= 3) vocabulary.add(word);
          if (!joined.has(words.join(''))) joined.set(words.join(''), list);
          vocabulary.add(words.join(''));
        }
      }
    }
    // Allowlist entries of one word exempt that token; entries of several words exempt the whole run
    // ("Dyke Road", "Fucking, Austria"), which a single-token lookup could never match.
    const allow = new Map<string, string>();
    const allowPhrases = new WordTrie();
    const allowStarts = new Set<string>();
    for (const entry of allowlist) {
      const normal = normalizeTerm(entry);
      if (!normal) continue;
      const words = normal.split(' ');
      if (words.length === 1) allow.set(normal, entry);
      else {
        allowPhrases.add(words, entry);
        allowStarts.add(words[0]!);
      }
    }
    for (const [root, list] of roots)
      if (strictLists.has(list))
        for (const reading of looseReadings(root))
          if (reading.length >= 3 && !exact.has(reading) && !allow.has(reading) && !loose.has(reading)) {
            loose.set(reading, list);
            vocabulary.add(reading);
          }
    // The threat grammar's words join the vocabulary, so a disguised one ("sh00t", "k y s") reads as it.
    const threats = 'threat' in lists ? new ThreatGrammar() : undefined;
    if (threats) for (const word of threats.words) if (!exact.has(word)) vocabulary.add(word);
    vocabulary.link();
    const known = new Set<string>([...phraseStarts, ...allow.keys(), ...allowStarts, ...loose.keys()]);
    for (const key of exact.keys()) if (!key.includes(' ')) known.add(key);
    for (const key of joined.keys()) known.add(key);
    const phrases = new WordTrie();
    for (const [key, list] of exact) if (key.includes(' ')) phrases.add(key.split(' '), list);
    const knownShapes = new Uint8Array(1 << 15);
    const knownShapes2 = new Uint8Array(1 << 15);
    for (const word of known) {
      knownShapes[shapeOf(word)] = 1;
      knownShapes2[shape2Of(word)] = 1;
    }
    const vocabularyPairs = new Uint8Array(1 << 10);
    const vocabularyHeads = new Uint8Array(1 << 16);
    for (const key of [...exact.keys(), ...loose.keys()]) {
      if (key.includes(' ') || key.length < 2) continue;
      vocabularyPairs[pairOf(key.charCodeAt(0), key.charCodeAt(1))] = 1;
      if (key.length >= 4) vocabularyHeads[headOf(key, '')] = 1;
    }
    const splitHeads = new Set<string>();
    for (const [key, list] of exact)
      if (strictLists.has(list) && key.length >= 7 && !key.includes(' '))
        for (let cut = 4; cut < key.length; cut++) splitHeads.add(key.slice(0, cut));
    const splitHeadShapes = new Uint8Array(1 << 15);
    const splitHeadShapes2 = new Uint8Array(1 << 15);
    for (const head of splitHeads) {
      splitHeadShapes[shapeOf(head)] = 1;
      splitHeadShapes2[shape2Of(head)] = 1;
    }
    const rootTrie = new Trie();
    const rootTrieReversed = new Trie();
    const rootHeads = new Uint8Array(1 << 16);
    const rootTails = new Uint8Array(1 << 16);
    let minRoot = 99;
    // The strong roots (word-forms.ts) pass the same first and last four letters check.
    for (const root of strongPrefixes) if (exact.get(root) === 'banned') rootHeads[quad(root, 0)] = 1;
    for (const root of strongSuffixes) if (exact.get(root) === 'banned') rootTails[quad(root, 0)] = 1;
    for (const root of roots.keys()) {
      rootTrie.add(root);
      rootHeads[quad(root, 0)] = 1;
      rootTails[quad(root, root.length - 4)] = 1;
      rootTrieReversed.add([...root].reverse().join(''));
      minRoot = Math.min(minRoot, root.length);
    }
    this.compiled = {
      exact,
      loose,
      joined,
      ambiguous,
      vocabulary,
      phraseStarts,
      phrases,
      allow,
      allowPhrases,
      allowStarts,
      roots,
      rootTrie,
      rootTrieReversed,
      rootHeads,
      rootTails,
      minRoot,
      known,
      knownShapes,
      knownShapes2,
      vocabularyPairs,
      vocabularyHeads,
      splitHeads,
      splitHeadShapes,
      splitHeadShapes2,
      threats,
    };
  }

  /** Every listed term found in the tokens, with its original span. Linear in the number of tokens. */
  match(input: readonly Token[], body: string): MatchResult {
    const {
      exact,
      loose,
      joined,
      ambiguous,
      phraseStarts,
      phrases,
      allow,
      allowPhrases,
      allowStarts,
      known,
      knownShapes,
      knownShapes2,
      minRoot,
    } = this.compiled;
    const tokens = this.merge(input, body);
    const found: TermMatch[] = [];
    const allowed: AllowHit[] = [];
    let addressCues = 0;
    const flags = tokenFlags(tokens.length);
    // Each token's shape, worked out once for the lookups here and the threat patterns'.
    const shapes = tokenShapes(tokens.length);

    // `whole`: the match used the token as written, symbols at its edges included ("$h!t"); otherwise the
    // span is the cores only, so "idiot!!!" points at "idiot".
    const hit = (list: string, key: string, sure: boolean, from: number, to: number, whole = false) => {
      found.push({
        list,
        start: whole ? tokens[from]!.start : tokens[from]!.coreStart,
        end: whole ? tokens[to]!.end : tokens[to]!.coreEnd,
        sure: sure && !ambiguous.has(key),
      });
      for (let k = from; k <= to; k++) flags[k]! |= Covered;
    };

    for (let i = 0; i < tokens.length; i++) {
      const core = tokens[i]!.core;
      const shape = shapeOf(core);
      shapes[i] = shape;
      if (addressCueShapes[shape] === 1) addressCues |= addressCueOf(tokens[i]!, body);
      if (knownShapes[shape] === 0 || knownShapes2[shape2Of(core)] === 0 || !known.has(core)) continue;
      flags[i]! |= Known;
      if (allowStarts.has(core)) {
        let node = 0;
        for (let k = i; k < tokens.length; k++) {
          node = allowPhrases.step(node, tokens[k]!.core);
          if (node < 0) break;
          const entry = allowPhrases.value[node];
          if (entry !== undefined) {
            for (let c = i; c <= k; c++) flags[c]! |= Covered;
            allowed.push({ entry, start: tokens[i]!.coreStart, end: tokens[k]!.coreEnd });
          }
        }
      }
    }

    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      // For a plain word the text and the core are one string: look it up once.
      const plain = token.core === token.text;
      if (isCovered(flags, i)) continue;
      if ((flags[i]! & Known) === 0) {
        const asWritten = plain ? undefined : exact.get(token.text);
        if (asWritten) {
          hit(asWritten, token.text, true, i, i, true);
          continue;
        }
        // Every letter doubled ("ffuucckk"): the word at half length.
        const halved = token.core.length >= 6 ? undoubled(token.core) : undefined;
        const listed = halved === undefined ? undefined : (exact.get(halved) ?? loose.get(halved));
        if (listed) {
          hit(listed, halved!, exact.has(halved!), i, i);
          continue;
        }
        // Not a listed word: perhaps one glued to a word part ("shitshow", "#idiotpolitician").
        if (token.core.length < minRoot + 2) continue;
        const compound = this.compound(token, body);
        if (compound) hit(compound.list, compound.root, compound.sure, i, i);
        continue;
      }
      const entry = allow.get(token.text) ?? (plain ? undefined : allow.get(token.core));
      if (entry !== undefined) {
        allowed.push({ entry, start: token.coreStart, end: token.coreEnd });
        continue;
      }
      // One word, as written or without symbols at its edges.
      const asWritten = exact.get(token.text) ?? joined.get(token.text);
      if (asWritten) {
        hit(asWritten, token.text, (token as { loose?: boolean }).loose !== true, i, i, true);
        continue;
      }
      const single = plain ? undefined : (exact.get(token.core) ?? joined.get(token.core));
      if (single) {
        hit(single, token.core, true, i, i);
        continue;
      }
      const roughly = loose.get(token.core);
      if (roughly) {
        // An ordinary word of the language the comment is written in ("Ik vind dat je het zelf kunt").
        const language = ordinaryForeignWords.get(token.core);
        if (language === undefined || !writtenIn(tokens, language)) hit(roughly, token.core, false, i, i);
        continue;
      }
      // Phrases: the next tokens, word by word through the phrase trie; it stops as soon as no listed
      // phrase begins with the words so far.
      if (!phraseStarts.has(token.core)) continue;
      let node = phrases.step(0, token.core);
      for (let k = i + 1; node >= 0 && k < tokens.length && !isCovered(flags, k); k++) {
        node = phrases.step(node, tokens[k]!.core);
        if (node < 0) break;
        const list = phrases.value[node];
        if (list !== undefined) {
          // "the pit would kill him": a listed threat whose subject is no person is not one.
          if (!(list === 'threat' && impersonalBefore(tokens, i))) hit(list, '', true, i, k);
          break;
        }
      }
    }
    // Threats the grammar finds, unless a listed threat phrase already covers them.
    if (this.compiled.threats)
      for (const [from, to, list] of this.compiled.threats.find(tokens, shapes, body)) {
        const start = tokens[from]!.coreStart;
        const end = tokens[to]!.coreEnd;
        // Nor inside a listed obscenity or slur, which says it already ("Scumbag." is not name-calling too).
        if (
          !found.some(
            (m) =>
              ((m.list === 'threat' || m.list === list) && m.start < end && start < m.end) ||
              ((m.list === 'banned' || m.list === 'hate') && m.start <= start && end <= m.end),
          )
        )
          hit(list, '', true, from, to);
      }
    return { matches: found, allowed, addressCues };
  }

  /** A word made of a listed root and a known word part, or (in a hashtag or CamelCase) any word. */
  private compound(token: Token, body: string): { list: string; root: string; sure: boolean } | undefined {
    // "5h1tbag": a 1 or | in a compound is read as i.
    // (Only a disguised token has the marker: the tokenizer marks every word with one disguised.)
    const word = !token.disguised || token.core.indexOf(IL) === -1 ? token.core : token.core.replaceAll(IL, 'i');
    return this.compoundOf(word, token, body) ?? (token.disguised ? this.maskedCompound(word, token, body) : undefined);
  }

  /** A compound whose root is masked ("c*ntbrain", "sh$tshow"): each candidate root read through the trie. */
  private maskedCompound(
    word: string,
    token: Token,
    body: string,
  ): { list: string; root: string; sure: boolean } | undefined {
    const { roots, exact, minRoot } = this.compiled;
    let masked = word;
    if (word.indexOf(WILD) === -1) {
      const raw = body.slice(token.coreStart, token.coreEnd);
      if (raw.length !== word.length) return undefined;
      const mask = leetMask(raw, word);
      if (mask === undefined) return undefined;
      masked = mask;
    }
    if (masked.length > 40) return undefined;
    for (let cut = masked.length - 2; cut >= minRoot; cut--) {
      const rest = masked.slice(cut);
      if (rest.indexOf(WILD) !== -1 || !(exact.has(rest) || tails.has(rest))) continue;
      const root = this.read(masked.slice(0, cut));
      const list = root === undefined ? undefined : roots.get(root);
      if (list) return { list, root: root!, sure: true };
    }
    return undefined;
  }

  private compoundOf(
    word: string,
    token: Token,
    body: string,
  ): { list: string; root: string; sure: boolean } | undefined {
    const { roots, rootTrie, rootTrieReversed, rootHeads, rootTails, minRoot, exact } = this.compiled;
    const length = word.length;
    if (length < minRoot + 2 || length > 40) return undefined;
    // Where a root could end (a prefix) or begin (a suffix), from one walk of each trie; most words stop
    // after a letter or two.
    // Most words begin and end like no root (the first and last four letters, hashed): no walk at all.
    const prefix = rootHeads[quad(word, 0)] === 1;
    const suffix = rootTails[quad(word, length - 4)] === 1;
    if (!prefix && !suffix) return undefined;
    const prefixCuts: number[] = [];
    for (let k = 0, node = 0; prefix && k < length - 2; k++) {
      node = rootTrie.step(node, word.charCodeAt(k));
      if (node < 0) break;
      if (k >= 3 && rootTrie.word[node] !== undefined) prefixCuts.push(k + 1);
    }
    const suffixCuts: number[] = [];
    for (let k = length - 1, node = 0; suffix && k >= 2; k--) {
      node = rootTrieReversed.step(node, word.charCodeAt(k));
      if (node < 0) break;
      if (length - k >= 4 && rootTrieReversed.word[node] !== undefined) suffixCuts.push(k);
    }
    if (prefixCuts.length === 0 && suffixCuts.length === 0)
      return this.strongCompound(word, prefix, suffix, token, body);
    const tagged =
      body.charCodeAt(token.start) === 35 /* # */ || /[a-z][A-Z]/.test(body.slice(token.coreStart, token.coreEnd));
    // Longest root first.
    for (let m = prefixCuts.length - 1; m >= 0; m--) {
      const cut = prefixCuts[m]!;
      const root = word.slice(0, cut);
      const list = roots.get(root);
      if (!list) continue;
      const rest = word.slice(cut);
      if (exact.has(rest) || (tails.has(rest) && (strictLists.has(list) || !strictOnlyTails.has(rest))))
        return { list, root, sure: true };
      if (tagged && rest.length >= 3) return { list, root, sure: false };
    }
    for (let m = suffixCuts.length - 1; m >= 0; m--) {
      const cut = suffixCuts[m]!;
      const root = word.slice(cut);
      const list = roots.get(root);
      if (!list) continue;
      const rest = word.slice(0, cut);
      if (exact.has(rest) || heads.has(rest)) return { list, root, sure: true };
      if (tagged && rest.length >= 3) return { list, root, sure: false };
    }
    return this.strongCompound(word, prefix, suffix, token, body);
  }

  /** A strong root glued to any word ("shitgibbon", "thundercunt"; word-forms.ts): held, never sure. A
   *  capitalised word inside a sentence is a name (Wankdorf, Cocksedge), not a compound. */
  private strongCompound(
    word: string,
    prefix: boolean,
    suffix: boolean,
    token: Token,
    body: string,
  ): { list: string; root: string; sure: boolean } | undefined {
    if ((!prefix && !suffix) || notStrongCompounds.has(word) || !isLetters(word)) return undefined;
    if (isNameCapital(body, token.coreStart)) return undefined;
    const { exact } = this.compiled;
    if (prefix && word.length >= 8) {
      const root = word.slice(0, 4);
      if (strongPrefixes.includes(root) && exact.get(root) === 'banned') return { list: 'banned', root, sure: false };
    }
    if (suffix && word.length >= 7) {
      const root = word.slice(-4);
      if (strongSuffixes.includes(root) && exact.get(root) === 'banned') return { list: 'banned', root, sure: false };
    }
    return undefined;
  }

  /**
   * Joins what a reader reads as one word: letters spelled out one by one ("i d i o t", "k.i.l.l"), a word
   * split by separators or a line break ("fu ck", "idi-ot"), and a disguised word read through the trie
   * ("f*ck", "1d10t", "fuuuck"). A merged token carries the key it was read as, and the span of its pieces.
   */
  private merge(tokens: readonly Token[], body: string): readonly Token[] {
    const {
      vocabulary,
      exact,
      loose,
      vocabularyPairs,
      vocabularyHeads,
      splitHeads,
      splitHeadShapes,
      splitHeadShapes2,
    } = this.compiled;
    const isTerm = (key: string | undefined) =>
      key !== undefined && (exact.has(key) || loose.has(key) || this.compiled.joined.has(key));
    // Most comments need no merge: the input is returned as it is, and copied only at the first change.
    let out: Token[] | null = null;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.spelled && i + 1 < tokens.length && tokens[i + 1]!.spelled && tokens[i + 1]!.start - token.end <= 8) {
        // Letters spelled out one by one: the whole run is read once (Aho–Corasick), then the longest
        // vocabulary word (≥ 3 letters, at least one a real letter) is taken from left to right.
        let j = i + 1;
        while (j + 1 < tokens.length && tokens[j + 1]!.spelled && tokens[j + 1]!.start - tokens[j]!.end <= 8) j++;
        if (j - i < 2) {
          // Two characters ("e.g.", "U.S.", "4.5%", the commonest runs in real comments) spell no key of three.
          if (out) out.push(token, tokens[j]!);
          i = j;
          continue;
        }
        const codes: number[] = [];
        const letters: number[] = [0]; // real letters before each position
        for (let k = i; k <= j; k++) {
          codes.push(tokens[k]!.spelled.charCodeAt(0));
          letters.push(letters[letters.length - 1]! + (tokens[k]!.hasLetter ? 1 : 0));
        }
        const endingAt = vocabulary.scan(codes);
        // longest key starting at each position
        const startingAt = new Array<string | undefined>(codes.length);
        for (let e = 0; e < codes.length; e++) {
          const key = endingAt[e];
          if (key === undefined || key.length < 3) continue;
          const from = e - key.length + 1;
          if (letters[e + 1]! - letters[from]! === 0) continue;
          if (startingAt[from] === undefined || startingAt[from]!.length < key.length) startingAt[from] = key;
        }
        for (let k = 0; k < codes.length;) {
          const key = startingAt[k];
          // A word that is not itself a listed term (a phrase word such as "are") gives way to a listed
          // term that starts inside it: "a r e t a r d" is "a" and "retard", not "are" and "tard".
          if (key === undefined || (!isTerm(key) && startingAt.slice(k + 1, k + key.length).some(isTerm))) {
            if (out) out.push(tokens[i + k]!);
            k++;
            continue;
          }
          (out ??= tokens.slice(0, i + k)).push(mergedToken(key, tokens[i + k]!, tokens[i + k + key.length - 1]!));
          k += key.length;
        }
        i = j;
        continue;
      }
      const core = token.core;
      // Most words are longer than three letters and followed by one space: no split word starts there.
      const next = tokens[i + 1];
      // One dot, underscore or hyphen standing for a letter between two pieces ("f.ck", "f_cked", "sh-t"):
      // read the pieces with a wildcard between them.
      const gap = next === undefined ? -1 : body.charCodeAt(token.end);
      if (
        (gap === 46 || gap === 95 || gap === 45) &&
        next!.start - token.end === 1 &&
        core.length + next!.core.length >= 3 &&
        core.length + next!.core.length <= 14 &&
        isLetters(core) &&
        isLetters(next!.core)
      ) {
        const key = this.read(core + WILD + next!.core);
        if (key !== undefined && (exact.has(key) || loose.has(key))) {
          (out ??= tokens.slice(0, i)).push(mergedToken(key, token, next!));
          i++;
          continue;
        }
      }
      let firstGap = Gap.None;
      if (next !== undefined && core.length <= 12) {
        const oneSpace = next.start - token.end === 1 && body.charCodeAt(token.end) === 32;
        if (oneSpace && core.length > 3) {
          // A longer word before one space: only when it begins a long obscenity or slur ("towe lhead").
          if (splitHeadShapes[shapeOf(core)] === 1 && splitHeadShapes2[shape2Of(core)] === 1 && splitHeads.has(core))
            firstGap = Gap.Space;
        } else if (
          vocabularyPairs[
            pairOf(core.charCodeAt(0), core.length > 1 ? core.charCodeAt(1) : next.core.charCodeAt(0))
          ] === 1 &&
          // The joined word's first four letters must begin a listed word ("to" + "sser", not "to" + "the").
          (core.length + next.core.length < 4 || vocabularyHeads[headOf(core, next.core)] === 1)
        )
          firstGap = oneSpace ? Gap.Space : gapKind(body, token.end, next.start);
      }
      // The ending of a contraction or a possessive ("Gad's Hill", "it's hill") begins no split word.
      const contraction =
        core.length <= 2 &&
        token.start > 0 &&
        (body.charCodeAt(token.start - 1) === 39 || body.charCodeAt(token.start - 1) === 0x2019);
      if (firstGap !== Gap.None && !contraction && isLetters(core)) {
        // A word split by separators. Across a hyphen, underscore, dot, line break or a run of spaces, any
        // pieces; across one space, only when a piece has at most three letters and the split does not leave
        // a common little word beside a long one ("trait or" is not "traitor"). Two longer pieces split by
        // one space ("towe lhead") form only an obscenity or slur of seven letters or more, and only a held
        // (not sure) match. Only listed words (not phrase words) are formed this way.
        let node = 0;
        for (let k = 0; k < core.length && node >= 0; k++) node = vocabulary.step(node, core.charCodeAt(k));
        let best = -1;
        let bestKey = '';
        let bestLoose = false;
        let short = core.length <= 3;
        let long = core.length >= 4;
        let stop = stopWords.has(core);
        let deliberate = false;
        for (let j = i + 1; node >= 0 && j < tokens.length && j <= i + 3; j++) {
          const piece = tokens[j]!;
          const gap = j === i + 1 ? firstGap : gapKind(body, tokens[j - 1]!.end, piece.start);
          if (gap === Gap.None || !isLetters(piece.core)) break;
          if (gap !== Gap.Space) deliberate = true;
          if (piece.core.length <= 3) short = true;
          else long = true;
          if (stopWords.has(piece.core)) stop = true;
          for (let k = 0; k < piece.core.length && node >= 0; k++)
            node = vocabulary.step(node, piece.core.charCodeAt(k));
          if (node < 0) break;
          const key = vocabulary.word[node];
          if (key === undefined || key.length < 4 || !(exact.has(key) || loose.has(key))) continue;
          const clear = deliberate || (short && !(stop && long));
          if (clear || (!stop && key.length >= 7 && strictLists.has(exact.get(key) ?? ''))) {
            best = j;
            bestKey = key;
            bestLoose = !clear;
          }
        }
        if (best > i) {
          (out ??= tokens.slice(0, i)).push(mergedToken(bestKey, token, tokens[best]!, bestLoose));
          i = best;
          continue;
        }
      }
      if (token.core !== token.text || token.disguised) {
        // A disguised word: read it through the trie (wildcards, i/l, stretched letters), or with its leet
        // symbols as any letter, or without digits glued to it.
        const read = this.read(core) ?? this.readMasked(token, body);
        if (read) {
          (out ??= tokens.slice(0, i)).push({
            ...token,
            core: read,
            text: token.text === core ? read : token.text,
            disguised: false,
          });
          continue;
        }
      }
      if (out) out.push(token);
    }
    return out ?? tokens;
  }

  /** Disguised words already read (adversarial input repeats them): core → key, or '' for none. */
  private readonly readings = new Map<string, string>();

  /** The vocabulary key a disguised word spells, preferring listed terms; undefined when none or unclear. */
  private read(core: string): string | undefined {
    const known = this.readings.get(core);
    if (known !== undefined) return known || undefined;
    const key = this.readUncached(core);
    if (this.readings.size >= 10_000) this.readings.clear();
    this.readings.set(core, key ?? '');
    return key;
  }

  private readUncached(core: string): string | undefined {
    const { vocabulary, exact, loose } = this.compiled;
    let wild = 0;
    let markers = false;
    for (let k = 0; k < core.length; k++) {
      const code = core.charCodeAt(k);
      if (code === 42) wild++;
      if (code === 42 || code === 1) markers = true;
    }
    const stretch = hasStretch(core);
    if (!markers && !stretch) return undefined;
    // Wildcards must leave the word mostly legible: at least two real letters, no more wildcards than letters.
    if (wild && (core.length - wild < 2 || wild > core.length - wild)) return undefined;
    const keys = vocabulary.walk(core, stretch);
    if (keys.length === 0 && stretch) {
      const collapsed = collapseRepeats(core);
      if (collapsed !== core) return this.readUncached(collapsed);
    }
    if (keys.length === 0 && wild) {
      // Symbols between the letters rather than instead of them: "f*u*c*k", "**f**uck", "c~~u~~nt".
      const letters = core.replaceAll(WILD, '');
      if (letters.length >= 3 && (exact.has(letters) || loose.has(letters))) return letters;
    }
    return keys.find((key) => exact.has(key)) ?? keys[0];
  }

  /**
   * A word whose symbols stand for letters but read as leetspeak ("f$$k" is "fssk"): read again with each
   * symbol as any letter; a word with digits glued to either end ("fuck123"): read without them. Only for
   * tokens whose text maps one to one onto the body (no look-alikes folded into several letters).
   */
  private readMasked(token: Token, body: string): string | undefined {
    const raw = body.slice(token.coreStart, token.coreEnd);
    if (raw.length !== token.core.length) return undefined;
    // Mixed tokens repeat ("m8", "2nd", "covid19"): each raw spelling is read once.
    const known = this.maskedReadings.get(raw);
    if (known !== undefined) return known || undefined;
    const read = this.readMaskedUncached(raw, token.core);
    if (this.maskedReadings.size >= 10_000) this.maskedReadings.clear();
    this.maskedReadings.set(raw, read ?? '');
    return read;
  }

  /** Raw spellings already read by readMasked: raw → key, or '' for none. */
  private readonly maskedReadings = new Map<string, string>();

  private readMaskedUncached(raw: string, core: string): string | undefined {
    const { exact, loose } = this.compiled;
    const glued = /^[0-9]*([a-z]{3,})[0-9]*$/i.exec(raw);
    if (glued && glued[1]!.length < raw.length) {
      const letters = glued[1]!.toLowerCase();
      return exact.has(letters) || loose.has(letters) ? letters : undefined;
    }
    const masked = leetMask(raw, core);
    const read = masked === undefined ? undefined : this.read(masked);
    if (read !== undefined) return read;
    // A digit between letters may stand for any letter too ("f4cking": 4 reads a, not the u it hides).
    const digitsMasked = raw.length >= 5 ? leetMask(raw, core, true) : undefined;
    return digitsMasked === undefined || digitsMasked === masked ? undefined : this.read(digitsMasked);
  }
}

const enum Gap {
  None,
  /** one space */
  Space,
  /** a hyphen, underscore, dot, slash, line break or several spaces: a word deliberately cut */
  Marked,
}

/** Little words that a long word may stand beside without being half of it. */
const stopWords = new Set(
  'a an and or on in at to of it is as be by we he me my no so up us do go if i the her his off'.split(' '),
);

/** What lies between two tokens: only separators (spaces, or marks that cut a word), at most 8 of them. */
function gapKind(body: string, from: number, to: number): Gap {
  if (to - from > 8 || to <= from) return to === from ? Gap.Space : Gap.None;
  let kind = to - from >= 2 ? Gap.Marked : Gap.Space;
  for (let k = from; k < to; k++) {
    const code = body.charCodeAt(k);
    if (
      code === 32 ||
      code === 9 ||
      code === 0xa0 ||
      code === 0x3000 ||
      code === 0x2800 ||
      (code >= 0x2000 && code <= 0x200a)
    )
      continue;
    if (
      code === 45 ||
      code === 95 ||
      code === 46 ||
      code === 47 ||
      code === 10 ||
      code === 13 ||
      code === 0xb7 ||
      (code >= 0x2010 && code <= 0x2015)
    ) {
      kind = Gap.Marked;
      continue;
    }
    return Gap.None; // an apostrophe ("it's hit"), a comma, a bracket…
  }
  return kind;
}

/** A token standing for several that read as one word; `loose` when the reading is not certain. */
function mergedToken(key: string, first: Token, last: Token, loose = false): Token & { loose: boolean } {
  return {
    text: key,
    core: key,
    spelled: '',
    hasLetter: true,
    mixed: false,
    disguised: false,
    start: first.coreStart,
    end: last.coreEnd,
    coreStart: first.coreStart,
    coreEnd: last.coreEnd,
    loose,
  };
}

/** Whether at least two of the comment's words are among a language's little words. */
function writtenIn(tokens: readonly Token[], littleWords: ReadonlySet<string>): boolean {
  let found = 0;
  for (const token of tokens) if (littleWords.has(token.core) && ++found >= 2) return true;
  return false;
}

/** Symbols the tokenizer reads as leet letters ($ @ ! + € £ ¡), which may also stand for any letter. */
const leetSymbols = new Set([...'$@!+€£¡'].map((c) => c.charCodeAt(0)));

/** The word with each leet symbol of its raw text (and, with `digits`, each digit between two letters) as a
 *  wildcard; undefined when nothing was masked. `raw` and `core` are the same length. */
function leetMask(raw: string, core: string, digits = false): string | undefined {
  let masked = '';
  let symbols = 0;
  for (let k = 0; k < raw.length; k++) {
    const code = raw.charCodeAt(k);
    const symbol =
      leetSymbols.has(code) ||
      (digits && code >= 48 && code <= 57 && k > 0 && k < raw.length - 1 && isLetterCode(raw.charCodeAt(k - 1)));
    if (symbol) symbols++;
    masked += symbol ? WILD : core[k];
  }
  return symbols ? masked : undefined;
}
/** A capital letter at `at` after a word of the same sentence ("Nicky Wankowicz", "the Wankdorf"). */
function isNameCapital(body: string, at: number): boolean {
  const code = body.charCodeAt(at);
  if (!(code >= 65 && code <= 90)) return false;
  for (let k = at - 1; k >= 0; k--) {
    const c = body.charCodeAt(k);
    if (c === 32 || c === 34 || c === 39 || c === 0x2018 || c === 0x201c || c === 40) continue;
    return !(c === 46 || c === 33 || c === 63 || c === 10 || c === 13);
  }
  return false;
}
const isLetterCode = (code: number) => (code | 32) >= 97 && (code | 32) <= 122;

/** The word with every letter written twice ("ffuucckk" → "fuck"), or undefined when it is not so. */
function undoubled(word: string): string | undefined {
  if (word.length % 2 !== 0 || word.charCodeAt(0) !== word.charCodeAt(1)) return undefined;
  let half = '';
  for (let k = 0; k < word.length; k += 2) {
    if (word.charCodeAt(k) !== word.charCodeAt(k + 1)) return undefined;
    half += word[k];
  }
  return half;
}

/** The first four letters of `first` followed by `second`, hashed into 16 bits. */
function headOf(first: string, second: string): number {
  let hash = 0;
  for (let k = 0; k < 4; k++) {
    const code = k < first.length ? first.charCodeAt(k) : second.charCodeAt(k - first.length);
    hash = (hash << 4) ^ (code & 31) ^ (hash >>> 12);
  }
  return hash & 0xffff;
}

function pairOf(first: number, second: number): number {
  return ((first & 31) << 5) | (second & 31);
}

function isLetters(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const code = word.charCodeAt(k);
    if (code < 97 || code > 122) return false;
  }
  return word.length > 0;
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

let shapesScratch = new Int32Array(1024);

function tokenShapes(count: number): Int32Array {
  if (count > 1 << 16) return new Int32Array(count);
  if (shapesScratch.length < count) shapesScratch = new Int32Array(Math.max(count, shapesScratch.length * 2));
  return shapesScratch;
}

function isCovered(flags: Uint8Array, index: number): boolean {
  return (flags[index]! & Covered) !== 0;
}
