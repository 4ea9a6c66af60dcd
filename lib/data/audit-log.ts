// Read model for /moderate/log and its CSV export: audit entries, newest first, with the names of their actors and
// of the accounts they are about, and the story each comment belongs to. Filters combine: who acted (part of a name or email), the action, the clause
// cited, the story, a date range, one comment, free text in the note.
import 'server-only';
import { db } from '../db';
import { containsText, namesOfUsers } from './accounts';

export const auditPageSize = 100;
/** Rows in one CSV export: a year of a busy desk's decisions, within what a spreadsheet opens. */
export const auditExportLimit = 50_000;

export type AuditFilter = {
  /** Part of the actor's display name or email (case-insensitive). */
  person?: string;
  action?: string;
  clause?: string;
  articleId?: string;
  commentId?: string;
  /** Free text in the note (e.g. a renamed reader's old name). */
  q?: string;
  /** Entries at or after `from` and before `to` (a date range: `to` is the day after the last day). */
  from?: Date;
  to?: Date;
  /** Keyset paging: entries before this time. */
  before?: Date;
};

const valid = (date: Date | undefined) => (date && !Number.isNaN(date.getTime()) ? date : undefined);

async function whereOf(filter: AuditFilter) {
  const actorIds = filter.person
    ? (
        await db.user.findMany({
          where: { OR: [{ displayName: containsText(filter.person) }, { email: containsText(filter.person) }] },
          select: { id: true },
          take: 500,
        })
      ).map((user) => user.id)
    : undefined;
  // The log keeps comment ids, not stories: a story's entries are those of its comments.
  const storyComments = filter.articleId
    ? (await db.comment.findMany({ where: { articleId: filter.articleId }, select: { id: true } })).map((c) => c.id)
    : undefined;
  const [from, to, before] = [valid(filter.from), valid(filter.to), valid(filter.before)];
  const createdAt = from || to || before ? { ...(from ? { gte: from } : {}), lt: minDate(to, before) } : undefined;
  return {
    ...(actorIds ? { actorId: { in: actorIds } } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.clause ? { OR: [{ clause: filter.clause }, { clauses: { some: { clause: filter.clause } } }] } : {}),
    ...(filter.commentId ? { commentId: filter.commentId } : storyComments ? { commentId: { in: storyComments } } : {}),
    ...(filter.q ? { note: containsText(filter.q) } : {}),
    ...(createdAt ? { createdAt } : {}),
  };
}

function minDate(...dates: (Date | undefined)[]): Date | undefined {
  const set = dates.filter((date): date is Date => date !== undefined);
  return set.length ? new Date(Math.min(...set.map((date) => date.getTime()))) : undefined;
}

export async function listAuditEntries(filter: AuditFilter, take = auditPageSize) {
  const entries = await db.moderationEvent.findMany({
    where: await whereOf(filter),
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    // Every clause a decision cited, not only the first (a threat by a new account: §2 and §9).
    include: { clauses: { select: { clause: true } } },
  });
  const commentIds = [...new Set(entries.flatMap((entry) => (entry.commentId ? [entry.commentId] : [])))];
  const [actors, comments] = await Promise.all([
    namesOfUsers(entries.flatMap((entry) => [entry.actorId, entry.subjectUserId].filter((id) => id !== null))),
    commentIds.length
      ? db.comment.findMany({
          where: { id: { in: commentIds } },
          select: { id: true, article: { select: { slug: true, headline: true } } },
        })
      : [],
  ]);
  const stories = new Map(comments.map((comment) => [comment.id, comment.article]));
  return { entries, actors, stories };
}

/** One comment's history also shows what its writer wrote before a moderator's redaction (staff only). */
export async function originalOfRedacted(commentId: string) {
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: { originalBody: true, body: true, redactClause: true },
  });
  return comment?.originalBody != null ? { ...comment, originalBody: comment.originalBody } : null;
}

/** What the filters offer: every action and clause the log holds, and the stories, newest first. */
export async function auditFilterChoices() {
  const [actions, stories] = await Promise.all([
    db.moderationEvent.findMany({ distinct: ['action'], select: { action: true }, orderBy: { action: 'asc' } }),
    db.article.findMany({ orderBy: { publishedAt: 'desc' }, take: 200, select: { id: true, headline: true } }),
  ]);
  return { actions: actions.map((row) => row.action), stories };
}
