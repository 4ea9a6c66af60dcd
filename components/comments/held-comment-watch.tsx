'use client';
// Shown only to the writer of a held comment (signed in, so never on a cached signed-out page): asks for the
// comment's status every few seconds while the tab is visible, and reloads the comments once a moderator has
// decided, so the writer sees the outcome without reloading. Gives up after an hour (the page still tells the wait).
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

const everyMs = 5000;
const forMs = 60 * 60_000;

export function HeldCommentWatch({ commentId }: { commentId: string }) {
  const router = useRouter();
  const [decided, setDecided] = useState(false);
  useEffect(() => {
    let stopped = false;
    const started = Date.now();
    const check = async () => {
      if (stopped || document.visibilityState !== 'visible') return;
      try {
        const response = await fetch(`/api/comments/${encodeURIComponent(commentId)}/status`, { cache: 'no-store' });
        if (!response.ok) return;
        const { status } = (await response.json()) as { status?: string };
        if (status && status !== 'PENDING' && !stopped) {
          stopped = true;
          setDecided(true);
          router.refresh();
        }
      } catch {
        // Offline for a moment: the next tick asks again.
      }
    };
    const timer = setInterval(() => {
      if (Date.now() - started > forMs) clearInterval(timer);
      else void check();
    }, everyMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [commentId, router]);
  return (
    <p role="status" className="visually-hidden">
      {decided ? 'A moderator has decided on your comment.' : ''}
    </p>
  );
}
