'use client';
import { useActionState, useId } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { FieldError, FormStatus } from '@/components/ui/form-status';

type State = FormState<'autoCloseDays' | 'commentMode'>;
type Props = {
  action: (previous: State, formData: FormData) => Promise<State>;
  /** ownMode: the story's own comment mode, or null when it follows its presets. */
  article: { id: string; ownMode: string | null; autoCloseDays: number | null };
};

export function ArticleSettingsForm({ action, article }: Props) {
  const [state, submit, pending] = useActionState(action, { status: 'idle' } as State);
  const id = useId();
  const errors = state.status === 'invalid' ? state.fieldErrors.autoCloseDays : undefined;
  return (
    <form action={submit} className="decision__row">
      <input type="hidden" name="articleId" value={article.id} />
      <div className="field" style={{ marginBottom: 0 }}>
        <label htmlFor={`${id}-mode`}>Comment mode</label>
        <select id={`${id}-mode`} name="commentMode" defaultValue={article.ownMode ?? 'presets'}>
          <option value="presets">Follow presets</option>
          <option value="open">Open</option>
          <option value="premoderated">Pre-moderated</option>
          <option value="closed">Closed</option>
        </select>
      </div>
      <div className="field" style={{ marginBottom: 0 }}>
        <label htmlFor={`${id}-days`}>Close after (days, empty = follow presets)</label>
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
