// The story presets form (issue 18): days become hours, blanks leave a setting to the next level, and what cannot
// be a preset is refused with the field to fix.
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { presetFormSchema, readPresetForm } from '@/lib/validation/presets';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return presetFormSchema.safeParse(readPresetForm(data));
};
const base = { presetId: '', name: 'Inquests', tags: 'Inquest, Coroner', sections: '', mode: 'premoderated', note: '' };

describe('the presets form', () => {
  test('days become hours; blanks are left to the next level', () => {
    const parsed = form({ ...base, closeAfter: '7', closeAfterUnit: 'days', rejectSuspectTerms: 'on' });
    expect(parsed.success && parsed.data).toMatchObject({
      tags: ['Inquest', 'Coroner'],
      sections: [],
      mode: 'premoderated',
      closeAfterHours: 168,
      premoderateHours: null,
      holdLinksFrom: null,
      rejectSuspectTerms: true,
    });
    const hours = form({ ...base, closeAfter: '36', closeAfterUnit: 'hours', mode: '' });
    expect(hours.success && hours.data).toMatchObject({ closeAfterHours: 36, mode: null });
  });

  test('a fraction of a day, an unknown unit or mode, or a preset matching nothing is refused', () => {
    const errors = (fields: Record<string, string>) => {
      const parsed = form(fields);
      return parsed.success ? null : Object.keys(z.flattenError(parsed.error).fieldErrors);
    };
    expect(errors({ ...base, closeAfter: '1.5', closeAfterUnit: 'days' })).toEqual(['closeAfterHours']);
    expect(errors({ ...base, closeAfter: '2', closeAfterUnit: 'weeks' })).toEqual(['closeAfterUnit']);
    expect(errors({ ...base, mode: 'sometimes' })).toEqual(['mode']);
    expect(errors({ ...base, tags: ' , ' })).toEqual(['sections']);
    expect(errors({ ...base, holdLinksFrom: '0' })).toEqual(['holdLinksFrom']);
  });
});
