'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { FormStatus } from '@/components/ui/form-status';

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  commentId: string;
  token: string;
};

/** Withdraws the author's reply (the action redirects to the story when it is done). */
export function DeleteReplyForm({ action, commentId, token }: Props) {
  const [state, submit, pending] = useActionState(action, { status: 'idle' } as FormState);
  return (
    <form action={submit}>
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="token" value={token} />
      <FormStatus state={state} />
      <button type="submit" className="button button--quiet" disabled={pending}>
        Delete reply
      </button>
    </form>
  );
}
