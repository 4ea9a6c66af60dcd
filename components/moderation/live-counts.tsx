'use client';
import { useEffect, useState } from 'react';

/**
 * Queue counts that stay current without a reload: polls the counts endpoint while the tab is visible,
 * and takes the server's figure at once whenever the page is rendered again (`asOf` changes), as it is
 * after every decision, so the tabs never lag a decision until the next poll.
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
    const refresh = () => {
      if (document.visibilityState !== 'visible') return;
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
