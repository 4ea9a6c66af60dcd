'use client';
import { useActionState, useTransition, type FormEvent, type ReactNode } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { FormStatus } from '@/components/ui/form-status';

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  children: ReactNode;
  className?: string;
  id?: string;
  /**
   * Keep what was entered or selected after the action answers. React resets a form after its action
   * runs; the bulk form owns the cards' checkboxes, and a validation error must not clear the selection.
   */
  keepValues?: boolean;
};

/** A form whose server action answers with a FormState message (user measures, appeals, bulk). */
export function ActionForm({ action, children, className, id, keepValues = false }: Props) {
  const [state, submit] = useActionState(action, { status: 'idle' } as FormState);
  const [, startTransition] = useTransition();
  // Dispatching the action ourselves (rather than through the form's action) skips React's reset.
  // Without JavaScript the form posts as usual.
  const onSubmit = keepValues
    ? (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
        startTransition(() => submit(formData));
      }
    : undefined;
  return (
    <form action={submit} onSubmit={onSubmit} className={className} id={id}>
      {children}
      <FormStatus state={state} />
    </form>
  );
}
