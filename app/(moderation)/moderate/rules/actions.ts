'use server';
import { createHash } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminOrNull } from '@/lib/auth/guards';
import { invalidateAllPages } from '@/lib/cache/invalidate';
import { getActivePolicy, savePolicyVersion } from '@/lib/data/policy';
import { loadReplaySamples } from '@/lib/data/policy-replay';
import { plural } from '@/lib/site/format';
import type { FormState } from '@/lib/actions/form-state';
import {
  compilePolicy,
  policySettingsSchema,
  replay,
  ruleIds,
  type PolicySettings,
  type ReplayResult,
} from '@/lib/policy';

export type RulesField = keyof PolicySettings | 'note' | 'replayCount';
/** What the admin typed, echoed back so a refused or dry-run form keeps every edit (React resets forms after actions). */
export type RulesDraft = { text: Record<string, string>; checked: Record<string, boolean>; disabledRules: string[] };
export type RulesState = FormState<RulesField> & { dryRun?: ReplayResult; confirmHash?: string; draft?: RulesDraft };

const lists = [
  'bannedTerms',
  'hateTerms',
  'suspectTerms',
  'threatPhrases',
  'allowlist',
  'ambiguousTerms',
  'blockedDomains',
] as const;
const numbers = [
  'maxLinks',
  'shoutingMinLetters',
  'shoutingCapsPercent',
  'duplicateWindowMinutes',
  'duplicateAccounts',
  'floodPerUserPerMinute',
  'floodPerIpPerMinute',
  'newCommenterHoldCount',
  'trustThreshold',
] as const;

function readSettings(formData: FormData): unknown {
  const text = (name: string) => String(formData.get(name) ?? '');
  const settings: Record<string, unknown> = {};
  for (const name of lists)
    settings[name] = text(name)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  for (const name of numbers) settings[name] = text(name).trim() === '' ? undefined : Number(text(name));
  settings.autoCloseDays = text('autoCloseDays').trim() === '' ? null : Number(text('autoCloseDays'));
  settings.detectPersonalInfo = formData.get('detectPersonalInfo') === 'on';
  settings.disabledRules = formData
    .getAll('disabledRules')
    .filter((value) => (ruleIds as readonly unknown[]).includes(value));
  return settings;
}

function readDraft(formData: FormData): RulesDraft {
  const text: Record<string, string> = {};
  for (const name of [...lists, ...numbers, 'autoCloseDays', 'note', 'replayCount'])
    text[name] = String(formData.get(name) ?? '').slice(0, 1_000_000);
  return {
    text,
    checked: { detectPersonalInfo: formData.get('detectPersonalInfo') === 'on' },
    disabledRules: formData
      .getAll('disabledRules')
      .map(String)
      .filter((value) => (ruleIds as readonly string[]).includes(value)),
  };
}

const hashOf = (settings: PolicySettings) => createHash('sha256').update(JSON.stringify(settings)).digest('hex');
const extras = z.object({
  note: z.string().trim().max(500, 'Keep the note under 500 characters.'),
  replayCount: z.coerce.number().int().min(1).max(10_000),
});

export async function rulesAction(_previous: RulesState, formData: FormData): Promise<RulesState> {
  const admin = await adminOrNull();
  if (!admin) return { status: 'invalid', fieldErrors: {}, message: 'Only admins can change the rules.' };
  if (!(formData instanceof FormData))
    return { status: 'invalid', fieldErrors: {}, message: 'Some settings are not valid; nothing was changed.' };
  const parsed = policySettingsSchema.safeParse(readSettings(formData));
  const meta = extras.safeParse({ note: formData.get('note') ?? '', replayCount: formData.get('replayCount') || 1000 });
  if (!parsed.success || !meta.success) {
    const fieldErrors = {
      ...(parsed.success ? {} : z.flattenError(parsed.error).fieldErrors),
      ...(meta.success ? {} : z.flattenError(meta.error).fieldErrors),
    } as Partial<Record<RulesField, string[]>>;
    return {
      status: 'invalid',
      fieldErrors,
      message: 'Some settings are not valid; nothing was changed.',
      draft: readDraft(formData),
    };
  }
  const hash = hashOf(parsed.data);
  if (formData.get('intent') === 'save') {
    if (formData.get('confirmHash') !== hash)
      return {
        status: 'invalid',
        fieldErrors: {},
        message: 'The settings changed since the last dry run: run the dry run again before saving.',
        draft: readDraft(formData),
      };
    const version = await savePolicyVersion(parsed.data, meta.data.note, admin.id);
    invalidateAllPages();
    revalidatePath('/moderate/rules');
    return {
      status: 'done',
      message: `Saved as version ${version.id}. It applies to every new comment from now on.`,
      at: Date.now(),
    };
  }
  const samples = await loadReplaySamples(meta.data.replayCount);
  const result = replay(samples, (await getActivePolicy()).compiled, compilePolicy(parsed.data));
  return {
    status: 'done',
    tone: result.changed ? 'warn' : 'ok',
    message: `Dry run over the last ${plural(result.total, 'comment')}: ${result.changed} would be judged differently.`,
    dryRun: result,
    confirmHash: hash,
    draft: readDraft(formData),
    at: Date.now(),
  };
}
