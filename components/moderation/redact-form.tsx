'use client';
import { useActionState, useId } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { ClauseSelect } from '@/components/ui/clause-select';
import { FieldError, FormStatus } from '@/components/ui/form-status';

type State = FormState<'body' | 'clause' | 'note'>;
type Props = {
  action: (previous: State, formData: FormData) => Promise<State>;
  commentId: string;
  version: number;
  body: string;
  clauses: { id: string; label: string }[];
};

/**
 * "Edit and approve" (lib/moderation/redact.ts): a disclosure with the comment in a textarea. The moderator deletes
 * the part that must go or replaces it with [removed]; anything else (an added or changed word) is refused with a
 * message under the field. A plain form: it works without JavaScript, and stays open to show what was refused.
 */
export function RedactForm({ action, commentId, version, body, clauses }: Props) {
  const [state, submit, pending] = useActionState(action, { status: 'idle' } as State);
  const id = useId();
  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  const values = state.status === 'invalid' ? state.values : undefined;
  return (
    <details className="decision__confirm decision__redact" data-action="redact" open={state.status === 'invalid'}>
      <summary className="button button--quiet">Edit and approve…</summary>
      <form action={submit}>
        <input type="hidden" name="commentId" value={commentId} />
        <input type="hidden" name="version" value={version} />
        <FormStatus state={state} />
        <div className="field">
          <label htmlFor={`${id}-body`}>Comment as it will be published</label>
          <p className="field__hint" id={`${id}-body-hint`}>
            Delete what must go, or replace it with [removed]. You can only remove text: readers see “[removed by a
            moderator]” where it was, and the writer is told what was removed and why.
          </p>
          <textarea
            id={`${id}-body`}
            name="body"
            rows={6}
            defaultValue={values?.body ?? body}
            aria-invalid={errors.body ? true : undefined}
            aria-describedby={`${id}-body-hint${errors.body ? ` ${id}-body-error` : ''}`}
            dir="auto"
          />
          <FieldError id={`${id}-body-error`} errors={errors.body} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-clause`}>Removed under</label>
          <ClauseSelect id={id} clauses={clauses} errors={errors.clause} defaultValue={values?.clause} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>Message to the writer about the removal (optional)</label>
          <input id={`${id}-note`} name="note" maxLength={1000} defaultValue={values?.note} />
          <FieldError id={`${id}-note-error`} errors={errors.note} />
        </div>
        <button type="submit" className="button" data-action="redact-approve" disabled={pending}>
          Publish without the removed text
        </button>
      </form>
    </details>
  );
}
