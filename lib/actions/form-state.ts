// The state every form action returns: errors the user can fix, keyed by field, plus what they typed.
export type FormState<Field extends string = string> =
  | { status: 'idle' }
  | { status: 'done'; message: string; tone?: 'ok' | 'warn'; at?: number }
  | {
      status: 'invalid';
      fieldErrors: Partial<Record<Field, string[]>>;
      message?: string;
      values?: Partial<Record<Field, string>>;
    };

export const idle = { status: 'idle' } as const;

export function invalid<Field extends string>(
  fieldErrors: Partial<Record<Field, string[]>>,
  message?: string,
  values?: Partial<Record<Field, string>>,
): FormState<Field> {
  return { status: 'invalid', fieldErrors, message, values };
}

/** FormData → plain object of strings (files ignored), for zod. Actions are public endpoints: anything other
 *  than FormData (a hand-made request with other arguments) reads as an empty form, not a crash. */
export function formValues(formData: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (!(formData instanceof FormData)) return values;
  for (const [key, value] of formData.entries())
    if (typeof value === 'string' && !key.startsWith('$ACTION')) values[key] = value;
  return values;
}
