'use client';
import { useActionState } from 'react';
import { FieldError, FormStatus } from '@/components/ui/form-status';
import { plural } from '@/lib/site/format';
import type { PolicySettings } from '@/lib/policy/settings';
import type { RulesField, RulesState } from './actions';

type Props = {
  action: (previous: RulesState, formData: FormData) => Promise<RulesState>;
  settings: PolicySettings;
  rules: readonly string[];
  readOnly?: boolean;
};

const listFields: [keyof PolicySettings, string, string][] = [
  [
    'bannedTerms',
    'Banned terms (rejected, §8)',
    'One word or phrase per line; matched as whole words, evasions included.',
  ],
  ['hateTerms', 'Hate terms (rejected, §2)', 'Slurs against groups of people.'],
  ['suspectTerms', 'Suspect terms (held, §1)', 'Insults a moderator should look at.'],
  ['threatPhrases', 'Threat phrases (held, §2)', 'Phrases that read as threats.'],
  [
    'allowlist',
    'Allowlist',
    'Innocent words and phrases never matched, however close to a listed term: places, surnames, titles (Dyke Road, Pussy Riot). A phrase exempts only itself; the dry run lists the entries at work.',
  ],
  [
    'ambiguousTerms',
    'Terms with an innocent sense (held, not rejected)',
    'Banned or hate terms that are also ordinary words or names (a dog, a ditch): a match is held for a moderator with the evidence.',
  ],
  ['blockedDomains', 'Blocked link domains (rejected, §7)', 'e.g. spam.example — subdomains included.'],
];
const numberFields: [keyof PolicySettings, string][] = [
  ['maxLinks', 'Links allowed before a comment is held'],
  ['shoutingMinLetters', 'Shouting: minimum letters'],
  ['shoutingCapsPercent', 'Shouting: capitals (%)'],
  ['duplicateWindowMinutes', 'Duplicate window (minutes)'],
  ['duplicateAccounts', 'Same text from this many other accounts is held'],
  ['floodPerUserPerMinute', 'Comments per account per minute'],
  ['floodPerIpPerMinute', 'Comments per address per minute'],
  ['newCommenterHoldCount', 'First comments of a new account held (0 = off)'],
  ['trustThreshold', 'Hold below this trust score'],
];

export function RulesForm({ action, settings, rules, readOnly }: Props) {
  const [state, submit, pending] = useActionState(action, { status: 'idle' } as RulesState);
  const errors = (state.status === 'invalid' ? state.fieldErrors : {}) as Partial<Record<RulesField, string[]>>;
  const dryRun = state.status === 'done' ? state.dryRun : undefined;
  const draft = state.status === 'idle' ? undefined : state.draft;
  const text = (name: string, saved: string) => draft?.text[name] ?? saved;
  return (
    <form action={submit} className="rules-form">
      <fieldset disabled={readOnly} className="rules-form__fields">
        {listFields.map(([name, label, hint]) => (
          <div className="field" key={name}>
            <label htmlFor={`rules-${name}`}>{label}</label>
            <textarea
              id={`rules-${name}`}
              name={name}
              defaultValue={text(name, (settings[name] as string[]).join('\n'))}
              rows={6}
              aria-describedby={`rules-${name}-hint`}
              aria-invalid={errors[name] ? true : undefined}
            />
            <span id={`rules-${name}-hint`} className="field__hint">
              {hint} ({plural((settings[name] as string[]).length, 'entry', 'entries')})
            </span>
            <FieldError id={`rules-${name}-error`} errors={errors[name]} />
          </div>
        ))}
        <div className="rules-form__numbers">
          {numberFields.map(([name, label]) => (
            <div className="field" key={name}>
              <label htmlFor={`rules-${name}`}>{label}</label>
              <input
                id={`rules-${name}`}
                name={name}
                inputMode="numeric"
                defaultValue={text(name, String(settings[name]))}
                aria-invalid={errors[name] ? true : undefined}
              />
              <FieldError id={`rules-${name}-error`} errors={errors[name]} />
            </div>
          ))}
          <div className="field">
            <label htmlFor="rules-autoCloseDays">Close comments after (days, empty = never)</label>
            <input
              id="rules-autoCloseDays"
              name="autoCloseDays"
              inputMode="numeric"
              defaultValue={text('autoCloseDays', String(settings.autoCloseDays ?? ''))}
            />
            <FieldError id="rules-autoCloseDays-error" errors={errors.autoCloseDays} />
          </div>
        </div>
        <label>
          <input
            type="checkbox"
            name="detectPersonalInfo"
            defaultChecked={draft ? draft.checked.detectPersonalInfo : settings.detectPersonalInfo}
          />{' '}
          Hold comments with email addresses or phone numbers (§5)
        </label>
        <fieldset className="field">
          <legend>Rules switched off</legend>
          <div className="rules-form__rules">
            {rules.map((rule) => (
              <label key={rule}>
                <input
                  type="checkbox"
                  name="disabledRules"
                  value={rule}
                  defaultChecked={
                    draft ? draft.disabledRules.includes(rule) : settings.disabledRules.includes(rule as never)
                  }
                />{' '}
                {rule}
              </label>
            ))}
          </div>
        </fieldset>
        {!readOnly && (
          <>
            <div className="field">
              <label htmlFor="rules-note">What changed and why (kept with the version)</label>
              <input id="rules-note" name="note" maxLength={500} defaultValue={text('note', '')} />
              <FieldError id="rules-note-error" errors={errors.note} />
            </div>
            <div className="field" style={{ maxWidth: '16rem' }}>
              <label htmlFor="rules-replayCount">Dry run over the last N comments</label>
              <input
                id="rules-replayCount"
                name="replayCount"
                inputMode="numeric"
                defaultValue={text('replayCount', '1000')}
              />
            </div>
          </>
        )}
      </fieldset>
      <FormStatus state={state} />
      {dryRun && (
        <section className="dry-run" aria-label="Dry run result">
          <table className="data-table">
            <caption>Outcome now (rows) → with these settings (columns)</caption>
            <thead>
              <tr>
                <th scope="col">now \ new</th>
                <th scope="col">publish</th>
                <th scope="col">hold</th>
                <th scope="col">reject</th>
              </tr>
            </thead>
            <tbody>
              {(['publish', 'hold', 'reject'] as const).map((from) => (
                <tr key={from}>
                  <th scope="row">{from}</th>
                  {(['publish', 'hold', 'reject'] as const).map((to) => (
                    <td key={to} data-move={`${from}-${to}`}>
                      {dryRun.matrix[from][to]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {dryRun.examples.length > 0 && (
            <ul className="dry-run__examples">
              {dryRun.examples.map((example) => (
                <li key={example.id}>
                  <strong>
                    {example.from} → {example.to}
                  </strong>
                  : “{example.body}”{' '}
                  {example.reasons.length > 0 && (
                    <span className="meta">({example.reasons.map((r) => r.ruleId).join(', ')})</span>
                  )}
                </li>
              ))}
            </ul>
          )}
          {dryRun.allowlisted.length > 0 && (
            <>
              <h3>Allowlist at work</h3>
              <p className="meta">
                Entries of the new allowlist that exempted text in these comments (and how many comments):
              </p>
              <ul className="dry-run__allowlist">
                {dryRun.allowlisted.map((hit) => (
                  <li key={hit.entry}>
                    “{hit.entry}” ({hit.comments})
                  </li>
                ))}
              </ul>
            </>
          )}
          <input type="hidden" name="confirmHash" value={state.status === 'done' ? state.confirmHash : ''} />
          <button type="submit" name="intent" value="save" className="button" disabled={pending}>
            Save as a new version
          </button>
        </section>
      )}
      {!readOnly && (
        <button type="submit" name="intent" value="dry-run" className="button button--quiet" disabled={pending}>
          {pending ? 'Working…' : 'Dry run'}
        </button>
      )}
    </form>
  );
}
