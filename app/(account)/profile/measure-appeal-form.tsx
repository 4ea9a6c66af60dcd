'use client';
import { useActionState, useId } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { FieldError, FormStatus } from '@/components/ui/form-status';

type Field = 'measure' | 'statement';
type State = FormState<Field>;
type Props = {
  action: (previous: State, formData: FormData) => Promise<State>;
  measure: 'suspend' | 'ban' | 'premoderate';
  label: string;
};

/** Issue 16: the reader's appeal of a measure on their account, once per measure; posts without JavaScript too. */
export function MeasureAppealForm({ action, measure, label }: Props) {
  const [state, submit, pending] = useActionState(action, { status: 'idle' } as State);
  const id = useId();
  const errors = state.status === 'invalid' ? state.fieldErrors.statement : undefined;
  if (state.status === 'done') return <FormStatus state={state} />;
  return (
    <details className="comment__disclosure" open={state.status === 'invalid' ? true : undefined}>
      <summary>Appeal the {label}</summary>
      <form action={submit} noValidate>
        <input type="hidden" name="measure" value={measure} />
        <div className="field">
          <label htmlFor={`${id}-statement`}>Why should the {label} end? (you can appeal once)</label>
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
