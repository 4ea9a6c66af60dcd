import type { FormState } from '@/lib/actions/form-state';
import { ClauseSelect } from '@/components/ui/clause-select';
import { ActionForm } from './action-form';

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  userId: string;
  /** Makes the fields' ids unique where several forms share a page (one per card). */
  idPrefix: string;
  clauses: { id: string; label: string }[];
};

/** Suspend, ban or pre-moderate an account under a clause, with a message the reader is emailed, or lift a
 *  measure: on each card and on the commenter page. */
export function MeasureForm({ action, userId, idPrefix, clauses }: Props) {
  return (
    <ActionForm action={action} className="decision__row">
      <input type="hidden" name="userId" value={userId} />
      <div className="field">
        <label htmlFor={`measure-${idPrefix}`}>Measure</label>
        <select id={`measure-${idPrefix}`} name="measure" defaultValue="suspend">
          <option value="suspend">Suspend for…</option>
          <option value="unsuspend">Lift suspension</option>
          <option value="premoderate-on">Put on pre-moderation</option>
          <option value="premoderate-off">Take off pre-moderation</option>
          <option value="ban">Ban</option>
          <option value="unban">Lift ban</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`days-${idPrefix}`}>Days (suspension)</label>
        <select id={`days-${idPrefix}`} name="days" defaultValue="7">
          <option value="1">1 day</option>
          <option value="7">7 days</option>
          <option value="30">30 days</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`measure-${idPrefix}-clause`}>Under (required to impose)</label>
        <ClauseSelect id={`measure-${idPrefix}`} clauses={clauses} />
      </div>
      <div className="field">
        <label htmlFor={`measure-note-${idPrefix}`}>Message to the reader</label>
        <textarea id={`measure-note-${idPrefix}`} name="note" rows={2} maxLength={1000} />
      </div>
      <button type="submit" className="button button--quiet">
        Apply
      </button>
    </ActionForm>
  );
}
