'use client';
import { useEffect, useState } from 'react';

/** Queue counts that stay current without a reload: polls the counts endpoint while the tab is visible. */
export function LiveCount({ queue, initial, query }: { queue: string; initial: number; query: string }) {
  const [count, setCount] = useState(initial);
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
  return <span className="queue-tab__count" data-queue-count={queue}>{count.toLocaleString('en-US')}</span>;
}
