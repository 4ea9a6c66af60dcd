'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { FormStatus } from '@/components/ui/form-status';

type Props = { action: (previous: FormState, formData: FormData) => Promise<FormState>; commentId: string };

export function FreshLinkForm({ action, commentId }: Props) {
  const [state, submit, pending] = useActionState(action, { status: 'idle' } as FormState);
  if (state.status === 'done') return <FormStatus state={state} />;
  return (
    <form action={submit}>
      <input type="hidden" name="commentId" value={commentId} />
      <button type="submit" className="button button--quiet" disabled={pending}>
        Email me a fresh link
      </button>
    </form>
  );
}
