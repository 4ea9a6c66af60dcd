'use client';
import { useActionState, type ReactNode } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { FormStatus } from '@/components/ui/form-status';

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  children: ReactNode;
  className?: string;
  id?: string;
};

/** A form whose server action answers with a FormState message (user measures, appeals). */
export function ActionForm({ action, children, className, id }: Props) {
  const [state, submit] = useActionState(action, { status: 'idle' } as FormState);
  return (
    <form action={submit} className={className} id={id}>
      {children}
      <FormStatus state={state} />
    </form>
  );
}
