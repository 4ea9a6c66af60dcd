'use client';
// Live arrivals in the moderation console (issue 16): a stream only staff can open (lib/live/queue-hub.ts) says, the
// moment anything changes a queue anywhere, what the queues count with this page's filters and how many items
// entered the open queue since the page was rendered. The counts go to the tabs (live-counts.tsx hears them as a
// window event); the new items are only counted, in a quiet bar whose room is kept at the top of the list, so the
// cards never move under the moderator's cursor. "Show" renders the list again (by the server, like any other
// render) and takes the focus to the first card. Without JavaScript the page is as it was.
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';

/** The window event that carries the latest counts to the tabs. */
export const queueCountsEvent = 'ledger:queue-counts';
/** Set on <html> while the stream is open: the tabs' fallback poll stands down meanwhile. */
export const queueLiveFlag = 'queueLive';

type Answer = { counts: Record<string, number>; fresh: number | null };

type Props = {
  /** The page's own parameters (queue and filters), for the counts and the new items to match what it shows. */
  query: string;
  /** When the page read the queue: what entered it later is new. Changes with every render. */
  since: number;
};

export function QueueLive({ query, since }: Props) {
  const router = useRouter();
  const [fresh, setFresh] = useState(0);
  const [seenRender, setSeenRender] = useState(since);
  const [refreshing, startRefresh] = useTransition();
  const focusFirst = useRef(false);
  // A new render (after "show", a decision, a filter) is the new baseline: nothing on it is new.
  if (seenRender !== since) {
    setSeenRender(since);
    setFresh(0);
  }

  useEffect(() => {
    let source: EventSource | null = null;
    const flags = document.documentElement.dataset;
    const reopenOn = ['pointerdown', 'keydown', 'scroll'] as const;
    const open = () => {
      for (const name of reopenOn) window.removeEventListener(name, reopen);
      source = new EventSource(`/live/moderation?${query}${query ? '&' : ''}since=${since}`);
      source.addEventListener('open', () => (flags[queueLiveFlag] = 'open'));
      source.addEventListener('error', () => delete flags[queueLiveFlag]);
      source.addEventListener('queue', (event) => {
        try {
          const answer = JSON.parse((event as MessageEvent<string>).data) as Answer;
          setFresh(answer.fresh ?? 0);
          window.dispatchEvent(new CustomEvent(queueCountsEvent, { detail: answer.counts }));
        } catch {
          // A malformed event is dropped; the next change or a reload shows the queue as it is.
        }
      });
      // Closed by the server after a long quiet: open again when the moderator is back.
      source.addEventListener('idle', () => {
        source?.close();
        delete flags[queueLiveFlag];
        for (const name of reopenOn) window.addEventListener(name, reopen, { once: true, passive: true });
      });
      // No longer staff (signed out elsewhere): stop; the next page load says why.
      source.addEventListener('denied', () => {
        source?.close();
        delete flags[queueLiveFlag];
      });
    };
    const reopen = () => {
      if (source?.readyState === EventSource.CLOSED && document.visibilityState === 'visible') open();
    };
    open();
    document.addEventListener('visibilitychange', reopen);
    return () => {
      source?.close();
      delete flags[queueLiveFlag];
      document.removeEventListener('visibilitychange', reopen);
      for (const name of reopenOn) window.removeEventListener(name, reopen);
    };
  }, [query, since]);

  // Once the list is rendered again, the first card takes the focus the vanished button had.
  useEffect(() => {
    if (!focusFirst.current || refreshing) return;
    focusFirst.current = false;
    const target = document.querySelector<HTMLElement>('[data-card]') ?? document.querySelector('.moderation h1');
    if (!target) return;
    target.tabIndex = -1;
    target.focus();
  }, [refreshing, since]);

  const show = () => {
    focusFirst.current = true;
    startRefresh(() => router.refresh());
  };

  return (
    <div className="queue-live" role="status" aria-live="polite">
      {fresh > 0 && (
        <button type="button" className="queue-live__button" onClick={show} disabled={refreshing}>
          {fresh.toLocaleString('en-US')} new — show
        </button>
      )}
    </div>
  );
}
