// For every server action in tests/support/access-table.ts: a payload that WOULD succeed for an allowed caller, built
// fresh for each call, and a database check of whether it did. access-actions.spec.ts sends it as each role and
// compares the outcome with the table; access-malformed.spec.ts spoils it.
import { randomUUID } from 'node:crypto';
import { actionEntries, type ActionEntry, type Role } from '../../support/access-table';
import { defaultPolicySettings, type PolicySettings } from '../../../lib/policy';
import { rulesListFields } from '../../../lib/validation/rules';
import { testDb } from '../../support/db';
import {
  accountDeletionTokenFor,
  forgedReplyToken,
  replyLinkFor,
  unsubscribeTokenFor,
} from '../../support/email-links';
import {
  actionResult,
  callActionFetch,
  findAction,
  FormArg,
  formFrom,
  hiddenInputs,
  httpRequest,
  cookieHeader,
  noJsShapeBody,
  pagePathFor,
  postForm,
  type Fields,
  type HttpResult,
} from '../../support/server-actions';
import { type Account, createAccount, createArticle, uniqueSuffix } from '../../support/factories';
import { createActor, type Actor } from '../../support/sessions';

/** How the action is called: with a form (`action(formData)` or, stateful, `action(previous, formData)`), with
 *  plain values, or through the form a page renders (inline actions, whose bound arguments are encrypted). */
export type Call =
  | { shape: 'form'; stateful: boolean; fields: Fields }
  | { shape: 'value'; args: unknown[] }
  | { shape: 'page-form'; page: string };

export type Prepared = { call: Call; effect: (response: HttpResult) => Promise<boolean> };

export type Scenario = {
  prepare: (actor: Actor) => Promise<Prepared>;
  /** Fields without which the call must change nothing. */
  required?: string[];
  /** Number fields, which must refuse 'NaN', '-1', '1.5', '1e309', 'abc'. */
  numeric?: string[];
  /** Fields the action tolerates and normalises rather than refuses (e.g. a callback path it truncates). */
  lenient?: string[];
  /** Allowed roles for which the action has nothing to change (signing out while signed out). */
  inert?: Role[];
  /** Called with plain values, so there is no HTML form to post without JavaScript. */
  fetchOnly?: true;
  /** Reads no input at all (signing out), so malformed arguments still take effect. */
  inputless?: true;
};

export const idleState = { status: 'idle' };
const form = (stateful: boolean, fields: Fields): Call => ({ shape: 'form', stateful, fields });
const db = () => testDb();

// ── Fixtures ───────────────────────────────────────────────────────────────────────────────────────────

let deciderPromise: Promise<Account> | undefined;
/** The moderator whose rejections the walk's appeals are about (never the caller). */
const decider = () => (deciderPromise ??= createAccount('decider', { role: 'MODERATOR' }));

async function comment(data: {
  userId: string;
  status?: 'PUBLISHED' | 'PENDING' | 'REJECTED';
  articleId?: string;
  decided?: boolean;
}) {
  const articleId = data.articleId ?? (await createArticle('walk')).id;
  const id = randomUUID();
  const status = data.status ?? 'PUBLISHED';
  return (await db()).comment.create({
    data: {
      id,
      articleId,
      userId: data.userId,
      threadId: id,
      body: `Walk comment ${uniqueSuffix()}`,
      status,
      rejectClause: status === 'REJECTED' ? 'civility' : null,
      decidedById: status === 'REJECTED' || data.decided ? (await decider()).id : null,
      decidedAt: status === 'PENDING' ? null : new Date(),
    },
  });
}

/** A reader's comment the story's author has answered through a reply link just now (within the edit window). */
async function answeredThroughLink() {
  const target = await comment({ userId: (await createAccount('asked')).id });
  const link = await replyLinkFor(target.id);
  const replyId = randomUUID();
  const now = new Date();
  await (
    await db()
  ).comment.create({
    data: {
      id: replyId,
      articleId: target.articleId,
      authorProfileId: link.authorId,
      parentId: target.id,
      threadId: target.id,
      depth: 1,
      body: `The author answered the walk ${uniqueSuffix()}.`,
      status: 'PUBLISHED',
      createdAt: now,
      decidedAt: now,
    },
  });
  await (await db()).authorReplyLink.update({ where: { id: link.linkId }, data: { usedAt: now, replyId } });
  return { target, link, replyId };
}

/** The caller's own account, or (for callers without one) someone else's. */
const ownerFor = async (actor: Actor) => actor.user ?? (await createAccount('owner'));

/** Suspends an account for a week under a clause, as the walk's decider (never the caller): an appealable measure. */
async function suspendedByDecider(userId: string) {
  const client = await db();
  await client.user.update({ where: { id: userId }, data: { suspendedUntil: new Date(Date.now() + 7 * 86_400_000) } });
  return client.moderationEvent.create({
    data: {
      actorType: 'moderator',
      actorId: (await decider()).id,
      subjectUserId: userId,
      action: 'user-suspend',
      toStatus: 'suspended',
      clause: 'on-topic',
      note: 'Walk suspension.',
    },
  });
}

// ── The rules form ─────────────────────────────────────────────────────────────────────────────────────

/** The rules form as the page renders it for the policy in force. */
export async function currentRulesFields(): Promise<Fields> {
  const row = await (await db()).policyVersion.findFirst({ orderBy: { id: 'desc' }, select: { settings: true } });
  const settings = {
    ...defaultPolicySettings,
    ...(row ? (JSON.parse(row.settings) as Partial<PolicySettings>) : {}),
  } as Record<string, unknown>;
  const fields: Fields = { replayCount: '10', note: '' };
  for (const [name, value] of Object.entries(settings)) {
    if ((rulesListFields as readonly string[]).includes(name)) fields[name] = (value as string[]).join('\n');
    else if (name === 'detectPersonalInfo') {
      if (value) fields[name] = 'on';
    } else if (name === 'disabledRules') fields[name] = value as string[];
    else fields[name] = value === null || value === undefined ? '' : String(value);
  }
  return fields;
}

/** The confirmation hash a dry run hands back for these settings (an admin's dry run, as the page does first). */
async function dryRunHash(fields: Fields): Promise<string> {
  const entry = findAction('app/(moderation)/moderate/rules/actions.ts', 'rulesAction');
  const admin = await createActor('admin');
  const response = await callActionFetch(entry.id, [idleState, new FormArg({ ...fields, intent: 'dry-run' })], {
    path: pagePathFor(entry),
    sessionToken: admin.sessionToken,
  });
  const hash = (actionResult(response.text) as { confirmHash?: string } | undefined)?.confirmHash;
  if (!hash) throw new Error(`dry run gave no confirmHash (HTTP ${response.status})`);
  return hash;
}

// ── Scenarios ──────────────────────────────────────────────────────────────────────────────────────────

export const scenarios: Record<string, Scenario> = {
  postCommentAction: {
    required: ['articleId', 'body', 'idempotencyKey'],
    async prepare() {
      const article = await createArticle('walk-post');
      const body = `A walk comment about the story ${uniqueSuffix()}.`;
      return {
        call: form(true, { articleId: article.id, body, idempotencyKey: randomUUID() }),
        effect: async () => (await (await db()).comment.count({ where: { body } })) > 0,
      };
    },
  },

  editCommentAction: {
    required: ['commentId', 'body'],
    async prepare(actor) {
      const target = await comment({ userId: (await ownerFor(actor)).id });
      const body = `An edited walk comment ${uniqueSuffix()}.`;
      return {
        call: form(true, { commentId: target.id, body }),
        effect: async () => (await (await db()).comment.findUniqueOrThrow({ where: { id: target.id } })).body === body,
      };
    },
  },

  deleteCommentAction: {
    required: ['commentId'],
    async prepare(actor) {
      const target = await comment({ userId: (await ownerFor(actor)).id });
      return {
        call: form(false, { commentId: target.id }),
        effect: async () =>
          (await (await db()).comment.findUniqueOrThrow({ where: { id: target.id } })).status === 'DELETED',
      };
    },
  },

  toggleReactionAction: {
    required: ['commentId'],
    async prepare() {
      const target = await comment({ userId: (await createAccount('liked')).id });
      return {
        call: form(false, { commentId: target.id }),
        effect: async () => (await (await db()).reaction.count({ where: { commentId: target.id } })) > 0,
      };
    },
  },

  reportCommentAction: {
    required: ['commentId', 'clause'],
    async prepare() {
      const target = await comment({ userId: (await createAccount('reported')).id });
      return {
        call: form(true, { commentId: target.id, clause: 'civility', note: 'Walk report.' }),
        effect: async () => (await (await db()).report.count({ where: { commentId: target.id } })) > 0,
      };
    },
  },

  checkDraftAction: {
    fetchOnly: true,
    async prepare() {
      // Trips the shouting rule: an allowed caller gets the warning back, anyone else an empty list.
      return {
        call: { shape: 'value', args: ['THIS IS ABSOLUTELY OUTRAGEOUS AND EVERYONE SHOULD KNOW IT NOW'] },
        effect: async (response) => {
          const result = actionResult(response.text);
          return Array.isArray(result) && result.length > 0;
        },
      };
    },
  },

  requestSignInLinkAction: {
    required: ['email'],
    lenient: ['callbackUrl'],
    async prepare() {
      const email = `walk-${uniqueSuffix()}@security.example`;
      return {
        call: form(true, { email, callbackUrl: '/policy' }),
        effect: async () => (await (await db()).verificationToken.count({ where: { identifier: email } })) > 0,
      };
    },
  },

  chooseDisplayNameAction: {
    required: ['displayName'],
    lenient: ['next'],
    async prepare() {
      const displayName = `Walker ${uniqueSuffix()}`.slice(0, 30);
      return {
        call: form(true, { displayName, next: '/policy' }),
        effect: async () => (await (await db()).user.count({ where: { displayName } })) > 0,
      };
    },
  },

  changeDisplayNameAction: {
    required: ['displayName'],
    async prepare(actor) {
      const displayName = `Renamed ${uniqueSuffix()}`.slice(0, 30);
      return {
        call: form(true, { displayName }),
        effect: async () =>
          !!actor.user &&
          (await (await db()).user.findUniqueOrThrow({ where: { id: actor.user.id } })).displayName === displayName,
      };
    },
  },

  updatePreferencesAction: {
    async prepare(actor) {
      // Only moderation emails stay on: notifyReplies goes from its default (on) to off.
      return {
        call: form(true, { notifyModeration: 'on' }),
        effect: async () =>
          !!actor.user && !(await (await db()).user.findUniqueOrThrow({ where: { id: actor.user.id } })).notifyReplies,
      };
    },
  },

  signOutAction: {
    inputless: true,
    inert: ['signed-out', 'reply-link'],
    async prepare(actor) {
      return {
        call: form(false, {}),
        effect: async () =>
          !!actor.sessionToken &&
          (await (await db()).session.count({ where: { sessionToken: actor.sessionToken } })) === 0,
      };
    },
  },

  appealAction: {
    required: ['commentId', 'statement'],
    async prepare(actor) {
      const target = await comment({ userId: (await ownerFor(actor)).id, status: 'REJECTED' });
      return {
        call: form(true, { commentId: target.id, statement: 'This was on topic; please look again.' }),
        effect: async () => (await (await db()).appeal.count({ where: { commentId: target.id } })) > 0,
      };
    },
  },

  appealMeasureAction: {
    required: ['measure', 'statement'],
    async prepare(actor) {
      const owner = await ownerFor(actor);
      await suspendedByDecider(owner.id);
      return {
        call: form(true, { measure: 'suspend', statement: 'My comments were on topic; please look again.' }),
        effect: async () =>
          (await (await db()).appeal.count({ where: { userId: owner.id, measureKind: 'suspend' } })) > 0,
      };
    },
  },

  requestAccountDeletionAction: {
    async prepare(actor) {
      return {
        call: form(true, {}),
        effect: async () =>
          !!actor.user &&
          (await (await db()).outboxMessage.count({ where: { to: actor.user.email, kind: 'account-deletion' } })) > 0,
      };
    },
  },

  confirmAccountDeletionAction: {
    required: ['token'],
    async prepare() {
      // The link's holder deletes the link's account, whoever is signed in (or nobody).
      const leaving = await createAccount('leaving');
      return {
        call: form(false, { token: accountDeletionTokenFor(leaving.id) }),
        effect: async () => (await (await db()).user.count({ where: { id: leaving.id } })) === 0,
      };
    },
  },

  muteCommenterAction: {
    required: ['commentId'],
    async prepare() {
      const target = await comment({ userId: (await createAccount('loud')).id });
      return {
        call: form(false, { commentId: target.id }),
        effect: async () => (await (await db()).mute.count({ where: { mutedId: target.userId! } })) > 0,
      };
    },
  },

  unmuteCommenterAction: {
    required: ['userId'],
    async prepare(actor) {
      // The caller's own mute (someone else's for a caller without an account, which must stay).
      const muter = await ownerFor(actor);
      const muted = await createAccount('muted');
      await (await db()).mute.create({ data: { muterId: muter.id, mutedId: muted.id } });
      return {
        call: form(false, { userId: muted.id }),
        effect: async () => (await (await db()).mute.count({ where: { muterId: muter.id, mutedId: muted.id } })) === 0,
      };
    },
  },

  decideAction: {
    required: ['commentId', 'version', 'decision'],
    numeric: ['version'],
    async prepare() {
      const target = await comment({ userId: (await createAccount('held')).id, status: 'PENDING' });
      return {
        call: form(true, { commentId: target.id, version: '0', decision: 'approve' }),
        effect: async () =>
          (await (await db()).comment.findUniqueOrThrow({ where: { id: target.id } })).status === 'PUBLISHED',
      };
    },
  },

  redactAction: {
    required: ['commentId', 'version', 'body', 'clause'],
    numeric: ['version'],
    async prepare() {
      const target = await comment({ userId: (await createAccount('held')).id, status: 'PENDING' });
      return {
        call: form(true, { commentId: target.id, version: '0', body: 'Walk [removed]', clause: 'privacy' }),
        effect: async () =>
          (await (await db()).comment.findUniqueOrThrow({ where: { id: target.id } })).originalBody !== null,
      };
    },
  },

  bulkDecideAction: {
    required: ['selected', 'decision'],
    async prepare() {
      const author = await createAccount('held');
      const targets = [
        await comment({ userId: author.id, status: 'PENDING' }),
        await comment({ userId: author.id, status: 'PENDING' }),
      ];
      return {
        call: form(true, { selected: targets.map((t) => `${t.id}:0`), decision: 'approve' }),
        effect: async () =>
          (await (
            await db()
          ).comment.count({ where: { id: { in: targets.map((t) => t.id) }, status: 'PUBLISHED' } })) === 2,
      };
    },
  },

  undoAction: {
    required: ['batchId'],
    // A decision the caller made a moment ago (an approval): the undo holds the comment again.
    async prepare(actor) {
      const target = await comment({ userId: (await createAccount('undone')).id, decided: true });
      const batchId = randomUUID();
      const before = {
        status: 'PENDING',
        hiddenByReports: false,
        featured: false,
        decidedAt: null,
        decidedById: null,
        rejectClause: null,
        rejectNote: null,
        reportCount: 0,
        triageKey: '0-000000-9999999999999',
        reports: [],
        digestItem: false,
        released: [],
      };
      await (
        await db()
      ).decisionUndo.create({
        data: {
          eventId: randomUUID(),
          batchId,
          commentId: target.id,
          moderatorId: actor.user?.id ?? (await decider()).id,
          action: 'approve',
          before: JSON.stringify(before),
          version: target.version,
          expiresAt: new Date(Date.now() + 10 * 60_000),
        },
      });
      return {
        call: form(true, { batchId }),
        effect: async () =>
          (await (await db()).comment.findUniqueOrThrow({ where: { id: target.id } })).status === 'PENDING',
      };
    },
  },

  userMeasureAction: {
    required: ['userId', 'measure', 'clause'],
    numeric: ['days'],
    async prepare() {
      const target = await createAccount('measured');
      return {
        call: form(true, { userId: target.id, measure: 'suspend', days: '7', clause: 'civility', note: 'Walk.' }),
        effect: async () =>
          (await (await db()).user.findUniqueOrThrow({ where: { id: target.id } })).suspendedUntil !== null,
      };
    },
  },

  addAccountNoteAction: {
    required: ['userId', 'body'],
    async prepare() {
      const target = await createAccount('noted');
      return {
        call: form(true, { userId: target.id, body: 'Walk note.' }),
        effect: async () => (await (await db()).accountNote.count({ where: { userId: target.id } })) > 0,
      };
    },
  },

  submitNoticeAction: {
    required: ['commentId', 'category', 'explanation', 'name', 'email', 'goodFaith'],
    async prepare() {
      const target = await comment({ userId: (await createAccount('noticed')).id });
      return {
        call: form(true, {
          commentId: target.id,
          category: 'defamation',
          law: '',
          explanation: 'This comment states as fact an invented crime by a named person.',
          name: 'Walk Reporter',
          email: `notice-${uniqueSuffix()}@walk.example`,
          goodFaith: 'on',
        }),
        effect: async () => (await (await db()).legalNotice.count({ where: { commentId: target.id } })) > 0,
      };
    },
  },

  decideNoticeAction: {
    required: ['noticeId', 'outcome', 'reason'],
    async prepare() {
      const target = await comment({ userId: (await createAccount('noticed')).id });
      const notice = await (
        await db()
      ).legalNotice.create({
        data: {
          reference: `N-${uniqueSuffix().slice(-8).toUpperCase()}`,
          commentId: target.id,
          articleId: target.articleId,
          category: 'defamation',
          explanation: 'This comment states as fact an invented crime by a named person.',
          reporterName: 'Walk Reporter',
          reporterEmail: `notice-${uniqueSuffix()}@walk.example`,
        },
      });
      return {
        call: form(true, { noticeId: notice.id, outcome: 'no-action', reason: 'Fair comment on a public matter.' }),
        effect: async () =>
          (await (await db()).legalNotice.findUniqueOrThrow({ where: { id: notice.id } })).status !== 'OPEN',
      };
    },
  },

  decideAppealAction: {
    required: ['appealId', 'outcome'],
    async prepare() {
      const author = await createAccount('appellant');
      const target = await comment({ userId: author.id, status: 'REJECTED' });
      const appeal = await (
        await db()
      ).appeal.create({
        data: { commentId: target.id, userId: author.id, statement: 'Please look again at this one.' },
      });
      return {
        call: form(true, { appealId: appeal.id, outcome: 'uphold', note: 'Walk.' }),
        effect: async () =>
          (await (await db()).appeal.findUniqueOrThrow({ where: { id: appeal.id } })).status !== 'OPEN',
      };
    },
  },

  decideMeasureAppealAction: {
    required: ['appealId', 'outcome', 'reason'],
    async prepare() {
      const appellant = await createAccount('measure-appellant');
      const imposed = await suspendedByDecider(appellant.id);
      const appeal = await (
        await db()
      ).appeal.create({
        data: {
          userId: appellant.id,
          measureEventId: imposed.id,
          measureKind: 'suspend',
          statement: 'Please look again at my suspension.',
        },
      });
      return {
        call: form(true, { appealId: appeal.id, outcome: 'uphold', reason: 'Walk: the suspension stands.' }),
        effect: async () =>
          (await (await db()).appeal.findUniqueOrThrow({ where: { id: appeal.id } })).status !== 'OPEN',
      };
    },
  },

  updateArticleSettingsAction: {
    required: ['articleId', 'commentMode'],
    numeric: ['autoCloseDays'],
    async prepare() {
      const article = await createArticle('walk-settings');
      return {
        call: form(true, { articleId: article.id, commentMode: 'premoderated', autoCloseDays: '30' }),
        effect: async () => (await (await db()).article.findUniqueOrThrow({ where: { id: article.id } })).premoderate,
      };
    },
  },

  rulesAction: {
    required: ['confirmHash', 'intent'],
    lenient: ['disabledRules'], // values that are not rule ids are dropped, by design
    numeric: ['maxLinks', 'replayCount'],
    async prepare() {
      // Saves the settings already in force (a new version identical to the current one), after a dry run.
      const fields = await currentRulesFields();
      const confirmHash = await dryRunHash(fields);
      const note = `walk ${uniqueSuffix()}`;
      return {
        call: form(true, { ...fields, note, intent: 'save', confirmHash }),
        effect: async () => (await (await db()).policyVersion.count({ where: { note } })) > 0,
      };
    },
  },

  presetAction: {
    required: ['confirmHash', 'intent', 'name', 'tags'],
    numeric: ['premoderateHours', 'closeAfter', 'holdLinksFrom'],
    async prepare() {
      // Adds a preset for a tag no story has (it changes no story), after a dry run, as the page does.
      const suffix = uniqueSuffix();
      const note = `walk ${suffix}`;
      const fields: Fields = {
        presetId: '',
        name: `Walk ${suffix}`,
        sections: '',
        tags: `walk-${suffix}`,
        mode: 'premoderated',
        premoderateHours: '6',
        closeAfter: '3',
        closeAfterUnit: 'days',
        holdLinksFrom: '1',
        notice: 'Walk notice.',
        note,
      };
      const entry = findAction('app/(moderation)/moderate/presets/actions.ts', 'presetAction');
      const admin = await createActor('admin');
      const response = await callActionFetch(entry.id, [idleState, new FormArg({ ...fields, intent: 'dry-run' })], {
        path: pagePathFor(entry),
        sessionToken: admin.sessionToken,
      });
      const confirmHash = (actionResult(response.text) as { confirmHash?: string } | undefined)?.confirmHash;
      if (!confirmHash) throw new Error(`preset dry run gave no confirmHash (HTTP ${response.status})`);
      return {
        call: form(true, { ...fields, intent: 'save', confirmHash }),
        effect: async () => (await (await db()).presetVersion.count({ where: { note } })) > 0,
      };
    },
  },

  postAuthorReplyAction: {
    required: ['commentId', 'token', 'body'],
    async prepare(actor) {
      const target = await comment({ userId: (await createAccount('asked')).id });
      const link = await replyLinkFor(target.id);
      // Only the bearer holds the link; anyone else can only make one up.
      const token = actor.role === 'reply-link' ? link.token : forgedReplyToken(target.id, link.authorId);
      const body = `The author answers the walk ${uniqueSuffix()}.`;
      return {
        call: form(true, { commentId: target.id, token, body }),
        effect: async () => (await (await db()).comment.count({ where: { body, authorProfileId: { not: null } } })) > 0,
      };
    },
  },

  editAuthorReplyAction: {
    required: ['commentId', 'token', 'body'],
    async prepare(actor) {
      const { target, link, replyId } = await answeredThroughLink();
      const token = actor.role === 'reply-link' ? link.token : forgedReplyToken(target.id, link.authorId);
      const body = `The author corrects the walk ${uniqueSuffix()}.`;
      return {
        call: form(true, { commentId: target.id, token, body }),
        effect: async () => (await (await db()).comment.count({ where: { id: replyId, body } })) > 0,
      };
    },
  },

  deleteAuthorReplyAction: {
    required: ['commentId', 'token'],
    async prepare(actor) {
      const { target, link, replyId } = await answeredThroughLink();
      const token = actor.role === 'reply-link' ? link.token : forgedReplyToken(target.id, link.authorId);
      return {
        call: form(true, { commentId: target.id, token }),
        effect: async () => (await (await db()).comment.count({ where: { id: replyId, status: 'DELETED' } })) > 0,
      };
    },
  },

  requestFreshLinkAction: {
    required: ['commentId'],
    async prepare() {
      const target = await comment({ userId: (await createAccount('asked')).id });
      // A writer of its own: fresh links are limited per author (issue 12.4), and the walk calls this many times.
      const suffix = uniqueSuffix();
      const author = await (
        await db()
      ).author.create({
        data: {
          email: `asked-${suffix}@ledger.test`,
          name: `Asked ${suffix}`,
          slug: `asked-${suffix}`,
          notifyOnComments: false,
        },
      });
      await (await db()).article.update({ where: { id: target.articleId }, data: { authorId: author.id } });
      return {
        call: form(true, { commentId: target.id }),
        effect: async () => (await (await db()).authorReplyLink.count({ where: { commentId: target.id } })) > 0,
      };
    },
  },

  // app/unsubscribe/[token]/page.tsx's inline action: the page's form carries the (encrypted) token.
  change: {
    lenient: ['subscribe'],
    async prepare() {
      const target = await createAccount('subscriber');
      const token = unsubscribeTokenFor({ kind: 'user', id: target.id, topic: 'replies' });
      return {
        call: { shape: 'page-form', page: `/unsubscribe/${token}` },
        effect: async () => !(await (await db()).user.findUniqueOrThrow({ where: { id: target.id } })).notifyReplies,
      };
    },
  },
};

// ── Invoking ───────────────────────────────────────────────────────────────────────────────────────────

export type Shape = 'fetch' | 'no-js';

/** A page-form call resolved: the action id, its bound arguments and the form's own fields. */
export async function scrapePageForm(page: string, actor: Actor) {
  const html = (await httpRequest('GET', page, { headers: cookieHeader(actor.sessionToken) })).text;
  const hidden = hiddenInputs(html);
  const meta = JSON.parse(hidden['$ACTION_1:0'] ?? '{}') as { id?: string; bound?: string };
  const resolve = (value: unknown): unknown =>
    typeof value === 'string' && value.startsWith('$@')
      ? resolve(JSON.parse(hidden[`$ACTION_1:${value.slice(2)}`] ?? 'null'))
      : Array.isArray(value)
        ? value.map(resolve)
        : value;
  const bound = (resolve(meta.bound) as unknown[] | null) ?? [];
  const own = Object.fromEntries(Object.entries(hidden).filter(([name]) => !name.startsWith('$ACTION_')));
  return { id: meta.id!, bound, hidden, own };
}

/** A reply-link bearer sends its link's token (as `token`) with every form, to show it opens nothing but that one reply. */
export async function withBearerToken(actor: Actor, prepared: Prepared): Promise<Prepared> {
  const { call } = prepared;
  if (actor.role !== 'reply-link' || call.shape !== 'form' || 'token' in call.fields) return prepared;
  const asked = await comment({ userId: (await createAccount('asked')).id });
  return { ...prepared, call: { ...call, fields: { ...call.fields, token: (await replyLinkFor(asked.id)).token } } };
}

/** Sends the prepared call as `actor`, in the fetch or the no-JS shape. */
export async function invoke(entry: ActionEntry, call: Call, actor: Actor, shape: Shape): Promise<HttpResult> {
  const session = { sessionToken: actor.sessionToken };
  if (call.shape === 'page-form') {
    const scraped = await scrapePageForm(call.page, actor);
    if (shape === 'no-js') return postForm(formFrom(scraped.hidden), { path: call.page, ...session });
    return callActionFetch(scraped.id, [...scraped.bound, new FormArg(scraped.own)], { path: call.page, ...session });
  }
  const action = findAction(entry.file, entry.exportName);
  const path = pagePathFor(action);
  if (call.shape === 'value') return callActionFetch(action.id, call.args, { path, ...session });
  if (shape === 'fetch')
    return callActionFetch(
      action.id,
      call.stateful ? [idleState, new FormArg(call.fields)] : [new FormArg(call.fields)],
      { path, ...session },
    );
  return postForm(noJsShapeBody(action.id, call.fields, call.stateful ? idleState : undefined), { path, ...session });
}

/** Counts that any change a refused call could make would move. */
export async function fingerprint(): Promise<Record<string, number>> {
  const d = await db();
  const counts = {
    comments: d.comment.count(),
    published: d.comment.count({ where: { status: 'PUBLISHED' } }),
    pending: d.comment.count({ where: { status: 'PENDING' } }),
    rejected: d.comment.count({ where: { status: 'REJECTED' } }),
    deleted: d.comment.count({ where: { status: 'DELETED' } }),
    featured: d.comment.count({ where: { featured: true } }),
    edited: d.comment.count({ where: { editedAt: { not: null } } }),
    hidden: d.comment.count({ where: { hiddenByReports: true } }),
    reactions: d.reaction.count(),
    reports: d.report.count(),
    appeals: d.appeal.count(),
    mutes: d.mute.count(),
    openAppeals: d.appeal.count({ where: { status: 'OPEN' } }),
    events: d.moderationEvent.count(),
    policyVersions: d.policyVersion.count(),
    presetVersions: d.presetVersion.count(),
    signInTokens: d.verificationToken.count(),
    // Not all reply links: the author digest job creates them in the background for other specs' comments.
    usedReplyLinks: d.authorReplyLink.count({ where: { usedAt: { not: null } } }),
    users: d.user.count(),
    unnamed: d.user.count({ where: { displayName: null } }),
    suspended: d.user.count({ where: { suspendedUntil: { not: null } } }),
    banned: d.user.count({ where: { bannedAt: { not: null } } }),
    premoderatedUsers: d.user.count({ where: { premoderated: true } }),
    staff: d.user.count({ where: { role: { not: 'READER' } } }),
    noReplyMail: d.user.count({ where: { notifyReplies: false } }),
    noAuthorReplyMail: d.user.count({ where: { notifyAuthorReplies: false } }),
    noModerationMail: d.user.count({ where: { notifyModeration: false } }),
    authorsUnsubscribed: d.author.count({ where: { notifyOnComments: false } }),
    closedArticles: d.article.count({ where: { commentsOpen: false } }),
    premoderatedArticles: d.article.count({ where: { premoderate: true } }),
    autoClose: d.article.count({ where: { autoCloseDays: { not: null } } }),
    ownModes: d.article.count({ where: { commentMode: { not: null } } }),
  };
  const values = await Promise.all(Object.values(counts));
  const versions = await d.comment.aggregate({ _sum: { version: true, reactionCount: true, reportCount: true } });
  return {
    ...Object.fromEntries(Object.keys(counts).map((key, i) => [key, values[i]!])),
    versionSum: versions._sum.version ?? 0,
    reactionSum: versions._sum.reactionCount ?? 0,
    reportSum: versions._sum.reportCount ?? 0,
  };
}

// ── Calls by action name (the specs beyond roles) ──────────────────────────────────────────────────────

const byName = (name: string) => actionEntries.find((a) => a.exportName === name)!;
/** `name(previous state, form)`, as its page's useActionState form sends it, by the actor. */
export async function callForm(name: string, actor: Actor, fields: Fields, options: { origin?: string } = {}) {
  const entry = byName(name);
  const action = findAction(entry.file, entry.exportName);
  return callActionFetch(action.id, [idleState, new FormArg(fields)], {
    path: pagePathFor(action),
    sessionToken: actor.sessionToken,
    ...options,
  });
}
/** `name(form)`, as a plain form action is called, by the actor. */
export async function callPlain(name: string, actor: Actor, fields: Fields) {
  const entry = byName(name);
  const action = findAction(entry.file, entry.exportName);
  return callActionFetch(action.id, [new FormArg(fields)], {
    path: pagePathFor(action),
    sessionToken: actor.sessionToken,
  });
}
