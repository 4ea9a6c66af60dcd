// Admin changes that are dry-run before they are saved (policy rules, story presets): the dry run hands the form
// a fingerprint of exactly what it judged, and a save is only accepted with that fingerprint, so nobody saves a
// change they have not seen the effect of (or one whose base changed meanwhile: put the base in the value).
import { createHash } from 'node:crypto';

export const dryRunHash = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** What the form asks for: a dry run, a save of what was dry-run, or a save of something else (`stale`). */
export function dryRunIntent(formData: FormData, hash: string): 'dry-run' | 'save' | 'stale' {
  if (formData.get('intent') !== 'save') return 'dry-run';
  return formData.get('confirmHash') === hash ? 'save' : 'stale';
}
