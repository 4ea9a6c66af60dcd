import { FieldError } from './form-status';

type Props = {
  /** Base id: the select is `${id}-clause`, its error `${id}-clause-error`. */
  id: string;
  clauses: { id: string; label: string }[];
  errors?: string[];
  defaultValue?: string;
  /** Extra attributes for scripts (e.g. the moderation keyboard shortcuts). */
  dataAction?: string;
};

/** A choice among the comment policy's clauses, with its field error. */
export function ClauseSelect({ id, clauses, errors, defaultValue = '', dataAction }: Props) {
  return (
    <>
      <select
        id={`${id}-clause`}
        name="clause"
        defaultValue={defaultValue}
        data-action={dataAction}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-clause-error` : undefined}
      >
        <option value="">Choose a clause…</option>
        {clauses.map((clause) => (
          <option key={clause.id} value={clause.id}>
            {clause.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-clause-error`} errors={errors} />
    </>
  );
}
