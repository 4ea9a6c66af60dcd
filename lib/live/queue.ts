// What the moderation queue's live channel says (lib/live/queue-hub.ts) and where it learns it. Like the readers'
// channel (changes.ts), the hub runs in server.ts's layer and the app registers the queries here at start
// (instrumentation.ts → lib/data/live-queue.ts); both share globalThis. No imports here.

/** The queues' counts with the page's filters, and how many items entered the open queue since the page was
 *  rendered (null: no such count, e.g. on the All search). */
export type QueueAnswer = { counts: Record<string, number>; fresh: number | null };

export type QueueSource = {
  /** Who holds these session tokens (the values of next-auth's session cookie): staff, another signed-in account,
   *  or nobody (no live session). */
  who(sessionTokens: string[]): Promise<'staff' | 'signed-in' | null>;
  /** The answer for a console opened with `query` (its URL's parameters, without `since`) and rendered at `sinceMs`. */
  look(query: string, sinceMs: number | null): Promise<QueueAnswer>;
};

const holder = globalThis as unknown as { __queueSource?: QueueSource };

export function registerQueueSource(source: QueueSource | undefined): void {
  holder.__queueSource = source;
}

export function queueSource(): QueueSource | undefined {
  return holder.__queueSource;
}
