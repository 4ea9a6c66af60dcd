import type { EffectiveSettings, Standing } from './presets';
import type { ClauseId } from './clauses';

export type Outcome = 'publish' | 'hold' | 'reject';

export const ruleIds = [
  'banned-terms',
  'hate-terms',
  'suspect-terms',
  'uncertain-terms',
  'threat-phrases',
  'group-hate',
  'link-limit',
  'blocked-domain',
  'disguised-link',
  'personal-info',
  'shouting',
  'duplicate-self',
  'duplicate-others',
  'flood-user',
  'flood-ip',
  'new-commenter',
  'low-trust',
  'user-premoderated',
  'comments-closed',
  'article-premoderated',
  'auto-closed',
  'corrects-rejected',
] as const;
export type RuleId = (typeof ruleIds)[number];

export type Evidence =
  /** Offsets into the original body (UTF-16 indices), for highlighting. */
  | { kind: 'span'; start: number; end: number; text: string }
  | { kind: 'count'; count: number; limit: number; windowSeconds?: number }
  | { kind: 'setting'; setting: string }
  | { kind: 'retry'; retryAfterSeconds: number };

export type Reason = {
  ruleId: RuleId;
  outcome: 'hold' | 'reject';
  clause: ClauseId;
  /** Reader-facing; quotes only the reader's own text, never the term lists. */
  message: string;
  evidence: Evidence[];
};

export type Verdict = { outcome: Outcome; reasons: Reason[] };

export type PolicyContext = {
  now: Date;
  author: {
    id: string;
    createdAt: Date;
    /** Comments of this account a moderator approved or that published directly. */
    approvedCount: number;
    rejectedCount: number;
    publishedCount: number;
    premoderated: boolean;
    isStaff: boolean;
  };
  article: {
    commentsOpen: boolean;
    premoderate: boolean;
    publishedAt: Date;
    autoCloseDays: number | null;
    /** The story's settings resolved through its presets (issue 18) and what they mean at `now`. When present it
     *  decides open / pre-moderated / closed, and the four fields above are not read. */
    presets?: { settings: EffectiveSettings; standing: Standing };
  };
  /** This account's recent comments (any status), newest first. */
  recentByAuthor: { body: string; createdAt: Date }[];
  /** Other accounts' recent comments. */
  recentByOthers: { body: string; authorId: string; createdAt: Date }[];
  /** Recent comments from the same IP address (any account). */
  recentFromIp: { createdAt: Date }[];
  /** Set when this text corrects one of the writer's rejected comments: who rejected that one. */
  corrects?: { rejectedBy: 'moderator' | 'rules' } | null;
};
