'use server';
import { revalidatePath } from 'next/cache';
import { dryRunHash, dryRunIntent } from '@/lib/actions/dry-run';
import { readForm } from '@/lib/actions/form-action';
import type { FormState } from '@/lib/actions/form-state';
import { adminOrNull } from '@/lib/auth/guards';
import { invalidateAllPages } from '@/lib/cache/invalidate';
import { getActivePolicy } from '@/lib/data/policy';
import { loadReplaySamples } from '@/lib/data/policy-replay';
import { savePolicyVersion } from '@/lib/moderation/policy-versions';
import { compilePolicy, replay, type PolicySettings, type ReplayResult } from '@/lib/policy';
import { plural } from '@/lib/site/format';
import { readRulesDraft, readRulesForm, rulesFormSchema, type RulesDraft } from '@/lib/validation/rules';

export type RulesField = keyof PolicySettings | 'note' | 'replayCount';
export type RulesState = FormState<RulesField> & { dryRun?: ReplayResult; confirmHash?: string; draft?: RulesDraft };

export async function rulesAction(_previous: RulesState, formData: FormData): Promise<RulesState> {
  const form = await readForm(formData, {
    guard: { actor: adminOrNull, refused: 'Only admins can change the rules.' },
    schema: rulesFormSchema,
    read: readRulesForm,
    message: 'Some settings are not valid; nothing was changed.',
  });
  if (!form.ok)
    return form.reason === 'invalid' && formData instanceof FormData
      ? { ...form.state, draft: readRulesDraft(formData) }
      : form.state;
  const { note, replayCount, ...settings } = form.data;
  const hash = dryRunHash(settings);
  const intent = dryRunIntent(formData, hash);
  if (intent !== 'dry-run') {
    if (intent === 'stale')
      return {
        status: 'invalid',
        fieldErrors: {},
        message: 'The settings changed since the last dry run: run the dry run again before saving.',
        draft: readRulesDraft(formData),
      };
    const version = await savePolicyVersion(settings, note, form.actor.id);
    invalidateAllPages();
    revalidatePath('/moderate/rules');
    return {
      status: 'done',
      message: `Saved as version ${version.id}. It applies to every new comment from now on.`,
      at: Date.now(),
    };
  }
  const samples = await loadReplaySamples(replayCount);
  const result = replay(samples, (await getActivePolicy()).compiled, compilePolicy(settings));
  return {
    status: 'done',
    tone: result.changed ? 'warn' : 'ok',
    message: `Dry run over the last ${plural(result.total, 'comment')}: ${result.changed} would be judged differently.`,
    dryRun: result,
    confirmHash: hash,
    draft: readRulesDraft(formData),
    at: Date.now(),
  };
}
