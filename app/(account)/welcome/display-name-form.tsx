'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { FieldError, FormStatus } from '@/components/ui/form-status';

type State = FormState<'displayName'>;
type Props = {
  action: (previous: State, formData: FormData) => Promise<State>;
  /** Where the first choice continues to (/welcome); a change from the profile stays there. */
  next?: string;
  current?: string;
  submitLabel?: string;
};

/** The first choice of a display name (/welcome) and a change of it (/profile). */
export function DisplayNameForm({ action, next, current, submitLabel = 'Save and continue' }: Props) {
  const [state, submit, pending] = useActionState(action, { status: 'idle' } as State);
  const errors = state.status === 'invalid' ? state.fieldErrors.displayName : undefined;
  return (
    <form action={submit} noValidate>
      {next !== undefined && <input type="hidden" name="next" value={next} />}
      <div className="field">
        <label htmlFor="displayName">Display name</label>
        <input
          id="displayName"
          name="displayName"
          autoComplete="nickname"
          maxLength={60}
          defaultValue={state.status === 'invalid' ? state.values?.displayName : current}
          aria-invalid={errors ? true : undefined}
          aria-describedby={`displayName-hint${errors ? ' displayName-error' : ''}`}
        />
        <span id="displayName-hint" className="field__hint">
          2–30 characters, shown next to your comments. Do not use someone else’s name (policy §6).
        </span>
        <FieldError id="displayName-error" errors={errors} />
      </div>
      <FormStatus state={state} />
      <button type="submit" className="button" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
