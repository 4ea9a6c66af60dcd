'use client';
import { useEffect, useState } from 'react';

const shortcuts = [
  ['j', 'next card'],
  ['k', 'previous card'],
  ['a', 'approve the current card'],
  ['r', 'reject: choose the clause'],
  ['x', 'select the current card for a bulk action'],
  ['?', 'show or hide this help'],
] as const;

/** Keyboard shortcuts for the queue. Keys typed into form fields are left alone. */
export function QueueKeyboard() {
  const [help, setHelp] = useState(false);
  useEffect(() => {
    let index = -1;
    const cards = () => Array.from(document.querySelectorAll<HTMLElement>('[data-card]'));
    const focus = (next: number) => {
      const list = cards();
      if (!list.length) return;
      index = Math.max(0, Math.min(list.length - 1, next));
      list.forEach((card, i) => card.toggleAttribute('data-current', i === index));
      list[index]!.focus();
      list[index]!.scrollIntoView({ block: 'nearest' });
    };
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.metaKey || event.ctrlKey || event.altKey || target.closest('input, textarea, select, [contenteditable]')) return;
      const current = cards()[index] ?? (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-card]') ?? null;
      if (current && index < 0) index = cards().indexOf(current);
      switch (event.key) {
        case 'j':
          focus(index + 1);
          break;
        case 'k':
          focus(index - 1);
          break;
        case 'a':
          current?.querySelector<HTMLButtonElement>('[data-action="approve"]')?.click();
          break;
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
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <p className="meta">
        Keyboard: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>a</kbd> approve, <kbd>r</kbd> reject, <kbd>?</kbd> all shortcuts.
      </p>
      {help && (
        <div role="dialog" aria-modal="false" aria-labelledby="shortcuts-title" className="shortcuts">
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <dl>
            {shortcuts.map(([key, label]) => (
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
