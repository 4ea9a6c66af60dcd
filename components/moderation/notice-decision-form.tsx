'use client';
// One notice's decision: remove the content citing a clause, or no action; the reasons go to the reporter (and,
// for a removed comment, to its writer in the usual statement of reasons). Works without JavaScript.
import { useActionState, useId } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import type { NoticeDecisionField } from '@/lib/validation/notice';
import { ClauseSelect } from '@/components/ui/clause-select';
import { FieldError, FormStatus } from '@/components/ui/form-status';

type State = FormState<NoticeDecisionField>;
type Props = {
  action: (previous: State, formData: FormData) => Promise<State>;
  noticeId: string;
  /** "Remove the comment" or, for a story, "Uphold (the desk removes or corrects the story)". */
  removeLabel: string;
  clauses: { id: string; label: string }[];
};

export function NoticeDecisionForm({ action, noticeId, removeLabel, clauses }: Props) {
  const [state, submit, pending] = useActionState(action, { status: 'idle' } as State);
  const id = useId();
  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  const values = state.status === 'invalid' ? (state.values ?? {}) : {};
  return (
    <form action={submit} className="decision decision__reject">
      <input type="hidden" name="noticeId" value={noticeId} />
      <FormStatus state={state} />
      <div className="field">
        <label htmlFor={`${id}-clause`}>Clause the removal cites</label>
        <ClauseSelect id={id} clauses={clauses} errors={errors.clause} defaultValue={values.clause ?? ''} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reasons (sent to the reporter; name the law where it applies)</label>
        <textarea
          id={`${id}-reason`}
          name="reason"
          rows={3}
          maxLength={2000}
          defaultValue={values.reason ?? ''}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
        />
        <FieldError id={`${id}-reason-error`} errors={errors.reason} />
      </div>
      <div className="decision__row">
        <button type="submit" name="outcome" value="removed" className="button button--danger" disabled={pending}>
          {removeLabel}
        </button>
        <button type="submit" name="outcome" value="no-action" className="button" disabled={pending}>
          No action
        </button>
      </div>
    </form>
  );
}
