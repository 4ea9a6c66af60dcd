'use client';
import { useActionState, useId } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { FieldError, FormStatus } from '@/components/ui/form-status';

type State = FormState<'autoCloseDays'>;
type Props = {
  action: (previous: State, formData: FormData) => Promise<State>;
  article: { id: string; commentsOpen: boolean; premoderate: boolean; autoCloseDays: number | null };
};

export function ArticleSettingsForm({ action, article }: Props) {
  const [state, submit, pending] = useActionState(action, { status: 'idle' } as State);
  const id = useId();
  const errors = state.status === 'invalid' ? state.fieldErrors.autoCloseDays : undefined;
  return (
    <form action={submit} className="decision__row">
      <input type="hidden" name="articleId" value={article.id} />
      <label>
        <input type="checkbox" name="commentsOpen" defaultChecked={article.commentsOpen} /> Comments open
      </label>
      <label>
        <input type="checkbox" name="premoderate" defaultChecked={article.premoderate} /> Pre-moderate all comments
      </label>
      <div className="field" style={{ marginBottom: 0 }}>
        <label htmlFor={`${id}-days`}>Close after (days, empty = policy default)</label>
        <input
          id={`${id}-days`}
          name="autoCloseDays"
          inputMode="numeric"
          defaultValue={state.status === 'invalid' ? state.values?.autoCloseDays : (article.autoCloseDays ?? '')}
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? `${id}-error` : undefined}
          style={{ width: '8rem' }}
        />
        <FieldError id={`${id}-error`} errors={errors} />
      </div>
      <button type="submit" className="button button--quiet" disabled={pending}>
        Save
      </button>
      <FormStatus state={state} />
    </form>
  );
}
