'use client';
import { useActionState, useId } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { ClauseSelect } from '@/components/ui/clause-select';
import { FieldError, FormStatus } from '@/components/ui/form-status';

type State = FormState<'clause' | 'note' | 'decision'>;
type Props = {
  action: (previous: State, formData: FormData) => Promise<State>;
  commentId: string;
  version: number;
  status: string;
  featured: boolean;
  clauses: { id: string; label: string }[];
};

/** Approve / reject-with-clause / feature for one card. The version makes a second moderator's click a clear conflict. */
export function DecisionForm({ action, commentId, version, status, featured, clauses }: Props) {
  const [state, submit, pending] = useActionState(action, { status: 'idle' } as State);
  const id = useId();
  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  const hidden = (
    <>
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
  return (
    <div className="decision">
      <FormStatus state={state} />
      <div className="decision__row">
        {status === 'PENDING' && (
          <form action={submit}>
            {hidden}
            <input type="hidden" name="decision" value="approve" />
            <button type="submit" className="button" data-action="approve" disabled={pending}>
              Approve
            </button>
          </form>
        )}
        {status === 'REJECTED' && (
          // Reinstating reverses a decision (and tells the commenter): it asks first, with or without JavaScript.
          <details className="decision__confirm">
            <summary className="button">Reinstate (approve)…</summary>
            <form action={submit}>
              {hidden}
              <input type="hidden" name="decision" value="approve" />
              <p>Reverse the rejection and publish this comment? The commenter is told.</p>
              <button type="submit" className="button" data-action="approve" disabled={pending}>
                Yes, reinstate it
              </button>
            </form>
          </details>
        )}
        {status === 'PUBLISHED' && (
          <form action={submit}>
            {hidden}
            <input type="hidden" name="decision" value="approve" />
            <button type="submit" className="button" data-action="approve" disabled={pending}>
              Keep published
            </button>
          </form>
        )}
        {status === 'PUBLISHED' && (
          <form action={submit}>
            {hidden}
            <input type="hidden" name="decision" value={featured ? 'unfeature' : 'feature'} />
            <button type="submit" className="button button--quiet" data-action="feature" disabled={pending}>
              {featured ? 'Remove from editors’ picks' : 'Feature as an editors’ pick'}
            </button>
          </form>
        )}
      </div>
      {status !== 'REJECTED' && (
        <form action={submit} className="decision__reject">
          {hidden}
          <input type="hidden" name="decision" value="reject" />
          <div className="field">
            <label htmlFor={`${id}-clause`}>Reject under</label>
            <ClauseSelect id={id} clauses={clauses} errors={errors.clause} dataAction="reject-clause" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-note`}>Note to the commenter (optional)</label>
            <input
              id={`${id}-note`}
              name="note"
              maxLength={1000}
              defaultValue={state.status === 'invalid' ? state.values?.note : undefined}
            />
            <FieldError id={`${id}-note-error`} errors={errors.note} />
          </div>
          <button type="submit" className="button button--danger" data-action="reject" disabled={pending}>
            Reject
          </button>
        </form>
      )}
    </div>
  );
}
