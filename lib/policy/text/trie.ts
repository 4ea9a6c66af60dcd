// A character trie of normalised words, walked one character at a time. Walking a word costs one step per
// character whatever the number or length of the listed terms, which keeps every scan linear in the input.
// Wildcards (WILD: any letter; IL: i or l) make the walk follow several branches at once; the set of live
// branches is capped, so an adversarial token cannot make it explode.
import { IL, WILD } from './normalize';

const WILD_CODE = WILD.charCodeAt(0);
const IL_CODE = IL.charCodeAt(0);
const I_CODE = 105;
const L_CODE = 108;
/** Live branches allowed at once; past this a token is too ambiguous to mean any one word. (With a
 *  newsroom's vocabulary, "s**" already has over a hundred: each wildcard after the first letter may be any
 *  letter of hundreds of words.) */
const maxStates = 1024;

export class Trie {
  private readonly next: Map<number, number>[] = [new Map()];
  /** The character that leads to each node (for stretched letters: "fuuuck" stays on the u). */
  private readonly via: number[] = [-1];
  /** The key that ends at each node, if any. */
  readonly word: (string | undefined)[] = [undefined];

  add(key: string): void {
    let node = 0;
    for (let k = 0; k < key.length; k++) {
      const code = key.charCodeAt(k);
      let child = this.next[node]!.get(code);
      if (child === undefined) {
        child = this.next.length;
        this.next.push(new Map());
        this.via.push(code);
        this.word.push(undefined);
        this.next[node]!.set(code, child);
      }
      node = child;
    }
    this.word[node] = key;
  }

  /** Aho–Corasick links, built by `link()` once every key is added. */
  private fail: Int32Array = new Int32Array(1);
  /** The longest key that ends at each node's string (the node's own, or one reached by failure links). */
  private longest: (string | undefined)[] = [undefined];

  /** Builds the failure links, so `scan` reads a run of characters once whatever the keys' lengths. */
  link(): void {
    const count = this.next.length;
    this.fail = new Int32Array(count);
    this.longest = new Array<string | undefined>(count);
    const queue: number[] = [];
    for (const child of this.next[0]!.values()) queue.push(child);
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      this.longest[node] = this.word[node] ?? this.longest[this.fail[node]!];
      for (const [code, child] of this.next[node]!) {
        let f = this.fail[node]!;
        while (f !== 0 && !this.next[f]!.has(code)) f = this.fail[f]!;
        const target = this.next[f]!.get(code);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        queue.push(child);
      }
    }
  }

  /**
   * Reads `codes` once (Aho–Corasick) and returns, for each position, the longest key ending there (or
   * undefined). Linear in the input for any number or length of keys.
   */
  scan(codes: readonly number[]): (string | undefined)[] {
    const out = new Array<string | undefined>(codes.length);
    let node = 0;
    for (let k = 0; k < codes.length; k++) {
      const code = codes[k]!;
      while (node !== 0 && !this.next[node]!.has(code)) node = this.fail[node]!;
      node = this.next[node]!.get(code) ?? 0;
      out[k] = this.longest[node];
    }
    return out;
  }

  /** The node reached from `node` by the literal character `code`, or -1. */
  step(node: number, code: number): number {
    return this.next[node]!.get(code) ?? -1;
  }

  /**
   * Every key the whole of `text` spells, reading WILD as any letter, IL as i or l, and (with `stretch`) a
   * repeated character as one. At most `maxStates` branches live at once: more returns nothing.
   */
  /** Per node, the walk step that last made it live (see walk). */
  private seen = new Int32Array(0);
  private stamp = 0;

  walk(text: string, stretch: boolean): string[] {
    // Two scratch buffers of live nodes, swapped each character: no allocation per step.
    let states = scratchA;
    let next = scratchB;
    let count = 1;
    states[0] = 0;
    for (let k = 0; k < text.length; k++) {
      const code = text.charCodeAt(k);
      let n = 0;
      // A node already live for this character is not added twice (a stamp per node, not a search).
      const stamp = ++this.stamp;
      const seen = this.seen.length >= this.next.length ? this.seen : (this.seen = new Int32Array(this.next.length));
      const push = (node: number): boolean => {
        if (node < 0 || seen[node] === stamp) return true;
        if (n === maxStates) return false;
        seen[node] = stamp;
        next[n++] = node;
        return true;
      };
      for (let s = 0; s < count; s++) {
        const node = states[s]!;
        const children = this.next[node]!;
        let ok = true;
        if (code === WILD_CODE) {
          for (const child of children.values()) if (!(ok = push(child))) break;
        } else if (code === IL_CODE) ok = push(children.get(I_CODE) ?? -1) && push(children.get(L_CODE) ?? -1);
        else ok = push(children.get(code) ?? -1);
        if (ok && stretch && node !== 0) {
          const via = this.via[node]!;
          if (via === code || (code === IL_CODE && (via === I_CODE || via === L_CODE))) ok = push(node);
        }
        if (!ok) return [];
      }
      if (n === 0) return [];
      const swap = states;
      states = next;
      next = swap;
      count = n;
    }
    const found: string[] = [];
    for (let s = 0; s < count; s++) {
      const word = this.word[states[s]!];
      if (word !== undefined) found.push(word);
    }
    return found;
  }
}

const scratchA = new Int32Array(maxStates);
const scratchB = new Int32Array(maxStates);
