// The comment policy as code. Pure TypeScript: no framework or database imports, so it runs in tests,
// benchmarks and dry runs exactly as it runs in the app. See README.md beside this file.
export { clauseHref, clauseLabel, clauses, getClause, isClauseId, type Clause, type ClauseId } from './clauses';
export { compilePolicy, type CompiledPolicy } from './compile';
export { checkDraft, evaluate, verdictOf } from './evaluate';
export { defaultPolicySettings, policySettingsSchema, upgradeSettings, type PolicySettings } from './settings';
export { trustScore } from './trust';
export {
  ruleIds,
  type Evidence,
  type Outcome,
  type PolicyContext,
  type Reason,
  type RuleId,
  type Verdict,
} from './types';
export { replay, type ReplayExample, type ReplayResult, type ReplaySample } from './replay';
export {
  applyStricterOutcomes,
  commentModes,
  defaultPresets,
  describeHours,
  describeSource,
  explainPreset,
  explainPresets,
  presetListSchema,
  matchesNothingMessage,
  matchesSomething,
  presetFields,
  presetMatch,
  presetSchema,
  resolveSettings,
  standingAt,
  storyOwnMode,
  tagsOf,
  type CommentMode,
  type EffectiveSettings,
  type Preset,
  type PresetStory,
  type SettingSource,
  type Standing,
} from './presets';
