'use client';
import { useActionState, useId } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { FieldError, FormStatus } from '@/components/ui/form-status';

type State = FormState<'statement'>;
type Props = { action: (previous: State, formData: FormData) => Promise<State>; commentId: string };

export function AppealForm({ action, commentId }: Props) {
  const [state, submit, pending] = useActionState(action, { status: 'idle' } as State);
  const id = useId();
  const errors = state.status === 'invalid' ? state.fieldErrors.statement : undefined;
  if (state.status === 'done') return <FormStatus state={state} />;
  return (
    <details className="comment__disclosure">
      <summary>Appeal this decision</summary>
      <form action={submit} noValidate>
        <input type="hidden" name="commentId" value={commentId} />
        <div className="field">
          <label htmlFor={`${id}-statement`}>Why should this decision change? (you can appeal once)</label>
          <textarea
            id={`${id}-statement`}
            name="statement"
            maxLength={1000}
            defaultValue={state.status === 'invalid' ? state.values?.statement : undefined}
            aria-invalid={errors ? true : undefined}
            aria-describedby={errors ? `${id}-error` : undefined}
            style={{ minHeight: '5rem' }}
          />
          <FieldError id={`${id}-error`} errors={errors} />
        </div>
        <FormStatus state={state} />
        <button type="submit" className="button button--quiet" disabled={pending}>
          Send appeal
        </button>
      </form>
    </details>
  );
}
