'use client';
import { useActionState, useId } from 'react';
import { FieldError, FormStatus } from '@/components/ui/form-status';
import type { Preset } from '@/lib/policy/presets';
import type { PresetField } from '@/lib/validation/presets';
import type { PresetState } from './actions';

type Props = {
  action: (previous: PresetState, formData: FormData) => Promise<PresetState>;
  /** The preset to edit, or null for a new one. */
  preset: Preset | null;
};

const modeWords = { open: 'open', premoderated: 'pre-moderated', closed: 'closed' } as const;

export function PresetForm({ action, preset }: Props) {
  const [state, submit, pending] = useActionState(action, { status: 'idle' } as PresetState);
  const id = useId();
  const errors = (state.status === 'invalid' ? state.fieldErrors : {}) as Partial<Record<PresetField, string[]>>;
  const draft = state.status === 'idle' ? undefined : state.draft;
  const text = (name: string, saved: string) => draft?.text[name] ?? saved;
  const impact = state.status === 'done' ? state.impact : undefined;
  const closeInDays = preset?.closeAfterHours != null && preset.closeAfterHours % 24 === 0;
  const field = (name: PresetField, label: string, saved: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        name={name}
        defaultValue={text(name, saved)}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={hint ? `${id}-${name}-hint` : undefined}
      />
      {hint && (
        <span id={`${id}-${name}-hint`} className="field__hint">
          {hint}
        </span>
      )}
      <FieldError id={`${id}-${name}-error`} errors={errors[name]} />
    </div>
  );
  return (
    <form action={submit} className="rules-form" aria-label={preset ? `Preset ${preset.name}` : 'New preset'}>
      <input type="hidden" name="presetId" value={preset?.id ?? ''} />
      {field('name', 'Name', preset?.name ?? '')}
      {field(
        'sections',
        'Sections',
        preset?.sections.join(', ') ?? '',
        'Comma-separated; “Technology” also matches “Technology / World”.',
      )}
      {field('tags', 'Tags', preset?.tags.join(', ') ?? '', 'Comma-separated; a story with any of them matches.')}
      <div className="field">
        <label htmlFor={`${id}-mode`}>Comment mode</label>
        {/* Keyed by the value: React resets a form after its action to the defaults, and a select only takes a new
            defaultValue when it mounts. */}
        <select
          key={text('mode', preset?.mode ?? '')}
          id={`${id}-mode`}
          name="mode"
          defaultValue={text('mode', preset?.mode ?? '')}
        >
          <option value="">Leave to the next level</option>
          <option value="open">Open</option>
          <option value="premoderated">Pre-moderated</option>
          <option value="closed">Closed</option>
        </select>
        <FieldError id={`${id}-mode-error`} errors={errors.mode} />
      </div>
      {field(
        'premoderateHours',
        'Pre-moderate for the first N hours after publication',
        preset?.premoderateHours == null ? '' : String(preset.premoderateHours),
        'Empty: no window.',
      )}
      <div className="field">
        <label htmlFor={`${id}-closeAfter`}>Close comments after</label>
        <input
          id={`${id}-closeAfter`}
          name="closeAfter"
          inputMode="numeric"
          defaultValue={text(
            'closeAfter',
            preset?.closeAfterHours == null
              ? ''
              : String(closeInDays ? preset.closeAfterHours / 24 : preset.closeAfterHours),
          )}
          aria-invalid={errors.closeAfterHours ? true : undefined}
          style={{ width: '8rem' }}
        />{' '}
        <select
          key={text('closeAfterUnit', preset?.closeAfterHours != null && !closeInDays ? 'hours' : 'days')}
          name="closeAfterUnit"
          aria-label="Unit of the close-after time"
          defaultValue={text('closeAfterUnit', preset?.closeAfterHours != null && !closeInDays ? 'hours' : 'days')}
        >
          <option value="days">days after publication</option>
          <option value="hours">hours after publication</option>
        </select>
        <FieldError id={`${id}-closeAfter-error`} errors={errors.closeAfterHours ?? errors.closeAfterUnit} />
      </div>
      {field(
        'holdLinksFrom',
        'Hold comments with this many links or more',
        preset?.holdLinksFrom == null ? '' : String(preset.holdLinksFrom),
        '1 holds from the first link. Empty: as the rules say.',
      )}
      <label>
        <input
          key={String(draft ? draft.rejectSuspectTerms : (preset?.rejectSuspectTerms ?? false))}
          type="checkbox"
          name="rejectSuspectTerms"
          defaultChecked={draft ? draft.rejectSuspectTerms : (preset?.rejectSuspectTerms ?? false)}
        />{' '}
        Reject suspect terms (possible name-calling) instead of holding them
      </label>
      <div className="field">
        <label htmlFor={`${id}-notice`}>Notice shown above the comment box</label>
        <textarea id={`${id}-notice`} name="notice" rows={2} defaultValue={text('notice', preset?.notice ?? '')} />
        <FieldError id={`${id}-notice-error`} errors={errors.notice} />
      </div>
      {preset && (
        <label>
          <input
            key={String(draft?.remove ?? false)}
            type="checkbox"
            name="remove"
            defaultChecked={draft?.remove ?? false}
          />{' '}
          Delete this preset
        </label>
      )}
      {field('note', 'What changed and why (kept with the version)', '')}
      <FormStatus state={state} />
      {impact && (
        <section className="dry-run" aria-label="Dry run result">
          <p>
            Stories affected: <strong data-testid="impact-stories">{impact.stories}</strong> · Pending comments on them:{' '}
            <strong data-testid="impact-pending">{impact.pendingComments}</strong>
          </p>
          {impact.examples.length > 0 && (
            <ul>
              {impact.examples.map((story) => (
                <li key={story.slug}>
                  {story.headline}: {modeWords[story.before]} → {modeWords[story.after]}
                </li>
              ))}
            </ul>
          )}
          <input type="hidden" name="confirmHash" value={state.status === 'done' ? state.confirmHash : ''} />
          <button type="submit" name="intent" value="save" className="button" disabled={pending}>
            Save
          </button>
        </section>
      )}
      <button type="submit" name="intent" value="dry-run" className="button button--quiet" disabled={pending}>
        Dry run
      </button>
    </form>
  );
}
