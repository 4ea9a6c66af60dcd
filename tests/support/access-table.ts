// Who may use each server action, route handler and page. Pure data: nothing here is enforced at run time;
// the checks live in the actions and pages themselves (lib/auth/permissions.ts, lib/auth/guards.ts).
// tests/e2e/security/access-{actions,routes,pages,malformed}.spec.ts walk this table against the production server:
// every action called directly as every role, every route and page requested, any access the table does not allow
// fails. access-completeness.spec.ts scans the source, so a new action, route method or page without a row here fails the suite.

export const roles = [
  'signed-out', // no session
  'reader', // signed in, with a display name, in good standing
  'new-reader', // signed in, has not chosen a display name yet (first sign-in)
  'suspended', // reader with suspendedUntil in the future
  'banned', // reader with bannedAt set
  'moderator',
  'admin',
  'reply-link', // no session; holds a signed "Reply as the author" link for one comment
] as const;
export type Role = (typeof roles)[number];

const everyone: readonly Role[] = roles;
const signedIn: readonly Role[] = ['reader', 'new-reader', 'suspended', 'banned', 'moderator', 'admin'];
const commenters: readonly Role[] = ['reader', 'moderator', 'admin'];
const staff: readonly Role[] = ['moderator', 'admin'];
const admins: readonly Role[] = ['admin'];
const nobody: readonly Role[] = [];

export type ActionEntry = {
  kind: 'action';
  /** Source file, from the project root. */
  file: string;
  /** The exported function; for an inline `'use server'` closure, the name of the enclosing function. */
  exportName: string;
  inline?: true;
  allow: readonly Role[];
  note: string;
};

export type RouteEntry = {
  kind: 'route';
  file: string;
  path: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  allow: readonly Role[];
  note: string;
};

export type PageEntry = {
  kind: 'page';
  file: string;
  path: string;
  method: 'GET';
  allow: readonly Role[];
  /** What a role outside `allow` gets: the ordinary 404, a redirect to sign in, or the page's "invalid link" answer. */
  denied: 'not-found' | 'sign-in' | 'invalid-link';
  note: string;
};

/** A stream server.ts answers itself, before Next (lib/server/request-handler.ts): no file under app/ declares it. */
export type StreamEntry = {
  kind: 'stream';
  /** The module that answers it. */
  file: string;
  path: string;
  method: 'GET';
  allow: readonly Role[];
  note: string;
};

export type AccessEntry = ActionEntry | RouteEntry | PageEntry | StreamEntry;

const reader = 'app/(reader)/articles/[slug]/actions.ts';
const account = 'app/(account)/actions.ts';
const moderate = 'app/(moderation)/moderate/actions.ts';
const reply = 'app/reply/[commentId]/[token]/actions.ts';

export const accessTable: readonly AccessEntry[] = [
  // ── Server actions ──────────────────────────────────────────────────────────────────────────────────
  {
    kind: 'action',
    file: reader,
    exportName: 'postCommentAction',
    allow: commenters,
    note: 'Needs a display name and no suspension or ban.',
  },
  {
    kind: 'action',
    file: reader,
    exportName: 'editCommentAction',
    allow: commenters,
    note: 'Own comment, within the edit window, while allowed to comment.',
  },
  {
    kind: 'action',
    file: reader,
    exportName: 'deleteCommentAction',
    allow: signedIn,
    note: 'Own comment (even when suspended or banned); staff may delete any.',
  },
  {
    kind: 'action',
    file: reader,
    exportName: 'toggleReactionAction',
    allow: commenters,
    note: 'Someone else’s published comment.',
  },
  {
    kind: 'action',
    file: reader,
    exportName: 'reportCommentAction',
    allow: ['reader', 'new-reader', 'suspended', 'moderator', 'admin'],
    note: 'Banned accounts cannot report.',
  },
  {
    kind: 'action',
    file: reader,
    exportName: 'checkDraftAction',
    allow: signedIn,
    note: 'Read-only draft check; signed-out callers get no answer.',
  },
  {
    kind: 'action',
    file: account,
    exportName: 'requestSignInLinkAction',
    allow: everyone,
    note: 'Emails a link to the address typed.',
  },
  {
    kind: 'action',
    file: account,
    exportName: 'chooseDisplayNameAction',
    allow: ['new-reader'],
    note: 'Once, at first sign-in; named accounts cannot rename themselves.',
  },
  {
    kind: 'action',
    file: account,
    exportName: 'changeDisplayNameAction',
    allow: commenters,
    note: 'A named account in good standing renames itself, once per 30 days; not while suspended or banned.',
  },
  {
    kind: 'action',
    file: account,
    exportName: 'updatePreferencesAction',
    allow: signedIn,
    note: 'The caller’s own email preferences.',
  },
  {
    kind: 'action',
    file: account,
    exportName: 'signOutAction',
    allow: everyone,
    note: 'Ends the caller’s own session (nothing to do when signed out).',
  },
  { kind: 'action', file: account, exportName: 'appealAction', allow: signedIn, note: 'Own rejected comment, once.' },
  {
    kind: 'action',
    file: account,
    exportName: 'appealMeasureAction',
    allow: signedIn,
    note: 'A measure in force on the caller’s own account, once per measure (suspended and banned readers included).',
  },
  {
    kind: 'action',
    file: account,
    exportName: 'requestAccountDeletionAction',
    allow: signedIn,
    note: 'Emails the caller’s own address a link to delete their account (not the last administrator).',
  },
  {
    kind: 'action',
    file: account,
    exportName: 'confirmAccountDeletionAction',
    allow: everyone,
    note: 'The signed, expiring token from the emailed link is the capability; it deletes only its own account.',
  },
  {
    kind: 'action',
    file: account,
    exportName: 'unmuteCommenterAction',
    allow: signedIn,
    note: 'Removes one of the caller’s own mutes.',
  },
  {
    kind: 'action',
    file: reader,
    exportName: 'muteCommenterAction',
    allow: signedIn,
    note: 'Mutes a comment’s writer for the caller only (not oneself, not an author).',
  },
  { kind: 'action', file: moderate, exportName: 'decideAction', allow: staff, note: 'Approve, reject, feature.' },
  {
    kind: 'action',
    file: moderate,
    exportName: 'redactAction',
    allow: staff,
    note: 'Edit and approve: remove part of a held or reported comment (only removals), never one’s own.',
  },
  {
    kind: 'action',
    file: moderate,
    exportName: 'bulkDecideAction',
    allow: staff,
    note: 'Approve or reject several cards.',
  },
  {
    kind: 'action',
    file: moderate,
    exportName: 'undoAction',
    allow: staff,
    note: 'Undo a decision within its window (only its moderator, or an admin).',
  },
  {
    kind: 'action',
    file: moderate,
    exportName: 'userMeasureAction',
    allow: staff,
    note: 'Suspend, ban, pre-moderate readers (staff accounts: admins only).',
  },
  {
    kind: 'action',
    file: moderate,
    exportName: 'addAccountNoteAction',
    allow: staff,
    note: 'A staff-only note on a reader’s account (staff accounts: admins only; never one’s own).',
  },
  {
    kind: 'action',
    file: moderate,
    exportName: 'decideAppealAction',
    allow: staff,
    note: 'Not by the moderator who made the original decision.',
  },
  {
    kind: 'action',
    file: moderate,
    exportName: 'decideMeasureAppealAction',
    allow: staff,
    note: 'Not by the moderator who imposed the measure, nor the account appealing (staff accounts: admins only).',
  },
  {
    kind: 'action',
    file: 'app/(reader)/notices/actions.ts',
    exportName: 'submitNoticeAction',
    allow: everyone,
    note: 'A notice of illegal content (DSA Art. 16): anyone, no account needed; rate limited per address and email.',
  },
  {
    kind: 'action',
    file: 'app/(moderation)/moderate/notices/actions.ts',
    exportName: 'decideNoticeAction',
    allow: staff,
    note: 'Decide a legal notice once (not one about one’s own comment).',
  },
  {
    kind: 'action',
    file: 'app/(moderation)/moderate/articles/actions.ts',
    exportName: 'updateArticleSettingsAction',
    allow: staff,
    note: 'Open, pre-moderate, auto-close per story.',
  },
  {
    kind: 'action',
    file: 'app/(moderation)/moderate/rules/actions.ts',
    exportName: 'rulesAction',
    allow: admins,
    note: 'Dry run and save policy versions.',
  },
  {
    kind: 'action',
    file: 'app/(moderation)/moderate/presets/actions.ts',
    exportName: 'presetAction',
    allow: admins,
    note: 'Dry run and save story preset versions (issue 18).',
  },
  {
    kind: 'action',
    file: reply,
    exportName: 'postAuthorReplyAction',
    allow: ['reply-link'],
    note: 'One reply, to the link’s comment only; a session grants nothing here.',
  },
  {
    kind: 'action',
    file: reply,
    exportName: 'editAuthorReplyAction',
    allow: ['reply-link'],
    note: 'Only the reply this link posted, within the edit window; a session grants nothing here.',
  },
  {
    kind: 'action',
    file: reply,
    exportName: 'deleteAuthorReplyAction',
    allow: ['reply-link'],
    note: 'Only the reply this link posted, within the edit window.',
  },
  {
    kind: 'action',
    file: reply,
    exportName: 'requestFreshLinkAction',
    allow: everyone,
    note: 'Mails a fresh link to the story author’s address on file, never to the caller.',
  },
  {
    kind: 'action',
    file: 'app/unsubscribe/[token]/page.tsx',
    exportName: 'change',
    inline: true,
    allow: everyone,
    note: 'The signed token in the URL is the capability (RFC 8058 links in every email).',
  },

  // ── Route handlers ──────────────────────────────────────────────────────────────────────────────────
  {
    kind: 'route',
    file: 'app/api/auth/[...nextauth]/route.ts',
    path: '/api/auth/[...nextauth]',
    method: 'GET',
    allow: everyone,
    note: 'next-auth: session, csrf, email callback.',
  },
  {
    kind: 'route',
    file: 'app/api/auth/[...nextauth]/route.ts',
    path: '/api/auth/[...nextauth]',
    method: 'POST',
    allow: everyone,
    note: 'next-auth; its own sign-in endpoint is disabled (links come from requestSignInLinkAction).',
  },
  {
    kind: 'route',
    file: 'app/api/account/data/route.ts',
    path: '/api/account/data',
    method: 'GET',
    allow: signedIn,
    note: "Download my data: the signed-in reader's own data as JSON (suspended and banned readers too); 401 otherwise.",
  },
  {
    kind: 'route',
    file: 'app/api/comments/[id]/status/route.ts',
    path: '/api/comments/[id]/status',
    method: 'GET',
    allow: signedIn,
    note: 'The status of the caller’s own comment (a held comment’s page watches for its decision); 404 otherwise.',
  },
  {
    kind: 'route',
    file: 'app/(moderation)/moderate/log/csv/route.ts',
    path: '/moderate/log/csv',
    method: 'GET',
    allow: staff,
    note: 'The audit log as CSV, with the page’s filters; 404 for everyone else.',
  },
  {
    kind: 'route',
    file: 'app/api/moderation/counts/route.ts',
    path: '/api/moderation/counts',
    method: 'GET',
    allow: staff,
    note: 'Queue counts for the console; 404 for everyone else.',
  },
  {
    kind: 'route',
    file: 'app/api/unsubscribe/[token]/route.ts',
    path: '/api/unsubscribe/[token]',
    method: 'POST',
    allow: everyone,
    note: 'One-click unsubscribe; the signed token is the capability.',
  },

  // ── Streams answered by server.ts before Next ─────────────────────────────────────────────────────────
  {
    kind: 'stream',
    file: 'lib/live/hub.ts',
    path: '/live/articles/[slug]',
    method: 'GET',
    allow: everyone,
    note: 'A story’s live thread: only ever published comments, so anyone may listen.',
  },
  {
    kind: 'stream',
    file: 'lib/live/queue-hub.ts',
    path: '/live/moderation',
    method: 'GET',
    allow: staff,
    note: 'The moderation queue’s live counts and arrivals: 401 without a session, 403 for any other account.',
  },

  // ── Pages ───────────────────────────────────────────────────────────────────────────────────────────
  {
    kind: 'page',
    file: 'app/(reader)/page.tsx',
    path: '/',
    method: 'GET',
    allow: everyone,
    denied: 'not-found',
    note: 'Front page.',
  },
  {
    kind: 'page',
    file: 'app/(reader)/articles/[slug]/page.tsx',
    path: '/articles/[slug]',
    method: 'GET',
    allow: everyone,
    denied: 'not-found',
    note: 'Held and rejected comments only to their author.',
  },
  {
    kind: 'page',
    file: 'app/(reader)/authors/[slug]/page.tsx',
    path: '/authors/[slug]',
    method: 'GET',
    allow: everyone,
    denied: 'not-found',
    note: '',
  },
  {
    kind: 'page',
    file: 'app/(reader)/policy/page.tsx',
    path: '/policy',
    method: 'GET',
    allow: everyone,
    denied: 'not-found',
    note: '',
  },
  {
    kind: 'page',
    file: 'app/(reader)/transparency/page.tsx',
    path: '/transparency',
    method: 'GET',
    allow: everyone,
    denied: 'not-found',
    note: 'Aggregates only.',
  },
  {
    kind: 'page',
    file: 'app/(reader)/notices/page.tsx',
    path: '/notices',
    method: 'GET',
    allow: everyone,
    denied: 'not-found',
    note: 'The notice form for a published comment or a story; the confirmation after sending.',
  },
  {
    kind: 'page',
    file: 'app/(account)/sign-in/page.tsx',
    path: '/sign-in',
    method: 'GET',
    allow: everyone,
    denied: 'not-found',
    note: '',
  },
  {
    kind: 'page',
    file: 'app/(account)/sign-in/check-email/page.tsx',
    path: '/sign-in/check-email',
    method: 'GET',
    allow: everyone,
    denied: 'not-found',
    note: '',
  },
  {
    kind: 'page',
    file: 'app/(account)/sign-in/error/page.tsx',
    path: '/sign-in/error',
    method: 'GET',
    allow: everyone,
    denied: 'not-found',
    note: '',
  },
  {
    kind: 'page',
    file: 'app/(account)/welcome/page.tsx',
    path: '/welcome',
    method: 'GET',
    allow: signedIn,
    denied: 'sign-in',
    note: 'Named accounts are sent on to `next`.',
  },
  {
    kind: 'page',
    file: 'app/(account)/profile/page.tsx',
    path: '/profile',
    method: 'GET',
    allow: signedIn,
    denied: 'sign-in',
    note: 'The caller’s own comments and settings.',
  },
  {
    kind: 'page',
    file: 'app/(account)/delete-account/[token]/page.tsx',
    path: '/delete-account/[token]',
    method: 'GET',
    allow: everyone,
    denied: 'invalid-link',
    note: 'The emailed link’s page: one button; GET changes nothing. The signed token is the capability.',
  },
  {
    kind: 'page',
    file: 'app/(account)/account-deleted/page.tsx',
    path: '/account-deleted',
    method: 'GET',
    allow: everyone,
    denied: 'not-found',
    note: 'Where a deletion lands: says so, nothing personal.',
  },
  {
    kind: 'page',
    file: 'app/(moderation)/moderate/page.tsx',
    path: '/moderate',
    method: 'GET',
    allow: staff,
    denied: 'not-found',
    note: 'Queues.',
  },
  {
    kind: 'page',
    file: 'app/(moderation)/moderate/articles/page.tsx',
    path: '/moderate/articles',
    method: 'GET',
    allow: staff,
    denied: 'not-found',
    note: '',
  },
  {
    kind: 'page',
    file: 'app/(moderation)/moderate/rules/page.tsx',
    path: '/moderate/rules',
    method: 'GET',
    allow: admins,
    denied: 'not-found',
    note: '',
  },
  {
    kind: 'page',
    file: 'app/(moderation)/moderate/presets/page.tsx',
    path: '/moderate/presets',
    method: 'GET',
    allow: admins,
    denied: 'not-found',
    note: 'Story presets by section and tag (issue 18).',
  },
  {
    kind: 'page',
    file: 'app/(moderation)/moderate/people/page.tsx',
    path: '/moderate/people',
    method: 'GET',
    allow: staff,
    denied: 'not-found',
    note: 'Find a commenter by part of their name or email.',
  },
  {
    kind: 'page',
    file: 'app/(moderation)/moderate/people/[id]/page.tsx',
    path: '/moderate/people/[id]',
    method: 'GET',
    allow: staff,
    denied: 'not-found',
    note: 'A commenter: standing, comments, reports, notes, measures.',
  },
  {
    kind: 'page',
    file: 'app/(moderation)/moderate/notices/page.tsx',
    path: '/moderate/notices',
    method: 'GET',
    allow: staff,
    denied: 'not-found',
    note: 'Legal notices with the reporters’ names and emails.',
  },
  {
    kind: 'page',
    file: 'app/(moderation)/moderate/log/page.tsx',
    path: '/moderate/log',
    method: 'GET',
    allow: staff,
    denied: 'not-found',
    note: 'Audit log: every moderator reads it (issue 16).',
  },
  {
    kind: 'page',
    file: 'app/(moderation)/moderate/outbox/page.tsx',
    path: '/moderate/outbox',
    method: 'GET',
    allow: admins,
    denied: 'not-found',
    note: 'Recipients’ addresses.',
  },
  {
    kind: 'page',
    file: 'app/dev/mailbox/page.tsx',
    path: '/dev/mailbox',
    method: 'GET',
    allow: nobody,
    denied: 'not-found',
    note: 'Only with DEV_MAILBOX=1 (demo); never on a production server.',
  },
  {
    kind: 'page',
    file: 'app/reply/[commentId]/[token]/page.tsx',
    path: '/reply/[commentId]/[token]',
    method: 'GET',
    allow: ['reply-link'],
    denied: 'invalid-link',
    note: 'Without the link: the "cannot be used" page, no comment.',
  },
  {
    kind: 'page',
    file: 'app/unsubscribe/[token]/page.tsx',
    path: '/unsubscribe/[token]',
    method: 'GET',
    allow: everyone,
    denied: 'invalid-link',
    note: 'The signed token is the capability.',
  },
];

export const actionEntries = accessTable.filter((entry): entry is ActionEntry => entry.kind === 'action');
export const routeEntries = accessTable.filter((entry): entry is RouteEntry => entry.kind === 'route');
export const pageEntries = accessTable.filter((entry): entry is PageEntry => entry.kind === 'page');
export const streamEntries = accessTable.filter((entry): entry is StreamEntry => entry.kind === 'stream');
export const allows = (entry: { allow: readonly Role[] }, role: Role) => entry.allow.includes(role);
