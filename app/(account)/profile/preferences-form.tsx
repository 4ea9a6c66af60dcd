'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { FormStatus } from '@/components/ui/form-status';

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  values: { notifyReplies: boolean; notifyAuthorReplies: boolean; notifyModeration: boolean };
};

const options = [
  ['notifyReplies', 'When someone replies to my comment'],
  ['notifyAuthorReplies', 'When the story’s author replies in my thread'],
  ['notifyModeration', 'When a moderator decides on my comment or appeal'],
] as const;

export function PreferencesForm({ action, values }: Props) {
  const [state, submit, pending] = useActionState(action, { status: 'idle' } as FormState);
  return (
    <form action={submit}>
      <fieldset className="field">
        <legend>Email me</legend>
        {options.map(([name, label]) => (
          <label key={name} className="field__check">
            <input type="checkbox" name={name} defaultChecked={values[name]} /> {label}
          </label>
        ))}
      </fieldset>
      <FormStatus state={state} />
      <button type="submit" className="button button--quiet" disabled={pending}>
        Save preferences
      </button>
    </form>
  );
}
