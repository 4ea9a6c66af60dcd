'use client';
import { useActionState, useId } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { FieldError, FormStatus } from '@/components/ui/form-status';

type State = FormState<string>;
type Props = {
  action: (previous: State, formData: FormData) => Promise<State>;
  /** What is appealed, as hidden fields: `{ commentId }` for a decision on a comment, `{ measure }` for a measure
   *  on the account (issue 16). */
  fields: Record<string, string>;
  summary: string;
  label: string;
};

/** A reader's appeal, once per decision or measure: a statement of why it should change. Posts without JavaScript;
 *  a refused statement comes back open, under its field. */
export function AppealForm({ action, fields, summary, label }: Props) {
  const [state, submit, pending] = useActionState(action, { status: 'idle' } as State);
  const id = useId();
  const errors = state.status === 'invalid' ? state.fieldErrors.statement : undefined;
  if (state.status === 'done') return <FormStatus state={state} />;
  return (
    <details className="comment__disclosure" open={state.status === 'invalid' ? true : undefined}>
      <summary>{summary}</summary>
      <form action={submit} noValidate>
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="field">
          <label htmlFor={`${id}-statement`}>{label}</label>
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
