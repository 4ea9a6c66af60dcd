'use client';
// The bulk bar and the cards' checkboxes share one action state. The checkboxes sit in the cards, outside the
// bulk form (form="bulk-form"), so the state lives in a provider around both: when a bulk decision is refused
// (no clause, nothing chosen), the answer carries the selection back and every box that was ticked is ticked
// again — also without JavaScript, where the page is rendered afresh from that answer.
import { createContext, use, useActionState, useTransition, type FormEvent, type ReactNode } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { FormStatus } from '@/components/ui/form-status';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;
const Selection = createContext<{ state: FormState; submit: (formData: FormData) => void } | null>(null);

export function BulkSelection({ action, children }: { action: Action; children: ReactNode }) {
  const [state, submit] = useActionState(action, { status: 'idle' } as FormState);
  return <Selection value={{ state, submit }}>{children}</Selection>;
}

export function BulkForm({ children }: { children: ReactNode }) {
  const selection = use(Selection);
  const [, startTransition] = useTransition();
  if (!selection) throw new Error('BulkForm must be inside BulkSelection');
  // Dispatching the action ourselves (rather than through the form's action) skips React's reset of the form,
  // which would clear the selection. Without JavaScript the form posts as usual.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => selection.submit(formData));
  };
  return (
    <form action={selection.submit} onSubmit={onSubmit} className="bulk" id="bulk-form">
      {children}
      <FormStatus state={selection.state} />
    </form>
  );
}

/** A card's checkbox: ticked again when a refused bulk decision sends the selection back. */
export function SelectBox({ value }: { value: string }) {
  const state = use(Selection)?.state;
  const kept = state?.status === 'invalid' ? (state.values?.selected ?? '').split(' ') : [];
  return <input type="checkbox" name="selected" value={value} form="bulk-form" defaultChecked={kept.includes(value)} />;
}
