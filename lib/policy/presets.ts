// Story presets (issue 18): the newsroom's standing decisions about kinds of story — court reports are
// pre-moderated, obituaries closed, opinion open a week — matched on a story's section and tags instead of set by
// hand on each story. Pure: the data layer loads the stories and the preset list; this file decides.
//
// Precedence, per setting, first one that sets it wins:
//   1. the story's own setting (its comment mode; its close-after days),
//   2. presets matching a tag of the story (in list order),
//   3. presets matching its section (in list order),
//   4. the site default (open; the rules page's "close after days").
// A story's own mode also replaces any pre-moderation window: "open" on the story means open now.
// Times count from publication and are evaluated when a page is rendered or a comment is submitted (no cron):
// `standingAt` says what holds at a given moment and when that will next change.
import { z } from 'zod';
import { count } from './plural';

export const commentModes = ['open', 'premoderated', 'closed'] as const;
export type CommentMode = (typeof commentModes)[number];

const whole = (min: number, max: number, what: string) =>
  z
    .number({ error: `${what} must be a number.` })
    .int(`${what} must be a whole number.`)
    .min(min, `${what} must be at least ${min}.`)
    .max(max, `${what} must be at most ${max}.`);

const label = (what: string) =>
  z.string().trim().min(1, `${what}: empty entries are not allowed.`).max(60, `${what}: at most 60 characters.`);

/** A preset's fields, without the rule that it must match something (forms extend this). */
export const presetFields = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'The preset id must be lowercase letters, digits and hyphens.'),
  name: z.string().trim().min(1, 'Give the preset a name.').max(80, 'Keep the name under 80 characters.'),
  sections: z.array(label('Sections')).max(20, 'At most 20 sections.'),
  tags: z.array(label('Tags')).max(50, 'At most 50 tags.'),
  /** null: the preset leaves the mode to the next level down. */
  mode: z.enum(commentModes).nullable(),
  /** Pre-moderate every comment for this many hours after publication. */
  premoderateHours: whole(1, 24 * 365, 'Pre-moderation hours').nullable(),
  /** Close comments this many hours after publication (the form takes hours or days). */
  closeAfterHours: whole(1, 24 * 3650, 'Close after').nullable(),
  /** Hold a comment with this many links or more (1: from the first link). Only ever stricter than the rules. */
  holdLinksFrom: whole(1, 50, 'Hold links from').nullable(),
  /** Reject, rather than hold, a comment with a suspect term (possible name-calling). */
  rejectSuspectTerms: z.boolean(),
  /** Shown to readers above the comment box on matching stories. */
  notice: z.string().trim().max(500, 'Keep the notice under 500 characters.'),
});

export const matchesSomething = (preset: { sections: string[]; tags: string[] }) =>
  preset.sections.length > 0 || preset.tags.length > 0;
export const matchesNothingMessage = 'Name at least one section or tag for the preset to match.';

export const presetSchema = presetFields.refine(matchesSomething, {
  message: matchesNothingMessage,
  path: ['sections'],
});

export type Preset = z.infer<typeof presetSchema>;

export const presetListSchema = z
  .array(presetSchema)
  .max(100, 'At most 100 presets.')
  .refine((list) => new Set(list.map((preset) => preset.id)).size === list.length, {
    message: 'Two presets have the same id.',
  });

/** What a fresh install and the demo start with; an admin changes them on /moderate/presets. */
export const defaultPresets: Preset[] = [
  {
    id: 'courts',
    name: 'Court reports',
    sections: ['Courts'],
    tags: [],
    mode: 'premoderated',
    premoderateHours: null,
    closeAfterHours: null,
    holdLinksFrom: 1,
    rejectSuspectTerms: true,
    notice:
      'Comments on court reports are reviewed by a moderator before they appear, so that nothing published here can prejudice a trial (§9 Moderation and appeals).',
  },
  {
    id: 'children',
    name: 'Stories about children',
    sections: [],
    tags: ['Children'],
    mode: 'premoderated',
    premoderateHours: null,
    closeAfterHours: null,
    holdLinksFrom: 1,
    rejectSuspectTerms: true,
    notice:
      'This story concerns children. Comments are reviewed by a moderator before they appear; do not name or identify any child (§5 Privacy).',
  },
  {
    id: 'obituaries',
    name: 'Obituaries',
    sections: ['Obituaries'],
    tags: [],
    mode: 'closed',
    premoderateHours: null,
    closeAfterHours: null,
    holdLinksFrom: null,
    rejectSuspectTerms: false,
    notice: 'Comments are not open on obituaries, out of respect for the family.',
  },
  {
    id: 'opinion',
    name: 'Opinion',
    sections: ['Opinion'],
    tags: [],
    mode: 'open',
    premoderateHours: null,
    closeAfterHours: 7 * 24,
    holdLinksFrom: null,
    rejectSuspectTerms: false,
    notice: '',
  },
];

/** The site default's close-after, in days, when the rules page leaves it empty is "never"; shipped as 3 days. */
export type SiteDefault = { closeAfterDays: number | null };

/** A story as presets see it. `own` is what a moderator set on the story itself. */
export type PresetStory = {
  section: string;
  tags: readonly string[];
  publishedAt: Date;
  own: { mode: CommentMode | null; closeAfterDays: number | null };
};

/** The story's own mode: the mode a moderator chose on the story, else what its older switches say (closed, or
 *  pre-moderated), else none (the presets decide). */
export function storyOwnMode(article: {
  commentMode: string | null;
  commentsOpen: boolean;
  premoderate: boolean;
}): CommentMode | null {
  const chosen = commentModes.find((mode) => mode === article.commentMode);
  if (chosen) return chosen;
  if (!article.commentsOpen) return 'closed';
  return article.premoderate ? 'premoderated' : null;
}

/** A story row's tags column (a JSON array); anything else reads as no tags. */
export function tagsOf(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((tag): tag is string => typeof tag === 'string') : [];
  } catch {
    return [];
  }
}

export type SettingSource =
  | { kind: 'story' }
  | { kind: 'tag' | 'section'; presetId: string; presetName: string; matched: string }
  | { kind: 'site' };

export type Sourced<T> = { value: T; source: SettingSource };

export type EffectiveSettings = {
  mode: Sourced<CommentMode>;
  premoderateHours: Sourced<number | null>;
  closeAfterHours: Sourced<number | null>;
  holdLinksFrom: Sourced<number | null>;
  rejectSuspectTerms: Sourced<boolean>;
  notice: Sourced<string>;
  /** Every preset that matches the story, in precedence order (tag presets first). */
  matched: { preset: Preset; kind: 'tag' | 'section'; matched: string }[];
};

const fold = (text: string) => text.trim().toLowerCase();

/** A preset's section "Technology" matches the story's "Technology" and "Technology / World". */
export function sectionMatches(presetSection: string, storySection: string): boolean {
  const want = fold(presetSection);
  const have = fold(storySection);
  return have !== '' && (have === want || have.startsWith(`${want} /`));
}

/** How the preset matches the story: by which tag or section, or null. A preset naming both sections and tags
 *  matches a story in one of the sections that has one of the tags, and counts as a tag preset. */
export function presetMatch(preset: Preset, story: Pick<PresetStory, 'section' | 'tags'>) {
  const section = preset.sections.find((s) => sectionMatches(s, story.section));
  if (preset.sections.length > 0 && !section) return null;
  if (preset.tags.length === 0) return section ? { kind: 'section' as const, matched: section } : null;
  const tags = new Set(story.tags.map(fold));
  const tag = preset.tags.find((t) => tags.has(fold(t)));
  return tag ? { kind: 'tag' as const, matched: tag } : null;
}

/** The settings in force for a story and where each comes from. */
export function resolveSettings(story: PresetStory, presets: readonly Preset[], site: SiteDefault): EffectiveSettings {
  const matches = presets
    .map((preset) => ({ preset, match: presetMatch(preset, story) }))
    .filter((entry) => entry.match !== null)
    .map(({ preset, match }) => ({ preset, kind: match!.kind, matched: match!.matched }));
  const matched = [...matches.filter((m) => m.kind === 'tag'), ...matches.filter((m) => m.kind === 'section')];
  const sourceOf = (m: (typeof matched)[number]): SettingSource => ({
    kind: m.kind,
    presetId: m.preset.id,
    presetName: m.preset.name,
    matched: m.matched,
  });
  /** The first preset that sets a field (`isSet`), else the fallback. */
  function pick<T>(field: (p: Preset) => T, isSet: (v: T) => boolean, fallback: Sourced<T>): Sourced<T> {
    const m = matched.find((entry) => isSet(field(entry.preset)));
    return m ? { value: field(m.preset), source: sourceOf(m) } : fallback;
  }
  const story_ = { kind: 'story' } as const;
  const site_ = { kind: 'site' } as const;
  const own = story.own;
  const mode: Sourced<CommentMode> = own.mode
    ? { value: own.mode, source: story_ }
    : (pick(
        (p) => p.mode,
        (v) => v !== null,
        { value: 'open', source: site_ },
      ) as Sourced<CommentMode>);
  const premoderateHours: Sourced<number | null> = own.mode
    ? { value: null, source: story_ }
    : pick(
        (p) => p.premoderateHours,
        (v) => v !== null,
        { value: null, source: site_ },
      );
  const closeAfterHours: Sourced<number | null> =
    own.closeAfterDays !== null
      ? { value: own.closeAfterDays * 24, source: story_ }
      : pick(
          (p) => p.closeAfterHours,
          (v) => v !== null,
          {
            value: site.closeAfterDays === null ? null : site.closeAfterDays * 24,
            source: site_,
          },
        );
  return {
    mode,
    premoderateHours,
    closeAfterHours,
    holdLinksFrom: pick(
      (p) => p.holdLinksFrom,
      (v) => v !== null,
      { value: null, source: site_ },
    ),
    rejectSuspectTerms: pick(
      (p) => p.rejectSuspectTerms,
      (v) => v,
      { value: false, source: site_ },
    ),
    notice: pick(
      (p) => p.notice,
      (v) => v !== '',
      { value: '', source: site_ },
    ),
    matched,
  };
}

const hour = 3_600_000;

export type Standing = {
  /** What applies at `now`. */
  state: CommentMode;
  /** Which setting put it there. */
  source: SettingSource;
  /** Closed because the close-after time passed, or pre-moderated because of the window after publication. */
  timed: boolean;
  /** When comments close (past or future), or null when no time is set or the mode closes them anyway. */
  closesAt: Date | null;
  /** End of the pre-moderation window, while it lasts. */
  premoderatedUntil: Date | null;
  /** The next moment the state changes by itself, or null: a cached page must not outlive it. */
  changesAt: Date | null;
};

/** What holds for a story at `now`. */
export function standingAt(settings: EffectiveSettings, publishedAt: Date, now: Date): Standing {
  const at = (hours: number | null) => (hours === null ? null : new Date(publishedAt.getTime() + hours * hour));
  if (settings.mode.value === 'closed')
    return {
      state: 'closed',
      source: settings.mode.source,
      timed: false,
      closesAt: null,
      premoderatedUntil: null,
      changesAt: null,
    };
  const closesAt = at(settings.closeAfterHours.value);
  if (closesAt && now >= closesAt)
    return {
      state: 'closed',
      source: settings.closeAfterHours.source,
      timed: true,
      closesAt,
      premoderatedUntil: null,
      changesAt: null,
    };
  const windowEnd = at(settings.premoderateHours.value);
  const inWindow = settings.mode.value !== 'premoderated' && windowEnd !== null && now < windowEnd;
  const premoderatedUntil = inWindow ? windowEnd : null;
  const changes = [closesAt, premoderatedUntil].filter((d): d is Date => d !== null && d > now);
  const changesAt = changes.length ? new Date(Math.min(...changes.map((d) => d.getTime()))) : null;
  if (settings.mode.value === 'premoderated')
    return {
      state: 'premoderated',
      source: settings.mode.source,
      timed: false,
      closesAt,
      premoderatedUntil,
      changesAt,
    };
  if (inWindow)
    return {
      state: 'premoderated',
      source: settings.premoderateHours.source,
      timed: true,
      closesAt,
      premoderatedUntil,
      changesAt,
    };
  return { state: 'open', source: settings.mode.source, timed: false, closesAt, premoderatedUntil, changesAt };
}

/** "preset “Court reports” (section Courts)", "this story's own setting", "the site default". */
export function describeSource(source: SettingSource): string {
  if (source.kind === 'story') return 'this story’s own setting';
  if (source.kind === 'site') return 'the site default';
  return `preset “${source.presetName}” (${source.kind} ${source.matched})`;
}

/** "6 hours", "3 days": whole days when the hours make whole days. */
export function describeHours(hours: number): string {
  return hours % 24 === 0 ? count(hours / 24, 'day') : count(hours, 'hour');
}

/** The policy page's sentence for a preset, in the reader's words, from the same definition the site enforces. */
export function explainPreset(preset: Preset): string {
  const where = [
    preset.sections.length
      ? `in the ${preset.sections.join(', ')} section${preset.sections.length === 1 ? '' : 's'}`
      : '',
    preset.tags.length ? `about ${preset.tags.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const parts: string[] = [];
  if (preset.mode === 'closed') parts.push('comments are closed');
  if (preset.mode === 'premoderated') parts.push('every comment is read by a moderator before it appears');
  if (preset.mode === 'open') parts.push('comments are open');
  if (preset.premoderateHours !== null && preset.mode !== 'closed')
    parts.push(
      `comments in the first ${describeHours(preset.premoderateHours)} after publication are read by a moderator before they appear`,
    );
  if (preset.closeAfterHours !== null && preset.mode !== 'closed')
    parts.push(`comments close ${describeHours(preset.closeAfterHours)} after publication`);
  if (preset.holdLinksFrom !== null && preset.mode !== 'closed')
    parts.push(
      preset.holdLinksFrom === 1
        ? 'a comment with a link waits for a moderator'
        : `a comment with ${preset.holdLinksFrom} or more links waits for a moderator`,
    );
  if (preset.rejectSuspectTerms && preset.mode !== 'closed')
    parts.push('possible name-calling is not published at all');
  const said = parts.length ? parts.join('; ') : 'the site’s usual rules apply';
  return `On stories ${where}, ${said}.`;
}

/** The policy page's section on sensitive stories: every preset in force, then the site default, in the reader's
 *  words. */
export function explainPresets(presets: readonly Preset[], site: SiteDefault) {
  return {
    id: 'sensitive-stories',
    title: 'Comments on sensitive stories',
    intro:
      'Some kinds of story need more care than others: a court case must not be prejudiced, children must not be identified, a family in mourning deserves peace. Our standards editor sets how comments work for each kind of story, by its section and subject, and the same settings are applied by the site:',
    sentences: [
      ...presets.map(explainPreset),
      site.closeAfterDays === null
        ? 'On every other story, comments stay open.'
        : `On every other story, comments close ${describeHours(site.closeAfterDays * 24)} after publication.`,
      'An editor may set a single story differently. Above the comment box, each story says whether comments are read before they appear and when they close.',
    ],
  };
}

/** The thresholds a story's presets tighten: the link limit the text rules apply (maxLinks: a comment with more
 *  links than this is held). */
export function stricterMaxLinks(maxLinks: number, settings: EffectiveSettings): number {
  const from = settings.holdLinksFrom.value;
  return from === null ? maxLinks : Math.min(maxLinks, from - 1);
}

/** Hold or reject by the story's stricter thresholds, naming the preset: a suspect term is rejected outright on
 *  a story whose preset says so. Works on the engine's reasons without knowing the rest of them. */
export function applyStricterOutcomes<R extends { ruleId: string; outcome: 'hold' | 'reject'; message: string }>(
  reasons: R[],
  settings: EffectiveSettings,
): R[] {
  if (!settings.rejectSuspectTerms.value) return reasons;
  const by = describeSource(settings.rejectSuspectTerms.source);
  return reasons.map((reason) =>
    reason.ruleId === 'suspect-terms' && reason.outcome === 'hold'
      ? {
          ...reason,
          outcome: 'reject' as const,
          message: `${reason.message.replace(/; a moderator will check it\.$/, '.')} Not published on this story (${by}).`,
        }
      : reason,
  );
}
