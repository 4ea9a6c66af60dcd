// The story presets form (/moderate/presets, issue 18): how its fields become a Preset, and what is echoed back.
import { z } from 'zod';
import { commentModes, matchesNothingMessage, matchesSomething, presetFields } from '../policy';

export const presetFormFields = [
  'name',
  'sections',
  'tags',
  'mode',
  'premoderateHours',
  'closeAfter',
  'closeAfterUnit',
  'holdLinksFrom',
  'notice',
  'note',
] as const;
export type PresetField = (typeof presetFormFields)[number] | 'closeAfterHours';

/** What the admin typed, echoed back so a refused or dry-run form keeps every edit. */
export type PresetDraft = { text: Record<string, string>; rejectSuspectTerms: boolean; remove: boolean };

export const presetFormSchema = presetFields
  .omit({ id: true })
  .extend({
    /** The preset being edited; empty for a new one. */
    presetId: z.string().max(60),
    remove: z.boolean(),
    closeAfterUnit: z.enum(['days', 'hours'], { error: 'Choose days or hours.' }),
    note: z.string().trim().max(500, 'Keep the note under 500 characters.'),
  })
  .refine((form) => form.remove || matchesSomething(form), { message: matchesNothingMessage, path: ['sections'] });

const list = (text: string) =>
  text
    .split(',')
    .map((entry) => entry.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text.trim()));

export function readPresetForm(formData: FormData): unknown {
  const text = (name: string) => String(formData.get(name) ?? '');
  const mode = text('mode');
  const closeAfter = numberOrNull(text('closeAfter'));
  return {
    presetId: text('presetId'),
    closeAfterUnit: formData.get('closeAfterUnit') ?? 'days',
    remove: formData.get('remove') === 'on',
    note: text('note'),
    name: text('name'),
    sections: list(text('sections')),
    tags: list(text('tags')),
    mode: mode === '' ? null : (commentModes as readonly string[]).includes(mode) ? mode : 'invalid',
    premoderateHours: numberOrNull(text('premoderateHours')),
    // A fraction of a day is refused like any other fraction, not turned into whole hours.
    closeAfterHours:
      closeAfter === null || !Number.isInteger(closeAfter) || text('closeAfterUnit') === 'hours'
        ? closeAfter
        : closeAfter * 24,
    holdLinksFrom: numberOrNull(text('holdLinksFrom')),
    rejectSuspectTerms: formData.get('rejectSuspectTerms') === 'on',
    notice: text('notice'),
  };
}

export function readPresetDraft(formData: FormData): PresetDraft {
  const text: Record<string, string> = {};
  for (const name of presetFormFields) text[name] = String(formData.get(name) ?? '').slice(0, 10_000);
  return {
    text,
    rejectSuspectTerms: formData.get('rejectSuspectTerms') === 'on',
    remove: formData.get('remove') === 'on',
  };
}
