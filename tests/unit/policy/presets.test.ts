// Story presets (issue 18), pure: precedence (story > tag preset > section preset > site default), the time rules
// counted from publication, what readers are told, and the stricter thresholds through the engine.
import { describe, expect, test } from 'vitest';
import {
  compilePolicy,
  defaultPolicySettings,
  defaultPresets,
  evaluate,
  explainPreset,
  presetListSchema,
  resolveSettings,
  standingAt,
  type Preset,
  type PresetStory,
} from '@/lib/policy';
import { trustedContext as context } from './helpers';

const published = new Date('2026-11-27T18:00:00Z');
const hour = 3_600_000;
const later = (hours: number) => new Date(published.getTime() + hours * hour);
const site = { closeAfterDays: 3 };

const story = (over: Partial<PresetStory> = {}): PresetStory => ({
  section: 'News',
  tags: [],
  publishedAt: published,
  own: { mode: null, closeAfterDays: null },
  ...over,
});

const preset = (over: Partial<Preset> & Pick<Preset, 'id'>): Preset => ({
  name: over.id,
  sections: [],
  tags: [],
  mode: null,
  premoderateHours: null,
  closeAfterHours: null,
  holdLinksFrom: null,
  rejectSuspectTerms: false,
  notice: '',
  ...over,
});

describe('precedence', () => {
  const courts = preset({ id: 'courts', sections: ['Courts'], mode: 'premoderated', notice: 'Court notice' });
  const openTag = preset({ id: 'verdicts', tags: ['Verdict'], mode: 'open', closeAfterHours: 12 });
  const presets = [courts, openTag];

  test('nothing matches: the site default (open, closes after 3 days)', () => {
    const settings = resolveSettings(story(), presets, site);
    expect(settings.mode).toEqual({ value: 'open', source: { kind: 'site' } });
    expect(settings.closeAfterHours).toEqual({ value: 72, source: { kind: 'site' } });
    expect(settings.matched).toEqual([]);
  });

  test('a section preset beats the site default', () => {
    const settings = resolveSettings(story({ section: 'Courts' }), presets, site);
    expect(settings.mode.value).toBe('premoderated');
    expect(settings.mode.source).toEqual({
      kind: 'section',
      presetId: 'courts',
      presetName: 'courts',
      matched: 'Courts',
    });
    expect(settings.notice.value).toBe('Court notice');
    // The section preset sets no close time: that one still comes from the site.
    expect(settings.closeAfterHours.source).toEqual({ kind: 'site' });
  });

  test('a tag preset beats a section preset, setting by setting', () => {
    const settings = resolveSettings(story({ section: 'Courts', tags: ['verdict'] }), presets, site);
    expect(settings.mode).toMatchObject({ value: 'open', source: { kind: 'tag', presetId: 'verdicts' } });
    expect(settings.closeAfterHours).toMatchObject({ value: 12, source: { kind: 'tag' } });
    // The tag preset has no notice: the section preset's shows.
    expect(settings.notice).toMatchObject({ value: 'Court notice', source: { kind: 'section' } });
    expect(settings.matched.map((m) => m.preset.id)).toEqual(['verdicts', 'courts']);
  });

  test("the story's own setting beats every preset", () => {
    const settings = resolveSettings(
      story({ section: 'Courts', tags: ['Verdict'], own: { mode: 'closed', closeAfterDays: 10 } }),
      presets,
      site,
    );
    expect(settings.mode).toEqual({ value: 'closed', source: { kind: 'story' } });
    expect(settings.closeAfterHours).toEqual({ value: 240, source: { kind: 'story' } });
  });

  test('a section preset matches its subsections, not a look-alike', () => {
    const tech = preset({ id: 'tech', sections: ['Technology'], mode: 'premoderated' });
    expect(resolveSettings(story({ section: 'Technology / World' }), [tech], site).mode.value).toBe('premoderated');
    expect(resolveSettings(story({ section: 'Technology Review' }), [tech], site).mode.value).toBe('open');
  });

  test('a preset naming a section and tags needs both', () => {
    const both = preset({ id: 'both', sections: ['Courts'], tags: ['Children'], mode: 'closed' });
    expect(resolveSettings(story({ section: 'Courts' }), [both], site).mode.value).toBe('open');
    expect(resolveSettings(story({ tags: ['Children'] }), [both], site).mode.value).toBe('open');
    expect(resolveSettings(story({ section: 'Courts', tags: ['Children'] }), [both], site).mode).toMatchObject({
      value: 'closed',
      source: { kind: 'tag' },
    });
  });
});

describe('time rules, from publication', () => {
  const breaking = preset({ id: 'breaking', tags: ['Breaking'], premoderateHours: 6, closeAfterHours: 72 });
  const settings = resolveSettings(story({ tags: ['Breaking'] }), [breaking], site);

  test('pre-moderated for the first 6 hours, then open until it closes at 3 days', () => {
    expect(standingAt(settings, published, later(1))).toMatchObject({
      state: 'premoderated',
      timed: true,
      premoderatedUntil: later(6),
      closesAt: later(72),
      changesAt: later(6),
    });
    expect(standingAt(settings, published, later(6))).toMatchObject({
      state: 'open',
      premoderatedUntil: null,
      changesAt: later(72),
    });
    expect(standingAt(settings, published, later(72))).toMatchObject({
      state: 'closed',
      timed: true,
      closesAt: later(72),
      changesAt: null,
      source: { kind: 'tag', presetId: 'breaking' },
    });
  });

  test("the story's own mode replaces the window; closed needs no time", () => {
    const own = resolveSettings(
      story({ tags: ['Breaking'], own: { mode: 'open', closeAfterDays: null } }),
      [breaking],
      site,
    );
    expect(standingAt(own, published, later(1))).toMatchObject({ state: 'open', source: { kind: 'story' } });
    const closed = resolveSettings(story({ own: { mode: 'closed', closeAfterDays: null } }), [], site);
    expect(standingAt(closed, published, later(1))).toMatchObject({ state: 'closed', timed: false, changesAt: null });
  });

  test('no close time at all: open for good', () => {
    const never = resolveSettings(story(), [], { closeAfterDays: null });
    expect(standingAt(never, published, later(10_000))).toMatchObject({
      state: 'open',
      closesAt: null,
      changesAt: null,
    });
  });
});

describe('the shipped defaults', () => {
  const at = (over: Partial<PresetStory>) =>
    standingAt(resolveSettings(story(over), defaultPresets, site), published, later(1)).state;

  test('Courts and Children are pre-moderated, Obituaries closed, Opinion open 7 days, the rest 3', () => {
    expect(at({ section: 'Courts' })).toBe('premoderated');
    expect(at({ section: 'Local', tags: ['Children'] })).toBe('premoderated');
    expect(at({ section: 'Obituaries' })).toBe('closed');
    expect(at({ section: 'Opinion' })).toBe('open');
    const opinion = resolveSettings(story({ section: 'Opinion' }), defaultPresets, site);
    expect(standingAt(opinion, published, later(24 * 6)).state).toBe('open');
    expect(standingAt(opinion, published, later(24 * 7)).state).toBe('closed');
    const other = resolveSettings(story({ section: 'Technology / World', tags: ['Huawei'] }), defaultPresets, site);
    expect(standingAt(other, published, later(71)).state).toBe('open');
    expect(standingAt(other, published, later(72)).state).toBe('closed');
  });

  test('they pass their own schema', () => {
    expect(presetListSchema.safeParse(defaultPresets).success).toBe(true);
    expect(presetListSchema.safeParse([...defaultPresets, defaultPresets[0]]).success).toBe(false);
    expect(presetListSchema.safeParse([{ ...defaultPresets[0], sections: [], tags: [] }]).success).toBe(false);
  });

  test("the policy page's sentences come from the definitions", () => {
    expect(defaultPresets.map(explainPreset)).toEqual([
      'On stories in the Courts section, every comment is read by a moderator before it appears; a comment with a link waits for a moderator; possible name-calling is not published at all.',
      'On stories about Children, every comment is read by a moderator before it appears; a comment with a link waits for a moderator; possible name-calling is not published at all.',
      'On stories in the Obituaries section, comments are closed.',
      'On stories in the Opinion section, comments are open; comments close 7 days after publication.',
    ]);
  });
});

describe('through the engine', () => {
  const policy = compilePolicy(defaultPolicySettings);
  const now = later(1);
  const withPresets = (over: Partial<PresetStory>) => {
    const settings = resolveSettings(story(over), defaultPresets, site);
    const base = context({ now });
    return {
      ...base,
      article: { ...base.article, presets: { settings, standing: standingAt(settings, published, now) } },
    };
  };

  test('a court report holds every comment, naming the preset', () => {
    const verdict = evaluate({ body: 'A fair point about the hearing.' }, withPresets({ section: 'Courts' }), policy);
    expect(verdict.outcome).toBe('hold');
    expect(verdict.reasons[0]).toMatchObject({
      ruleId: 'article-premoderated',
      message: expect.stringMatching(/preset “Court reports” \(section Courts\)/),
      evidence: [{ kind: 'setting', setting: 'preset:courts' }],
    });
  });

  test('an obituary refuses, a stale story refuses with its closing date', () => {
    expect(evaluate({ body: 'Condolences.' }, withPresets({ section: 'Obituaries' }), policy).reasons[0]).toMatchObject(
      {
        ruleId: 'comments-closed',
        message: expect.stringMatching(/preset “Obituaries”/),
      },
    );
    const settings = resolveSettings(story(), defaultPresets, site);
    const base = context({ now: later(80) });
    const closed = {
      ...base,
      article: { ...base.article, presets: { settings, standing: standingAt(settings, published, later(80)) } },
    };
    expect(evaluate({ body: 'Late to this.' }, closed, policy).reasons[0]).toMatchObject({
      ruleId: 'auto-closed',
      message: 'Comments on this story closed on 2026-11-30, 3 days after publication (the site default).',
    });
  });

  test('stricter thresholds: one link is held and name-calling rejected only where the preset says so', () => {
    const link = 'See https://example.org/report for the figures.';
    const open = withPresets({ section: 'Local' });
    expect(evaluate({ body: link }, open, policy).outcome).toBe('publish');
    const strict = preset({ id: 'strict', sections: ['Local'], holdLinksFrom: 1, rejectSuspectTerms: true });
    const settings = resolveSettings(story({ section: 'Local' }), [strict], site);
    const base = context({ now });
    const strictContext = {
      ...base,
      article: { ...base.article, presets: { settings, standing: standingAt(settings, published, now) } },
    };
    expect(evaluate({ body: link }, strictContext, policy).reasons.map((r) => r.ruleId)).toEqual(['link-limit']);
    const insult = 'You are an idiot for believing this.';
    expect(evaluate({ body: insult }, open, policy).outcome).toBe('hold');
    const verdict = evaluate({ body: insult }, strictContext, policy);
    expect(verdict.outcome).toBe('reject');
    expect(verdict.reasons[0]).toMatchObject({
      ruleId: 'suspect-terms',
      message: expect.stringMatching(/Not published on this story \(preset “strict” \(section Local\)\)/),
    });
  });
});
