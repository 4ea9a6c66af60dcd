import type { FormState } from '@/lib/actions/form-state';

/** The form-level message; field errors render under their fields. */
export function FormStatus({ state, id }: { state: FormState; id?: string }) {
  if (state.status === 'idle') return null;
  if (state.status === 'done')
    return (
      <p id={id} role="status" className={`notice notice--${state.tone ?? 'ok'}`}>
        {state.message}
      </p>
    );
  if (!state.message) return null;
  return (
    <p id={id} role="alert" className="notice notice--error">
      {state.message}
    </p>
  );
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="field__error">
      {errors.join(' ')}
    </p>
  );
}
