'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { FieldError, FormStatus } from '@/components/ui/form-status';

type Props = {
  action: (previous: FormState<'email'>, formData: FormData) => Promise<FormState<'email'>>;
  callbackUrl: string;
};

export function SignInForm({ action, callbackUrl }: Props) {
  const [state, submit, pending] = useActionState(action, { status: 'idle' } as FormState<'email'>);
  const errors = state.status === 'invalid' ? state.fieldErrors.email : undefined;
  return (
    <form action={submit} noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="field">
        <label htmlFor="email">Email address</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.status === 'invalid' ? state.values?.email : undefined}
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? 'email-error' : undefined}
        />
        <FieldError id="email-error" errors={errors} />
      </div>
      <FormStatus state={state} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Sending…' : 'Email me a sign-in link'}
      </button>
    </form>
  );
}
