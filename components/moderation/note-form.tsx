'use client';
import { useActionState, useState } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { FieldError, FormStatus } from '@/components/ui/form-status';

type State = FormState<'body'>;
type Props = { action: (previous: State, formData: FormData) => Promise<State>; userId: string };

/** A moderator's note on an account: the box empties once the note is saved and keeps the text when it is not. */
export function NoteForm({ action, userId }: Props) {
  const [state, submit, pending] = useActionState(action, { status: 'idle' } as State);
  const [seen, setSeen] = useState(state);
  const [body, setBody] = useState('');
  if (state !== seen) {
    setSeen(state);
    setBody(state.status === 'done' ? '' : state.status === 'invalid' ? (state.values?.body ?? body) : body);
  }
  const errors = state.status === 'invalid' ? state.fieldErrors.body : undefined;
  return (
    <form action={submit} noValidate>
      <input type="hidden" name="userId" value={userId} />
      <div className="field">
        <label htmlFor="note-body">Add a note (staff only)</label>
        <span className="field__hint">
          Only staff see notes on the site. The reader’s data download includes their text and date, not your name.
        </span>
        <textarea
          id="note-body"
          name="body"
          rows={3}
          maxLength={2000}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? 'note-error' : undefined}
        />
        <FieldError id="note-error" errors={errors} />
      </div>
      <FormStatus state={state} />
      <button type="submit" className="button button--quiet" disabled={pending}>
        Add note
      </button>
    </form>
  );
}
