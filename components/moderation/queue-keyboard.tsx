'use client';
import { useEffect, useRef, useState } from 'react';

const shortcuts = (bulk: boolean) =>
  [
    ['j', 'next card'],
    ['k', 'previous card'],
    ['a', 'approve the current card (a rejected one asks you to confirm)'],
    ['r', 'reject: choose the clause'],
    ...(bulk ? [['x', 'select the current card for a bulk action'] as const] : []),
    ['?', 'show or hide this help'],
  ] as const;

/**
 * Keyboard shortcuts for the queue. Keys typed into form fields are left alone.
 * The current card is an element, not a position: after a decision the card leaves the list, and the
 * card that takes its place becomes current and gets the focus (which would otherwise fall to <body>),
 * so `j` then moves to the card after it rather than skipping one.
 */
export function QueueKeyboard({ bulk }: { bulk: boolean }) {
  const [help, setHelp] = useState(false);
  // Marked once the listeners below are attached, so a test (or a script) knows keys now do something.
  const hint = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    let current: HTMLElement | null = null;
    // Where the current card stood, for when it leaves the list.
    let position = -1;
    const cards = () => Array.from(document.querySelectorAll<HTMLElement>('[data-card]'));
    const mark = (card: HTMLElement | null, list = cards()) => {
      current = card;
      position = card ? list.indexOf(card) : -1;
      list.forEach((c) => c.toggleAttribute('data-current', c === card));
    };
    const focus = (next: number) => {
      const list = cards();
      if (!list.length) return;
      const card = list[Math.max(0, Math.min(list.length - 1, next))]!;
      mark(card, list);
      card.focus();
      card.scrollIntoView({ block: 'nearest' });
    };
    // Focus moving into a card (a click, Tab) makes it current.
    const onFocusIn = (event: FocusEvent) => {
      const card = (event.target as HTMLElement).closest<HTMLElement>('[data-card]');
      if (card && card !== current) mark(card);
    };
    // The current card was decided and removed: its successor takes over, focus included.
    const observer = new MutationObserver(() => {
      if (!current || current.isConnected) return;
      const list = cards();
      if (list.length) focus(Math.min(position, list.length - 1));
      else mark(null, list);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (
        event.metaKey ||
        event.ctrlKey ||
        event.altKey ||
        target.closest('input, textarea, select, [contenteditable]')
      )
        return;
      const index = current ? cards().indexOf(current) : -1;
      switch (event.key) {
        case 'j':
          focus(index + 1);
          break;
        case 'k':
          focus(index - 1);
          break;
        case 'a': {
          const approve = current?.querySelector<HTMLButtonElement>('[data-action="approve"]');
          // A reversal (reinstating a rejected comment) sits behind a confirmation: open it and focus its
          // button; Enter confirms.
          const confirmation = approve?.closest('details');
          if (confirmation) {
            confirmation.open = true;
            approve!.focus();
          } else approve?.click();
          break;
        }
        case 'r':
          current?.querySelector<HTMLSelectElement>('[data-action="reject-clause"]')?.focus();
          break;
        case 'x': {
          const box = current?.querySelector<HTMLInputElement>('input[name="selected"]');
          if (box) box.checked = !box.checked;
          break;
        }
        case '?':
          setHelp((shown) => !shown);
          break;
        case 'Escape':
          setHelp(false);
          return;
        default:
          return;
      }
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocusIn);
    hint.current?.setAttribute('data-keyboard', 'ready');
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocusIn);
      observer.disconnect();
    };
  }, []);
  return (
    <>
      <p className="meta" ref={hint}>
        Keyboard: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>a</kbd> approve, <kbd>r</kbd> reject, <kbd>?</kbd> all shortcuts.
      </p>
      {help && (
        <div role="dialog" aria-modal="false" aria-labelledby="shortcuts-title" className="shortcuts">
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <dl>
            {shortcuts(bulk).map(([key, label]) => (
              <div key={key}>
                <dt>
                  <kbd>{key}</kbd>
                </dt>
                <dd>{label}</dd>
              </div>
            ))}
          </dl>
          <button type="button" className="button button--quiet" onClick={() => setHelp(false)}>
            Close
          </button>
        </div>
      )}
    </>
  );
}
