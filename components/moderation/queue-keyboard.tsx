'use client';
import { useEffect, useRef } from 'react';

type Shortcut = readonly [key: string, label: string];

const shortcuts = (bulk: boolean): readonly Shortcut[] => [
  ['j', 'next card'],
  ['k', 'previous card'],
  ['a', 'approve the current card (a rejected one asks you to confirm)'],
  ['r', 'reject: choose the clause, then Tab to the note and the Reject button'],
  ['f', 'feature the current card as an editors’ pick, or remove it'],
  ['h', 'show or hide the current card’s history'],
  ['m', 'act on the commenter’s account (measures)'],
  ['p', 'open the commenter’s page'],
  ['o', 'open the comment on its story'],
  ['e', 'keep the current card open in the compact view, or let it fold again'],
  ['v', 'switch between compact and full cards'],
  ['u', 'undo your last decision (for a few seconds after it; its emails wait until then)'],
  ...(bulk ? [['x', 'select the current card for a bulk action'] as const] : []),
  ['/', 'search: go to the filters'],
  ['1–9', 'go to a queue tab, in the order shown (All is the last)'],
  ['?', 'show this list'],
  ['Esc', 'close this list'],
];

/**
 * Keyboard shortcuts for the queue. Keys typed into form fields are left alone.
 * The current card is an element, not a position: after a decision the card leaves the list, and the
 * card that takes its place becomes current and gets the focus (which would otherwise fall to <body>),
 * so `j` then moves to the card after it rather than skipping one.
 * `?` opens the list of shortcuts in a modal <dialog> (focus moves into it, Esc closes it and focus returns).
 */
export function QueueKeyboard({ bulk }: { bulk: boolean }) {
  // Marked once the listeners below are attached, so a test (or a script) knows keys now do something.
  const hint = useRef<HTMLParagraphElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const openHelp = () => {
    if (!dialog.current?.open) dialog.current?.showModal();
  };
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
    const within = <T extends HTMLElement>(selector: string) => current?.querySelector<T>(selector) ?? null;
    const openDetails = (selector: string, focusFirst: boolean) => {
      const details = within<HTMLDetailsElement>(selector);
      if (!details) return;
      details.open = !details.open || focusFirst;
      if (focusFirst)
        details.querySelector<HTMLElement>('select, input:not([type="hidden"]), textarea, button')?.focus();
      else details.querySelector('summary')?.focus();
    };
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (
        event.metaKey ||
        event.ctrlKey ||
        event.altKey ||
        dialog.current?.open ||
        target.closest('input, textarea, select, [contenteditable]')
      )
        return;
      const index = current ? cards().indexOf(current) : -1;
      if (/^[1-9]$/.test(event.key)) {
        const tab = document.querySelectorAll<HTMLAnchorElement>('.queue-tabs a')[Number(event.key) - 1];
        if (!tab) return;
        tab.click();
        event.preventDefault();
        return;
      }
      switch (event.key) {
        case 'j':
          focus(index + 1);
          break;
        case 'k':
          focus(index - 1);
          break;
        case 'a': {
          const approve = within<HTMLButtonElement>('[data-action="approve"]');
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
          within<HTMLSelectElement>('[data-action="reject-clause"]')?.focus();
          break;
        case 'f':
          within<HTMLButtonElement>('[data-action="feature"]')?.click();
          break;
        case 'h':
          openDetails('[data-action="history"]', false);
          break;
        case 'm':
          openDetails('[data-action="measures"]', true);
          break;
        case 'p':
          within<HTMLAnchorElement>('[data-action="person"]')?.click();
          break;
        case 'o':
          within<HTMLAnchorElement>('[data-action="story"]')?.click();
          break;
        case 'e':
          current?.toggleAttribute('data-expanded');
          break;
        case 'v':
          document.querySelector<HTMLAnchorElement>('[data-action="density"]')?.click();
          break;
        case 'x': {
          const box = within<HTMLInputElement>('input[name="selected"]');
          if (box) {
            box.checked = !box.checked;
            // The bulk bar counts the selection from change events.
            box.dispatchEvent(new Event('change', { bubbles: true }));
          }
          break;
        }
        case 'u':
          document.querySelector<HTMLButtonElement>('[data-action="undo"]')?.click();
          break;
        case '/':
          document.querySelector<HTMLElement>('[role="search"] input:not([type="hidden"])')?.focus();
          break;
        case '?':
          openHelp();
          break;
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
        Keyboard: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>a</kbd> approve, <kbd>r</kbd> reject, <kbd>u</kbd> undo,{' '}
        <kbd>?</kbd>{' '}
        <button type="button" className="link-button" onClick={openHelp}>
          all shortcuts
        </button>
        .
      </p>
      {/* A native modal dialog: it takes the focus, keeps it inside, closes on Esc and hands the focus back. */}
      <dialog ref={dialog} aria-labelledby="shortcuts-title" className="shortcuts">
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
        <form method="dialog">
          <button type="submit" className="button button--quiet" autoFocus>
            Close
          </button>
        </form>
      </dialog>
    </>
  );
}
