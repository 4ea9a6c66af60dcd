// The link between app code (bundled by Next.js) and server.ts, which owns the page cache: both run in
// one process and share globalThis. No imports here, so server.ts can load it without the app.
export type PageCacheBus = { invalidate(paths: string[]): void };

const holder = globalThis as unknown as { __pageCacheBus?: PageCacheBus };

export function registerPageCacheBus(bus: PageCacheBus | undefined): void {
  holder.__pageCacheBus = bus;
}

export function pageCacheBus(): PageCacheBus | undefined {
  return holder.__pageCacheBus;
}
