'use client';
import { useEffect, useState } from 'react';
import { queueCountsEvent, queueLiveFlag } from './queue-live';

/**
 * Queue counts that stay current without a reload: the console's live stream (queue-live.tsx) sends them the
 * moment any moderator's decision, a held comment or a report changes them, on any instance; while it is not open,
 * the counts endpoint is polled while the tab is visible. The server's figure is taken at once whenever the page is
 * rendered again (`asOf` changes), as it is after every decision, so the tabs never lag one's own decision.
 */
export function LiveCount({
  queue,
  initial,
  asOf,
  query,
}: {
  queue: string;
  initial: number;
  asOf: number;
  query: string;
}) {
  const [count, setCount] = useState(initial);
  const [renderedAt, setRenderedAt] = useState(asOf);
  if (asOf !== renderedAt) {
    setRenderedAt(asOf);
    setCount(initial);
  }
  useEffect(() => {
    const hear = (event: Event) => {
      const value = (event as CustomEvent<Record<string, unknown> | null>).detail?.[queue];
      if (typeof value === 'number') setCount(value);
    };
    window.addEventListener(queueCountsEvent, hear);
    return () => window.removeEventListener(queueCountsEvent, hear);
  }, [queue]);
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState !== 'visible' || document.documentElement.dataset[queueLiveFlag]) return;
      fetch(`/api/moderation/counts${query}`, { cache: 'no-store' })
        .then((response) => (response.ok ? response.json() : null))
        .then((counts) => counts && typeof counts[queue] === 'number' && setCount(counts[queue]))
        .catch(() => {});
    };
    const timer = setInterval(refresh, 5000);
    return () => clearInterval(timer);
  }, [queue, query]);
  return (
    <span className="queue-tab__count" data-queue-count={queue}>
      {count.toLocaleString('en-US')}
    </span>
  );
}
