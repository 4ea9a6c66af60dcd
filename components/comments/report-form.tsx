'use client';
import { useActionState, useId } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { ClauseSelect } from '@/components/ui/clause-select';
import { FieldError, FormStatus } from '@/components/ui/form-status';

type State = FormState<'commentId' | 'clause' | 'note'>;

type Props = {
  action: (previous: State, formData: FormData) => Promise<State>;
  commentId: string;
  clauses: { id: string; label: string }[];
};

export function ReportForm({ action, commentId, clauses }: Props) {
  const [state, submit, pending] = useActionState(action, { status: 'idle' } as State);
  const id = useId();
  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  const values = state.status === 'invalid' ? state.values : undefined;
  if (state.status === 'done') return <FormStatus state={state} />;
  return (
    <form action={submit} className="report-form" noValidate>
      <input type="hidden" name="commentId" value={commentId} />
      <div className="field">
        <label htmlFor={`${id}-clause`}>Which part of the policy does it break?</label>
        <ClauseSelect id={id} clauses={clauses} errors={errors.clause} defaultValue={values?.clause ?? ''} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note for the moderators (optional)</label>
        <textarea
          id={`${id}-note`}
          name="note"
          maxLength={500}
          defaultValue={values?.note ?? ''}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={errors.note ? `${id}-note-error` : undefined}
          style={{ minHeight: '4rem' }}
        />
        <FieldError id={`${id}-note-error`} errors={errors.note} />
      </div>
      <FormStatus state={state} />
      <button type="submit" className="button button--quiet" disabled={pending}>
        Send report
      </button>
    </form>
  );
}
