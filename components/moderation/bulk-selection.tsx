'use client';
// The bulk bar and the cards' checkboxes share one action state. The checkboxes sit in the cards, outside the
// bulk form (form="bulk-form"), so the state lives in a provider around both: when a bulk decision is refused
// (no clause, nothing chosen), the answer carries the selection back and every box that was ticked is ticked
// again — also without JavaScript, where the page is rendered afresh from that answer.
// With JavaScript the bar also counts the selection, selects every card on the page at once, and asks before acting
// ("Reject 12 comments?"); without it the answer says how many were decided.
import {
  createContext,
  use,
  useActionState,
  useEffect,
  useRef,
  useState,
  useTransition,
  type FormEvent,
  type ReactNode,
} from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { FormStatus } from '@/components/ui/form-status';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;
const Selection = createContext<{ state: FormState; submit: (formData: FormData) => void } | null>(null);

export function BulkSelection({ action, children }: { action: Action; children: ReactNode }) {
  const [state, submit] = useActionState(action, { status: 'idle' } as FormState);
  return <Selection value={{ state, submit }}>{children}</Selection>;
}

const boxes = () => Array.from(document.querySelectorAll<HTMLInputElement>('input[name="selected"][form="bulk-form"]'));

export function BulkForm({ children }: { children: ReactNode }) {
  const selection = use(Selection);
  const [, startTransition] = useTransition();
  // null until hydrated: the count and "select all" need JavaScript, so the server renders neither.
  const [tally, setTally] = useState<{ selected: number; total: number } | null>(null);
  const [asking, setAsking] = useState<{ formData: FormData; question: string } | null>(null);
  const confirm = useRef<HTMLDialogElement>(null);
  const state = selection?.state;
  useEffect(() => {
    const count = () => {
      const all = boxes();
      setTally({ selected: all.filter((box) => box.checked).length, total: all.length });
    };
    count();
    // Ticks by hand or with x (queue-keyboard.tsx sends a change event), and cards leaving after a decision.
    document.addEventListener('change', count);
    const observer = new MutationObserver(count);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      document.removeEventListener('change', count);
      observer.disconnect();
    };
  }, [state]);
  useEffect(() => {
    if (asking && !confirm.current?.open) confirm.current?.showModal();
  }, [asking]);
  if (!selection) throw new Error('BulkForm must be inside BulkSelection');
  const selectAll = (checked: boolean) => {
    for (const box of boxes()) box.checked = checked;
    document.dispatchEvent(new Event('change'));
  };
  // Dispatching the action ourselves (rather than through the form's action) skips React's reset of the form,
  // which would clear the selection. Without JavaScript the form posts as usual.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    const chosen = formData.getAll('selected').length;
    // Nothing chosen, or a rejection without its clause: the action's own answer says what is missing.
    if (chosen === 0 || (formData.get('decision') === 'reject' && !formData.get('clause'))) {
      startTransition(() => selection.submit(formData));
      return;
    }
    const verb = formData.get('decision') === 'reject' ? 'Reject' : 'Approve';
    setAsking({ formData, question: `${verb} ${chosen} ${chosen === 1 ? 'comment' : 'comments'}?` });
  };
  const answer = (yes: boolean) => {
    confirm.current?.close();
    if (yes && asking) startTransition(() => selection.submit(asking.formData));
    setAsking(null);
  };
  return (
    <form action={selection.submit} onSubmit={onSubmit} className="bulk" id="bulk-form">
      {tally && tally.total > 0 && (
        <label className="bulk__all">
          <input
            type="checkbox"
            checked={tally.selected === tally.total}
            onChange={(event) => selectAll(event.target.checked)}
          />{' '}
          Select all on this page
        </label>
      )}
      {children}
      {tally && (
        <span className="meta" aria-live="polite" data-selected-count={tally.selected}>
          {tally.selected} selected
        </span>
      )}
      <FormStatus state={selection.state} />
      <dialog ref={confirm} className="shortcuts" aria-labelledby="bulk-confirm-title" onClose={() => setAsking(null)}>
        <h2 id="bulk-confirm-title">{asking?.question}</h2>
        <p>Each commenter is told of the decision, as for a single one.</p>
        <div className="decision__row">
          <button type="button" className="button" onClick={() => answer(true)} autoFocus>
            Yes, {asking?.question.replace('?', '').toLowerCase()}
          </button>
          <button type="button" className="button button--quiet" onClick={() => answer(false)}>
            Cancel
          </button>
        </div>
      </dialog>
    </form>
  );
}

/** A card's checkbox: ticked again when a refused bulk decision sends the selection back. */
export function SelectBox({ value }: { value: string }) {
  const state = use(Selection)?.state;
  const kept = state?.status === 'invalid' ? (state.values?.selected ?? '').split(' ') : [];
  return <input type="checkbox" name="selected" value={value} form="bulk-form" defaultChecked={kept.includes(value)} />;
}
