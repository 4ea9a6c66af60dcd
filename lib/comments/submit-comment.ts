// The one way a reader's comment enters the system: validate the context, run the policy,
// store the comment with its outcome and audit entry, all in one transaction.
// Later features (author replies, notifications) extend this rather than writing comments elsewhere.
import { loadStoryPolicy, presetColumns } from '../data/presets';
import { clockNow } from '../site/clock';
import { reasonClauses, triageKey } from '../moderation/triage';
import { randomUUID } from 'node:crypto';
import { db } from '../db';
import { getActivePolicy } from '../data/policy';
import { evaluate, type Reason, type Verdict } from '../policy';
import { clauseLabel } from '../policy/clauses';
import { canResubmitComment, commentBlock, type Viewer } from '../auth/permissions';
import { isUniqueViolation } from '../database/errors';
import { onCommentPublished, parentNotificationSelect } from '../notifications/events';
import { recordEvent } from './audit';
import { describeReason } from './reasons';
import { loadContext } from './submission-context';
import { invalidateArticle, invalidateQueues } from '../cache/invalidate';

export type SubmitInput = {
  viewer: Viewer;
  articleId: string;
  parentId?: string;
  body: string;
  idempotencyKey: string;
  ip?: string;
  /** A rejected comment of the writer's that this one corrects: it is withdrawn in the same transaction. */
  replaces?: string;
};

export type SubmitResult =
  | {
      ok: true;
      commentId: string;
      /** The story's slug: the page to refresh. */
      articleSlug: string;
      status: 'PUBLISHED' | 'PENDING' | 'REJECTED';
      reasons: Reason[];
      duplicate: boolean;
    }
  // Refused outright: nothing stored, the reader keeps the draft and can try again (or not).
  | {
      ok: false;
      code: 'closed' | 'blocked' | 'not-found' | 'flood';
      message: string;
      retryAfterSeconds?: number;
      reasons?: Reason[];
    };

// Outcomes that refuse the attempt rather than judge the text: storing them would only fill the queue.
const refusalRules = new Set(['flood-user', 'flood-ip', 'comments-closed', 'auto-closed']);

export async function submitComment(input: SubmitInput, now = new Date()): Promise<SubmitResult> {
  const { viewer } = input;
  const blocked = commentBlock(viewer, now);
  // Every refusal names its clause: suspensions and bans are measures under §9 (a missing display name is not).
  if (blocked)
    return {
      ok: false,
      code: 'blocked',
      message: viewer.displayName ? `${clauseLabel('moderation')}: ${blocked}` : blocked,
    };

  // A retried or double-clicked submit: answer with the comment the first one created.
  const existing = await db.comment.findUnique({
    where: { userId_idempotencyKey: { userId: viewer.id, idempotencyKey: input.idempotencyKey } },
    select: firstSubmission,
  });
  if (existing) return answeredBefore(existing);

  const article = await db.article.findUnique({
    where: { id: input.articleId },
    // authorId, author: what a published comment's notifications need, read here rather than inside the transaction.
    select: {
      id: true,
      slug: true,
      authorId: true,
      author: { select: { notifyOnComments: true } },
      ...presetColumns,
    },
  });
  if (!article) return { ok: false, code: 'not-found', message: 'This story no longer exists.' };

  // A corrected version of a rejected comment is judged as a new submission, in the same place in the thread.
  let replaced: { id: string; version: number; parentId: string | null; decidedById: string | null } | null = null;
  if (input.replaces) {
    const old = await db.comment.findUnique({
      where: { id: input.replaces },
      select: {
        id: true,
        userId: true,
        status: true,
        articleId: true,
        parentId: true,
        version: true,
        decidedById: true,
        appeal: { select: { status: true } },
      },
    });
    if (
      !old ||
      old.articleId !== article.id ||
      !canResubmitComment(viewer, { ...old, appealOpen: old.appeal?.status === 'OPEN' }, now)
    )
      return {
        ok: false,
        code: 'not-found',
        message: 'That comment can no longer be corrected and sent again: reload the page.',
      };
    replaced = old;
  }
  const parentId = replaced ? replaced.parentId : input.parentId;

  let parent: Awaited<ReturnType<typeof findParent>> = null;
  if (parentId) {
    parent = await findParent(parentId, article.id);
    if (!parent)
      return { ok: false, code: 'not-found', message: 'The comment you are replying to is no longer available.' };
  }

  const policy = await getActivePolicy();
  // The story's presets at submission time (issue 18): open, pre-moderated or closed now, and stricter thresholds.
  const [context, presets] = await Promise.all([
    loadContext(input, article, now, policy.settings),
    loadStoryPolicy(article, clockNow()),
  ]);
  const corrects = replaced ? { rejectedBy: replaced.decidedById ? ('moderator' as const) : ('rules' as const) } : null;
  const verdict = evaluate(
    { body: input.body },
    { ...context, article: { ...context.article, presets }, corrects },
    policy.compiled,
  );
  const refusal = verdict.reasons.find((reason) => refusalRules.has(reason.ruleId));
  if (refusal) {
    const retry = refusal.evidence.find((e) => e.kind === 'retry');
    return {
      ok: false,
      code: refusal.ruleId.startsWith('flood') ? 'flood' : 'closed',
      // Every refusal names its clause, like every hold and rejection ("§4 No spam or self-promotion: …").
      message: describeReason(refusal),
      retryAfterSeconds: retry?.kind === 'retry' ? retry.retryAfterSeconds : undefined,
      reasons: [refusal],
    };
  }

  const status = statusFor(verdict);
  const id = randomUUID();
  try {
    await db.$transaction(async (tx) => {
      await tx.comment.create({
        data: {
          id,
          articleId: article.id,
          userId: viewer.id,
          parentId: parent?.id,
          threadId: parent ? (parent.threadId ?? parent.id) : id,
          depth: parent ? parent.depth + 1 : 0,
          body: input.body,
          status,
          reasons: JSON.stringify(verdict.reasons),
          triageKey: triageKey({
            status,
            reasonClauses: reasonClauses(verdict.reasons),
            reportClauses: [],
            reportCount: 0,
            createdAt: now,
          }),
          idempotencyKey: input.idempotencyKey,
          ip: input.ip,
          createdAt: now,
          decidedAt: status === 'PENDING' ? null : now,
        },
      });
      if (replaced) await withdrawReplaced(tx, replaced, id, viewer.id, now);
      if (status === 'PUBLISHED') {
        await tx.article.update({ where: { id: article.id }, data: { commentCount: { increment: 1 } } });
        await onCommentPublished(tx, {
          id,
          userId: viewer.id,
          authorProfileId: null,
          threadId: parent ? (parent.threadId ?? parent.id) : id,
          article: { id: article.id, authorId: article.authorId, notifyAuthor: article.author.notifyOnComments },
          parent: parent && { userId: parent.userId, user: parent.user },
          fresh: true,
        });
      }
      await recordEvent(tx, {
        commentId: id,
        actorType: 'rule',
        action: status === 'PUBLISHED' ? 'auto-publish' : status === 'PENDING' ? 'auto-hold' : 'auto-reject',
        fromStatus: null,
        toStatus: status,
        clause: verdict.reasons[0]?.clause ?? null,
        clauses: verdict.reasons.map((reason) => reason.clause),
        note: verdict.reasons.map((reason) => `${reason.ruleId}: ${reason.message}`).join('\n') || null,
      });
    });
  } catch (error) {
    if (error instanceof ReplacedChangedError)
      return { ok: false, code: 'not-found', message: 'That comment changed meanwhile: reload the page.' };
    // Two submits with one key raced: the other one won, and its comment is the answer.
    if (isUniqueViolation(error)) {
      const winner = await db.comment.findUnique({
        where: { userId_idempotencyKey: { userId: viewer.id, idempotencyKey: input.idempotencyKey } },
        select: firstSubmission,
      });
      if (winner) return answeredBefore(winner);
    }
    throw error;
  }
  if (status === 'PUBLISHED') await invalidateArticle(article.id);
  else invalidateQueues();
  return { ok: true, commentId: id, articleSlug: article.slug, status, reasons: verdict.reasons, duplicate: false };
}

/** The published comment a reply answers, with what its writer's notification needs. */
function findParent(parentId: string, articleId: string) {
  return db.comment.findFirst({
    where: { id: parentId, articleId, status: 'PUBLISHED', hiddenByReports: false },
    select: { id: true, threadId: true, depth: true, ...parentNotificationSelect },
  });
}

const firstSubmission = { id: true, status: true, reasons: true, article: { select: { slug: true } } } as const;

/** The answer the first submit with this idempotency key got. */
function answeredBefore(comment: { id: string; status: string; reasons: string; article: { slug: string } }) {
  return {
    ok: true as const,
    commentId: comment.id,
    articleSlug: comment.article.slug,
    status: comment.status as 'PUBLISHED',
    reasons: JSON.parse(comment.reasons) as Reason[],
    duplicate: true,
  };
}

class ReplacedChangedError extends Error {}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** The rejected original leaves the page; its decision stays on record (the event keeps its status for trust). */
async function withdrawReplaced(
  tx: Tx,
  replaced: { id: string; version: number },
  newId: string,
  userId: string,
  now: Date,
) {
  const gone = await tx.comment.updateMany({
    where: { id: replaced.id, version: replaced.version, status: 'REJECTED' },
    data: { status: 'DELETED', deletedAt: now, version: { increment: 1 } },
  });
  if (gone.count !== 1) throw new ReplacedChangedError();
  await recordEvent(tx, {
    commentId: replaced.id,
    actorType: 'reader',
    actorId: userId,
    action: 'resubmit',
    fromStatus: 'REJECTED',
    toStatus: 'DELETED',
    note: `Corrected and sent again as ${newId}.`,
  });
}

function statusFor(verdict: Verdict): 'PUBLISHED' | 'PENDING' | 'REJECTED' {
  return verdict.outcome === 'publish' ? 'PUBLISHED' : verdict.outcome === 'hold' ? 'PENDING' : 'REJECTED';
}
