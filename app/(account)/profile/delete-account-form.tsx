'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { FormStatus } from '@/components/ui/form-status';

type Props = { action: (previous: FormState, formData: FormData) => Promise<FormState> };

/** Step one of deleting an account: the button only sends an email; the link in it leads to the confirmation. */
export function DeleteAccountForm({ action }: Props) {
  const [state, submit, pending] = useActionState(action, { status: 'idle' } as FormState);
  return (
    <form action={submit}>
      <FormStatus state={state} />
      {state.status !== 'done' && (
        <button type="submit" className="button button--quiet" disabled={pending}>
          Email me a link to delete my account
        </button>
      )}
    </form>
  );
}
