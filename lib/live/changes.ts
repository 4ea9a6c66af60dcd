// What the live channel says (lib/live/hub.ts) and where it learns it. The hub runs in server.ts's layer; the
// query runs in the app (lib/data/live.ts), which registers it here at start (instrumentation.ts). Both run in
// one process and share globalThis, as the page cache's bus does (lib/cache/bus.ts). No imports here.

/** One change on a story that a reader with the page open may want: only ever about published comments.
 *  `new`: published (posted, or approved by a moderator); `edited`; `deleted` (by its writer) or `removed` (by a
 *  moderator) after it was public. `at` is when it happened (ms), also the event id a reconnect resumes from. */
export type LiveChange = {
  kind: 'new' | 'edited' | 'deleted' | 'removed';
  id: string;
  /** The thread's top-level comment (itself for one). */
  threadId: string;
  at: number;
};

/** What changed on the story `slug` after `sinceMs`; null when there is no such story. */
export type LiveSource = (slug: string, sinceMs: number) => Promise<LiveChange[] | null>;

const holder = globalThis as unknown as { __liveSource?: LiveSource };

export function registerLiveSource(source: LiveSource | undefined): void {
  holder.__liveSource = source;
}

export function liveSource(): LiveSource | undefined {
  return holder.__liveSource;
}
