// The story presets in force (issue 18): the newest saved PresetVersion, else the defaults shipped in lib/policy.
// Cached per process for a few seconds like the policy (lib/data/policy.ts). What a story's presets mean at a given
// moment is decided in lib/policy/presets.ts; this file only loads.
import 'server-only';
import { clockNow } from '../site/clock';
import { db } from '../db';
import {
  defaultPresets,
  presetListSchema,
  resolveSettings,
  standingAt,
  storyOwnMode,
  tagsOf,
  type EffectiveSettings,
  type Preset,
  type Standing,
} from '../policy';
import { getActivePolicy } from './policy';

export type ActivePresets = { versionId: number | null; presets: Preset[] };

const defaultTtlMs = 5_000;
let cached: { presets: ActivePresets; loadedAt: number } | null = null;

export function parsePresets(json: string): Preset[] {
  return presetListSchema.parse(JSON.parse(json));
}

export async function getActivePresets(maxAgeMs = defaultTtlMs): Promise<ActivePresets> {
  if (cached && Date.now() - cached.loadedAt <= maxAgeMs) return cached.presets;
  const row = await db.presetVersion.findFirst({ orderBy: { id: 'desc' }, select: { id: true, presets: true } });
  if (cached && cached.presets.versionId === (row?.id ?? null)) {
    cached.loadedAt = Date.now();
    return cached.presets;
  }
  const presets = { versionId: row?.id ?? null, presets: row ? parsePresets(row.presets) : defaultPresets };
  cached = { presets, loadedAt: Date.now() };
  return presets;
}

/** Drops this process's copy: the next read loads the newest version (after a save). */
export function forgetActivePresets(): void {
  cached = null;
}

/** One saved version of the presets, for reading (an admin looking back at what was in force). */
export async function getPresetVersion(id: number) {
  const row = await db.presetVersion.findUnique({ where: { id } });
  return row
    ? {
        id: row.id,
        note: row.note,
        createdById: row.createdById,
        createdAt: row.createdAt,
        presets: parsePresets(row.presets),
      }
    : null;
}

export function listPresetVersions(take = 50) {
  return db.presetVersion.findMany({
    orderBy: { id: 'desc' },
    take,
    select: { id: true, note: true, createdById: true, createdAt: true },
  });
}

/** The columns presets read from a story. */
export const presetColumns = {
  section: true,
  tags: true,
  publishedAt: true,
  commentMode: true,
  commentsOpen: true,
  premoderate: true,
  autoCloseDays: true,
} as const;

export type PresetColumns = {
  section: string;
  tags: string;
  publishedAt: Date;
  commentMode: string | null;
  commentsOpen: boolean;
  premoderate: boolean;
  autoCloseDays: number | null;
};

export type StoryPolicy = { settings: EffectiveSettings; standing: Standing };

/** A story's settings through the given presets and site default, and what they mean at `now`. */
export function storyPolicyWith(
  article: PresetColumns,
  presets: readonly Preset[],
  siteCloseAfterDays: number | null,
  now: Date,
): StoryPolicy {
  const settings = resolveSettings(
    {
      section: article.section,
      tags: tagsOf(article.tags),
      publishedAt: article.publishedAt,
      own: { mode: storyOwnMode(article), closeAfterDays: article.autoCloseDays },
    },
    presets,
    { closeAfterDays: siteCloseAfterDays },
  );
  return { settings, standing: standingAt(settings, article.publishedAt, now) };
}

/** A story's settings through the presets and site default in force. */
export async function loadStoryPolicy(article: PresetColumns, now = clockNow()): Promise<StoryPolicy> {
  const [{ presets }, policy] = await Promise.all([getActivePresets(), getActivePolicy()]);
  return storyPolicyWith(article, presets, policy.settings.autoCloseDays, now);
}

/** What a change of presets does (the dry run, and which pages a save must refresh): the stories whose settings
 *  or standing would differ, and how many comments are waiting for a moderator on them. */
export async function presetImpact(before: readonly Preset[], after: readonly Preset[], now = new Date()) {
  const [articles, policy] = await Promise.all([
    db.article.findMany({
      select: { id: true, slug: true, headline: true, ...presetColumns },
      orderBy: { publishedAt: 'desc' },
    }),
    getActivePolicy(0),
  ]);
  const site = policy.settings.autoCloseDays;
  const fingerprint = ({ settings, standing }: StoryPolicy) =>
    JSON.stringify({
      mode: settings.mode,
      premoderateHours: settings.premoderateHours,
      closeAfterHours: settings.closeAfterHours,
      holdLinksFrom: settings.holdLinksFrom,
      rejectSuspectTerms: settings.rejectSuspectTerms,
      notice: settings.notice,
      state: standing.state,
    });
  const changed = articles
    .map((article) => ({
      article,
      before: storyPolicyWith(article, before, site, now),
      after: storyPolicyWith(article, after, site, now),
    }))
    .filter((entry) => fingerprint(entry.before) !== fingerprint(entry.after));
  const pending = changed.length
    ? await db.comment.count({
        where: { status: 'PENDING', articleId: { in: changed.map((entry) => entry.article.id) } },
      })
    : 0;
  return {
    stories: changed.map(({ article, before: was, after: will }) => ({
      id: article.id,
      slug: article.slug,
      headline: article.headline,
      before: was.standing.state,
      after: will.standing.state,
    })),
    pendingComments: pending,
  };
}
