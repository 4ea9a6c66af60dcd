// A trie whose edges are whole words: listed phrases, allowlist entries and the threat patterns' slots are
// walked one token at a time, one Map lookup per word whatever the phrase's length.

export class WordTrie {
  private readonly next: Map<string, number>[] = [new Map()];
  /** What ends at each node (the first value given for it), if anything. */
  readonly value: (string | undefined)[] = [undefined];

  add(words: readonly string[], value: string): void {
    let node = 0;
    for (const word of words) {
      let child = this.next[node]!.get(word);
      if (child === undefined) {
        child = this.next.length;
        this.next.push(new Map());
        this.value.push(undefined);
        this.next[node]!.set(word, child);
      }
      node = child;
    }
    if (this.value[node] === undefined) this.value[node] = value;
  }

  /** The node reached from `node` by `word`, or -1. */
  step(node: number, word: string): number {
    return this.next[node]!.get(word) ?? -1;
  }

  /** The words that begin an entry. */
  firstWords(): string[] {
    return [...this.next[0]!.keys()];
  }
}

/** A word's length (up to 31) with the low five bits of its first and last UTF-16 code units, as an index
 *  into a table of 32,768 entries: the shape checks of terms.ts, threats.ts and addresses.ts. */
export function shapeOf(word: string): number {
  const length = word.length;
  if (length === 0) return 0;
  return ((length < 31 ? length : 31) << 10) | ((word.charCodeAt(0) & 31) << 5) | (word.charCodeAt(length - 1) & 31);
}

/** A second, independent shape: the second and second-to-last code units with the length. A word must match
 *  both tables to be looked up, which keeps the Set lookups rare however many loose readings are listed. */
export function shape2Of(word: string): number {
  const length = word.length;
  if (length < 2) return length;
  return ((length < 31 ? length : 31) << 10) | ((word.charCodeAt(1) & 31) << 5) | (word.charCodeAt(length - 2) & 31);
}
