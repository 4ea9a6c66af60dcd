// The preamble every form action shares: read the form, check the caller, validate with zod, and on any
// refusal return a typed invalid state that echoes what the user typed, so nothing they wrote is lost.
import { z } from 'zod';
import { formValues, invalid, type FormState } from './form-state';

/** Who may call: the actor (viewer, moderator…), or null for a caller who gets the `refused` message. */
export type Guard<Actor> = {
  actor: (values: Record<string, string>) => Promise<Actor | null>;
  refused: string;
};

/** Every key of a schema's input, across the members of a union. */
type FieldOf<Schema extends z.ZodType> =
  z.input<Schema> extends infer Input ? (Input extends object ? keyof Input & string : never) : never;

type FieldErrors<Field extends string> = Partial<Record<Field, string[]>>;

export type FormSpec<Schema extends z.ZodType, Actor, Field extends string = FieldOf<Schema>> = {
  guard?: Guard<Actor>;
  schema: Schema;
  /** Fields sent back as typed with every refusal (a field sent several times, like ticked boxes, comes back
   *  as its values joined by spaces). */
  echo?: readonly Field[];
  /** The form-level message of an invalid form (a function picks it from the field errors). */
  message?: string | ((fieldErrors: FieldErrors<Field>) => string);
  /** What the schema parses (default: the form's string values). */
  read?: (formData: FormData) => unknown;
};

export type ReadForm<Data, Actor, Field extends string> =
  | { ok: true; data: Data; actor: Actor; echo: Partial<Record<Field, string>> }
  | { ok: false; reason: 'refused' | 'invalid'; state: FormState<Field> };

export async function readForm<Schema extends z.ZodType, Actor = undefined>(
  formData: unknown,
  spec: FormSpec<Schema, Actor>,
): Promise<ReadForm<z.output<Schema>, Actor, FieldOf<Schema>>> {
  type Field = FieldOf<Schema>;
  const form = formData instanceof FormData ? formData : null;
  const values = formValues(form);
  const echo: Partial<Record<Field, string>> = {};
  for (const field of spec.echo ?? [])
    echo[field] = form
      ? form
          .getAll(field)
          .filter((v) => typeof v === 'string')
          .join(' ')
      : (values[field] ?? '');
  const actor = spec.guard ? await spec.guard.actor(values) : undefined;
  if (spec.guard && actor === null)
    return { ok: false, reason: 'refused', state: invalid<Field>({}, spec.guard.refused, echoed(spec, echo)) };

  const rejected = (fieldErrors: FieldErrors<Field>) => {
    const message = typeof spec.message === 'function' ? spec.message(fieldErrors) : spec.message;
    return { ok: false as const, reason: 'invalid' as const, state: invalid(fieldErrors, message, echoed(spec, echo)) };
  };
  const parsed = spec.schema.safeParse(form ? (spec.read ?? formValues)(form) : values);
  if (!parsed.success) return rejected(z.flattenError(parsed.error).fieldErrors as unknown as FieldErrors<Field>);
  // A hand-made call with other arguments is not a form, even where an empty form is valid (all boxes unticked).
  if (!form) return rejected({});
  return { ok: true, data: parsed.data, actor: actor as Actor, echo };
}

const echoed = <Field extends string>(spec: { echo?: readonly Field[] }, echo: Partial<Record<Field, string>>) =>
  spec.echo ? echo : undefined;
