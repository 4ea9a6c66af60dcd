'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { FieldError, FormStatus } from '@/components/ui/form-status';

type Field = 'appealId' | 'outcome' | 'reason';
type State = FormState<Field>;
type Props = { action: (previous: State, formData: FormData) => Promise<State>; appealId: string };

/** Uphold or lift a measure on appeal, always with reasons (the reader is sent them); works without JavaScript. */
export function MeasureAppealDecisionForm({ action, appealId }: Props) {
  const [state, submit, pending] = useActionState(action, { status: 'idle' } as State);
  const errors = state.status === 'invalid' ? state.fieldErrors.reason : undefined;
  const fieldId = `measure-appeal-reason-${appealId}`;
  if (state.status === 'done') return <FormStatus state={state} />;
  return (
    <form action={submit} className="decision__row" noValidate>
      <input type="hidden" name="appealId" value={appealId} />
      <div className="field">
        <label htmlFor={fieldId}>Reasons (sent to the reader)</label>
        <textarea
          id={fieldId}
          name="reason"
          maxLength={1000}
          defaultValue={state.status === 'invalid' ? state.values?.reason : undefined}
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? `${fieldId}-error` : undefined}
        />
        <FieldError id={`${fieldId}-error`} errors={errors} />
      </div>
      <button type="submit" name="outcome" value="lift" className="button" disabled={pending}>
        Lift the measure
      </button>
      <button type="submit" name="outcome" value="uphold" className="button button--quiet" disabled={pending}>
        Uphold the measure
      </button>
      <FormStatus state={state} />
    </form>
  );
}
