// Building blocks every form, action and page filter shares.
import { z } from 'zod';

/** Control characters other than newline and tab, NUL in particular, never belong in anything a person types. */
export const forbiddenControl = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A record id as this app writes them (cuid or UUID). */
export const id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Invalid id.');

/** Query-string text (search boxes, filters): control characters removed, length capped. */
export function queryText(value: string | undefined, max = 200): string | undefined {
  return (
    value
      ?.replace(/[\u0000-\u001F\u007F]/g, '')
      .trim()
      .slice(0, max) || undefined
  );
}
