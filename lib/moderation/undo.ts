// "Undo" for a moderator's decision (issue 16): for a few seconds after a decision (single or bulk), the moderator
// who made it can take it back. Nothing the decision caused may have reached anyone by then:
//   - its emails (the writer's statement of reasons, reply notifications, an editors'-pick note) wait in the outbox
//     until the window ends (nextAttemptAt, heldForEventId) and are deleted by an undo;
//   - the story author's digest entry is dated at the window's end (the digest leaves it until then) and deleted;
//   - an approval that released the writer's other held comments (lib/moderation/release.ts) is reversed with it:
//     those comments are held again with their reasons (their emails were held under the same decision). We reverse
//     rather than delay the release: a delayed release would need a job to run it later, and the writer's comments
//     would wait for no reason when, as nearly always, the approval stands;
//   - the comment gets back its status, flags, decision fields and reports exactly, and the story's cached page is
//     invalidated, as the decision's was.
// The audit log stays append-only: each comment gets a "decision-undone" entry naming the entry it reverses, and the
// transparency figures leave both out. An undo after the window, by another moderator (admins may), or of a comment
// changed since (the version moved) is refused with a message; nothing is overwritten.
import { db, type Db } from '../db';
import { env } from '../env';
import { recordEvent } from '../comments/audit';
import { invalidateArticle } from '../cache/invalidate';
import { isAdmin, type Viewer } from '../auth/permissions';
import type { ReleasedHold } from './release';
import { refreshTriageKey } from './triage';

/** The undo window, MODERATION_UNDO_SECONDS (10 by default; 0 turns undo off). */
export const undoWindowMs = () => env().MODERATION_UNDO_SECONDS * 1000;

/** An undo row outlives its window by this much, so a late press reads "too late" rather than "nothing to undo";
 *  then it goes, with the reports' notes its snapshot holds. */
const keepMs = 60 * 60_000;

/** Deletes the undo rows long past their window (called with each new decision that can be undone). */
export async function forgetExpiredUndos(tx: Pick<Db, 'decisionUndo'>, now: Date): Promise<void> {
  await tx.decisionUndo.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - keepMs) } } });
}

/** The audit action of a reversal. */
export const undoneAction = 'decision-undone';

/** What a comment was before a decision that can be undone (DecisionUndo.before). */
export type UndoSnapshot = {
  status: 'PENDING' | 'PUBLISHED' | 'REJECTED' | 'DELETED';
  hiddenByReports: boolean;
  featured: boolean;
  decidedAt: string | null;
  decidedById: string | null;
  rejectClause: string | null;
  rejectNote: string | null;
  reportCount: number;
  triageKey: string;
  reports: { userId: string; clause: string; note: string; createdAt: string }[];
  /** The author's digest already had this comment before the decision. */
  digestItem: boolean;
  released: ReleasedHold[];
};

export type UndoResult =
  { ok: true; message: string; commentIds: string[]; articleSlugs: string[] } | { ok: false; message: string };

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

const verbs: Record<string, string> = {
  approve: 'Approved',
  reject: 'Rejected',
  feature: 'Featured',
  unfeature: 'Removed from editors’ picks',
};
const comments = (n: number) => `${n} comment${n === 1 ? '' : 's'}`;

/** The moderator's latest decision they can still undo, for the queue's notice: "Approved 1 comment". */
export async function latestUndoable(moderatorId: string, now = new Date()) {
  const latest = await db.decisionUndo.findFirst({
    where: { moderatorId },
    orderBy: { createdAt: 'desc' },
    select: { batchId: true },
  });
  if (!latest) return null;
  const rows = await db.decisionUndo.findMany({
    where: { batchId: latest.batchId },
    select: { action: true, expiresAt: true, undoneAt: true, createdAt: true },
  });
  if (rows.some((row) => row.undoneAt) || rows[0]!.expiresAt <= now) return null;
  return {
    batchId: latest.batchId,
    label: `${verbs[rows[0]!.action] ?? 'Decided'} ${comments(rows.length)}`,
    expiresAt: rows[0]!.expiresAt,
    decidedAt: rows[0]!.createdAt,
  };
}

class Changed extends Error {}

export async function undoDecisions(moderator: Viewer, batchId: string, now = new Date()): Promise<UndoResult> {
  const rows = await db.decisionUndo.findMany({ where: { batchId }, orderBy: { createdAt: 'asc' } });
  if (!rows.length) return { ok: false, message: 'There is no decision to undo.' };
  if (rows[0]!.moderatorId !== moderator.id && !isAdmin(moderator))
    return { ok: false, message: 'Only the moderator who made this decision can undo it. Nothing was changed.' };
  if (rows.every((row) => row.undoneAt)) return { ok: false, message: 'This decision was already undone.' };
  if (rows[0]!.expiresAt <= now)
    return {
      ok: false,
      message: `Too late to undo: a decision can be undone for ${env().MODERATION_UNDO_SECONDS} seconds. Nothing was changed; decide the comment again instead.`,
    };
  const restored: string[] = [];
  const refused: string[] = [];
  const articleIds = new Set<string>();
  for (const row of rows) {
    if (row.undoneAt) continue;
    try {
      const articles = await db.$transaction((tx) => undoOne(tx, moderator, row, now));
      if (articles === null) continue;
      restored.push(row.commentId);
      articles.forEach((id) => articleIds.add(id));
    } catch (error) {
      if (!(error instanceof Changed)) throw error;
      refused.push(row.commentId);
    }
  }
  for (const articleId of articleIds) await invalidateArticle(articleId);
  const slugs = await db.article.findMany({ where: { id: { in: [...articleIds] } }, select: { slug: true } });
  if (!restored.length)
    return {
      ok: false,
      message: `Not undone: ${refused.length === 1 ? 'the comment has' : 'the comments have'} changed since (another decision, an edit or an appeal). Nothing was changed.`,
    };
  return {
    ok: true,
    commentIds: restored,
    articleSlugs: slugs.map((article) => article.slug),
    message:
      `Undone: ${comments(restored.length)} back as before; no email about it was sent.` +
      (refused.length ? ` ${comments(refused.length)} changed since and stayed as they are.` : ''),
  };
}

const visible = (c: { status: string; hiddenByReports: boolean }) => c.status === 'PUBLISHED' && !c.hiddenByReports;

/** Reverses one comment's decision; the article ids to invalidate, or null when another undo got there first. */
async function undoOne(
  tx: Tx,
  moderator: Viewer,
  row: { eventId: string; commentId: string; action: string; before: string; version: number },
  now: Date,
): Promise<string[] | null> {
  const claimed = await tx.decisionUndo.updateMany({
    where: { eventId: row.eventId, undoneAt: null },
    data: { undoneAt: now },
  });
  if (claimed.count !== 1) return null;
  const before = JSON.parse(row.before) as UndoSnapshot;
  const current = await tx.comment.findUnique({
    where: { id: row.commentId },
    select: { status: true, hiddenByReports: true, articleId: true, reportCount: true },
  });
  if (!current) throw new Changed();
  // The decision zeroed the report count: reports since then are kept on top of the ones it settled.
  const restoredReports: typeof before.reports = [];
  for (const report of before.reports) {
    const exists = await tx.report.findUnique({
      where: { commentId_userId: { commentId: row.commentId, userId: report.userId } },
      select: { id: true },
    });
    const reporter = await tx.user.findUnique({ where: { id: report.userId }, select: { id: true } });
    if (exists || !reporter) continue;
    await tx.report.create({ data: { ...report, commentId: row.commentId, createdAt: new Date(report.createdAt) } });
    restoredReports.push(report);
  }
  const reverted = await tx.comment.updateMany({
    where: { id: row.commentId, version: row.version },
    data: {
      status: before.status,
      hiddenByReports: before.hiddenByReports,
      featured: before.featured,
      decidedAt: before.decidedAt ? new Date(before.decidedAt) : null,
      decidedById: before.decidedById,
      rejectClause: before.rejectClause,
      rejectNote: before.rejectNote,
      reportCount: current.reportCount === 0 ? before.reportCount : current.reportCount + restoredReports.length,
      triageKey: before.triageKey,
      version: { increment: 1 },
    },
  });
  if (reverted.count !== 1) throw new Changed(); // rolls back the claim and the reports
  if (current.reportCount > 0) await refreshTriageKey(tx, row.commentId);
  const delta = Number(visible(before)) - Number(visible(current));
  if (delta !== 0)
    await tx.article.update({ where: { id: current.articleId }, data: { commentCount: { increment: delta } } });
  // Everything the decision (and the releases it caused) queued waits under its entry: none of it has gone yet.
  await tx.outboxMessage.deleteMany({ where: { heldForEventId: row.eventId, status: 'QUEUED' } });
  if (!before.digestItem) await tx.authorDigestItem.deleteMany({ where: { commentId: row.commentId, sentAt: null } });
  await recordEvent(tx, {
    commentId: row.commentId,
    actorType: 'moderator',
    actorId: moderator.id,
    action: undoneAction,
    fromStatus: current.status,
    toStatus: before.status,
    reversesId: row.eventId,
    note: `Undid the ${row.action} decision within its undo window; no email about it was sent.`,
  });
  const articles = [current.articleId];
  for (const release of before.released) {
    const back = await tx.comment.updateMany({
      where: { id: release.commentId, version: release.version },
      data: {
        status: 'PENDING',
        reasons: release.reasons,
        decidedAt: release.decidedAt ? new Date(release.decidedAt) : null,
        triageKey: release.triageKey,
        version: { increment: 1 },
      },
    });
    // Decided since by someone: it stays as they left it.
    if (back.count !== 1) continue;
    if (release.published && !release.hiddenByReports)
      await tx.article.update({ where: { id: release.articleId }, data: { commentCount: { decrement: 1 } } });
    if (release.published)
      await tx.authorDigestItem.deleteMany({ where: { commentId: release.commentId, sentAt: null } });
    await recordEvent(tx, {
      commentId: release.commentId,
      actorType: 'moderator',
      actorId: moderator.id,
      action: undoneAction,
      fromStatus: release.published ? 'PUBLISHED' : 'PENDING',
      toStatus: 'PENDING',
      reversesId: release.eventId,
      note: 'The approval that released this comment was undone: it is held again, for the same reasons.',
    });
    articles.push(release.articleId);
  }
  return articles;
}

/** Ids of the audit entries a reversal names: decisions that no longer count (transparency, expected waits). */
export async function reversedEventIds(since: Date): Promise<Set<string>> {
  const rows = await db.moderationEvent.findMany({
    where: { action: undoneAction, createdAt: { gte: since }, reversesId: { not: null } },
    select: { reversesId: true },
  });
  return new Set(rows.map((row) => row.reversesId!));
}
