'use client';
// Live threads for a reader with the story open (issue 17): the server says over Server-Sent Events which comments
// were published, edited or deleted since the page was rendered (lib/live/hub.ts, only ever published ones). Nothing
// moves under the reader's eyes: new comments are counted in a bar fixed to the bottom of the window, and replies
// under their thread; a click brings them in (the section is rendered again, by the server, like any other) and
// takes the focus to the first. A stream that has been quiet for long is closed by the server; it is opened again
// when the reader comes back to the page (a key, a pointer, the tab shown again).
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import { createPortal } from 'react-dom';
import { plural } from '@/lib/site/format';

type Change = { kind: 'new' | 'edited' | 'deleted' | 'removed'; id: string; threadId: string; at: number };
type Pending = { added: string[]; updated: string[]; threads: Record<string, number> };

const none: Pending = { added: [], updated: [], threads: {} };
const onPage = (id: string) => document.getElementById(`comment-${id}`) !== null;
// The writer's own new comment is on their page a moment after the server says it is published (the post's answer
// brings it): a new comment is looked for this long before it is counted.
const settleMs = 1500;

type Props = { slug: string; renderedAt: number };

export function LiveUpdates({ slug, renderedAt }: Props) {
  const router = useRouter();
  const [pending, setPending] = useState<Pending>(none);
  const focusId = useRef<string | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const lastAt = useRef(renderedAt);

  const receive = useCallback((change: Change) => {
    lastAt.current = Math.max(lastAt.current, change.at);
    if (change.kind === 'new') {
      window.setTimeout(() => {
        if (onPage(change.id)) return;
        setPending((current) => {
          if (current.added.includes(change.id)) return current;
          const reply = change.threadId !== change.id && onPage(change.threadId);
          return {
            ...current,
            added: [...current.added, change.id],
            threads: reply
              ? { ...current.threads, [change.threadId]: (current.threads[change.threadId] ?? 0) + 1 }
              : current.threads,
          };
        });
      }, settleMs);
    } else if (onPage(change.id)) {
      setPending((current) =>
        current.updated.includes(change.id) ? current : { ...current, updated: [...current.updated, change.id] },
      );
    }
  }, []);

  useEffect(() => {
    let source: EventSource | null = null;
    const reopenOn = ['pointerdown', 'keydown', 'scroll'] as const;
    const open = () => {
      for (const name of reopenOn) window.removeEventListener(name, reopen);
      source = new EventSource(`/live/articles/${encodeURIComponent(slug)}?since=${lastAt.current}`);
      source.addEventListener('change', (event) => {
        try {
          receive(JSON.parse((event as MessageEvent<string>).data) as Change);
        } catch {
          // A malformed event is dropped; the next change or a reload shows the thread as it is.
        }
      });
      // Closed by the server after a long quiet: open again when the reader is back.
      source.addEventListener('idle', () => {
        source?.close();
        for (const name of reopenOn) window.addEventListener(name, reopen, { once: true, passive: true });
      });
    };
    const reopen = () => {
      if (source?.readyState === EventSource.CLOSED && document.visibilityState === 'visible') open();
    };
    const onVisible = () => reopen();
    open();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      source?.close();
      document.removeEventListener('visibilitychange', onVisible);
      for (const name of reopenOn) window.removeEventListener(name, reopen);
    };
  }, [slug, receive]);

  // After the section is rendered again, the first new comment takes the focus (and the reader to it).
  useEffect(() => {
    if (!focusId.current || refreshing) return;
    const article = document.getElementById(`comment-${focusId.current}`)?.querySelector('article');
    focusId.current = null;
    if (article) {
      article.tabIndex = -1;
      article.focus();
    }
  }, [refreshing]);

  const show = () => {
    focusId.current = pending.added[0] ?? pending.updated[0] ?? null;
    setPending(none);
    startRefresh(() => router.refresh());
  };

  const count = pending.added.length;
  const updated = pending.updated.length;
  const text = [
    count > 0 ? plural(count, 'new comment') : '',
    updated > 0 ? `${plural(updated, 'comment')} edited or deleted` : '',
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <>
      <div className="live-bar" aria-live="polite">
        {text && (
          <button type="button" className="live-bar__button" onClick={show} disabled={refreshing}>
            {text} — show
          </button>
        )}
      </div>
      {Object.entries(pending.threads).map(([threadId, replies]) => {
        const slot = document.querySelector(`[data-live-slot="${CSS.escape(threadId)}"]`);
        return slot
          ? createPortal(
              <button type="button" className="live-replies" onClick={show} disabled={refreshing}>
                {plural(replies, 'new reply', 'new replies')} — show
              </button>,
              slot,
              threadId,
            )
          : null;
      })}
    </>
  );
}
