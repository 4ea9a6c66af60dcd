'use server';
import { revalidatePath } from 'next/cache';
import { dryRunHash, dryRunIntent } from '@/lib/actions/dry-run';
import { readForm } from '@/lib/actions/form-action';
import { invalid, type FormState } from '@/lib/actions/form-state';
import { adminOrNull } from '@/lib/auth/guards';
import { invalidateArticle, invalidatePaths } from '@/lib/cache/invalidate';
import { getActivePresets, presetImpact } from '@/lib/data/presets';
import { savePresetVersion } from '@/lib/moderation/preset-versions';
import { presetListSchema, type CommentMode, type Preset } from '@/lib/policy';
import { plural } from '@/lib/site/format';
import {
  presetFormSchema,
  readPresetDraft,
  readPresetForm,
  type PresetDraft,
  type PresetField,
} from '@/lib/validation/presets';

export type PresetImpact = {
  stories: number;
  pendingComments: number;
  examples: { slug: string; headline: string; before: CommentMode; after: CommentMode }[];
};
export type PresetState = FormState<PresetField> & { impact?: PresetImpact; confirmHash?: string; draft?: PresetDraft };

/** An id for a new preset from its name, not taken by another. */
function freeId(name: string, taken: readonly Preset[]): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'preset';
  const ids = new Set(taken.map((preset) => preset.id));
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  return id;
}

export async function presetAction(_previous: PresetState, formData: FormData): Promise<PresetState> {
  const form = await readForm(formData, {
    guard: { actor: adminOrNull, refused: 'Only admins can change the presets.' },
    schema: presetFormSchema,
    read: readPresetForm,
    message: 'Some fields are not valid; nothing was changed.',
  });
  if (!form.ok)
    return form.reason === 'invalid' && formData instanceof FormData
      ? { ...form.state, draft: readPresetDraft(formData) }
      : form.state;
  // closeAfterUnit is already applied to closeAfterHours (lib/validation/presets.ts).
  const { presetId, remove, note, closeAfterUnit: _unit, ...fields } = form.data;
  const draft = readPresetDraft(formData);
  const active = await getActivePresets(0);
  const current = active.presets;
  const existing = presetId ? current.find((preset) => preset.id === presetId) : undefined;
  if (presetId && !existing) return { ...invalid({}, 'This preset no longer exists: reload the page.'), draft };
  let next: Preset[];
  let summary: string;
  if (remove && existing) {
    next = current.filter((preset) => preset.id !== existing.id);
    summary = `removed “${existing.name}”`;
  } else if (existing) {
    next = current.map((preset) => (preset.id === existing.id ? { ...fields, id: existing.id } : preset));
    summary = `changed “${fields.name}”`;
  } else {
    next = [...current, { ...fields, id: freeId(fields.name, current) }];
    summary = `added “${fields.name}”`;
  }
  const checked = presetListSchema.safeParse(next);
  if (!checked.success)
    return { ...invalid({}, checked.error.issues[0]?.message ?? 'Not a valid preset list.'), draft };

  // The dry run and the save compare the same change against the same version in force.
  const hash = dryRunHash({ base: active.versionId, next });
  const impact = await presetImpact(current, next);
  const counts = `${plural(impact.stories.length, 'story', 'stories')} and ${plural(impact.pendingComments, 'pending comment')}`;
  const intent = dryRunIntent(formData, hash);
  if (intent !== 'dry-run') {
    if (intent === 'stale')
      return {
        ...invalid({}, 'The preset or the presets in force changed since the last dry run: run the dry run again.'),
        draft,
      };
    const version = await savePresetVersion(next, note, form.actor.id, summary);
    // Every story the change touches shows its new state to signed-out readers at once; the policy page lists
    // the presets.
    for (const story of impact.stories) await invalidateArticle(story.id);
    invalidatePaths(['/policy']);
    revalidatePath('/moderate/presets');
    revalidatePath('/moderate/articles');
    return {
      status: 'done',
      message: `Saved as version ${version.id}: ${summary}. Updated ${counts}.`,
      at: Date.now(),
    };
  }
  return {
    status: 'done',
    tone: impact.stories.length ? 'warn' : 'ok',
    message: `Dry run: this change affects ${counts}.`,
    impact: {
      stories: impact.stories.length,
      pendingComments: impact.pendingComments,
      examples: impact.stories
        .slice(0, 20)
        .map(({ slug, headline, before, after }) => ({ slug, headline, before, after })),
    },
    confirmHash: hash,
    draft,
    at: Date.now(),
  };
}
