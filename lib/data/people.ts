// Read models for the desk's commenter pages (issue 16, "People"): finding an account by part of its name or email,
// and everything a moderator weighs about one: account age, trust and why, measures in force, holds that apply,
// every comment with its status, reasons and decisions, reports made and received, and staff notes.
import 'server-only';
import { db } from '../db';
import { listAccountHolds } from '../moderation/standing';
import { statementOf } from '../policy/statement';
import { trustScore } from '../policy/trust';
import { viewerSelect } from '../auth/permissions';
import { containsText, listMeasureAppeals, measuresInForce, namesOfUsers } from './accounts';
import { statementFields } from './comments';

const day = 86_400_000;

/** Accounts whose display name or email contains `query`, in any case: newest first, at most 50. */
export async function searchPeople(query: string) {
  const people = await db.user.findMany({
    where: { OR: [{ displayName: containsText(query) }, { email: containsText(query) }] },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 50,
    select: {
      ...viewerSelect,
      _count: { select: { comments: true } },
    },
  });
  return people.map(({ _count, ...person }) => ({ ...person, comments: _count.comments }));
}

/** One commenter as the desk sees them, or null when there is no such account. */
export async function loadPerson(userId: string, now = new Date()) {
  const person = await db.user.findUnique({ where: { id: userId }, select: viewerSelect });
  if (!person) return null;
  const [comments, reportsMade, reportsReceived, notes, holds, measures, measureAppeals] = await Promise.all([
    db.comment.findMany({
      where: { userId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: 200,
      select: {
        id: true,
        body: true,
        createdAt: true,
        reportCount: true,
        ...statementFields,
        article: { select: { slug: true, headline: true } },
      },
    }),
    db.report.findMany({
      where: { userId },
      orderBy: { createdAt: 'desc' },
      take: 100,
      select: {
        clause: true,
        note: true,
        createdAt: true,
        comment: { select: { id: true, body: true, status: true, article: { select: { slug: true } } } },
      },
    }),
    db.report.findMany({
      where: { comment: { userId } },
      orderBy: { createdAt: 'desc' },
      take: 100,
      select: { clause: true, note: true, createdAt: true, userId: true, commentId: true },
    }),
    db.accountNote.findMany({
      where: { userId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { id: true, body: true, createdAt: true, authorId: true },
    }),
    listAccountHolds(person, now),
    measuresInForce(person, now),
    listMeasureAppeals(userId),
  ]);
  const events = comments.length
    ? await db.moderationEvent.findMany({
        where: { commentId: { in: comments.map((c) => c.id) } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { commentId: true, action: true, actorType: true, actorId: true, clause: true, createdAt: true },
      })
    : [];
  const names = await namesOfUsers([
    ...notes.map((note) => note.authorId),
    ...reportsReceived.map((report) => report.userId),
    ...events.flatMap((event) => (event.actorId ? [event.actorId] : [])),
  ]);
  const accountAgeDays = Math.floor((now.getTime() - person.createdAt.getTime()) / day);
  const counts = { PUBLISHED: 0, PENDING: 0, REJECTED: 0, DELETED: 0 };
  for (const comment of comments) counts[comment.status]++;
  return {
    person,
    accountAgeDays,
    counts,
    trust: {
      score: trustScore({
        approvedCount: holds.approvedCount,
        rejectedCount: holds.breaches.length,
        accountAgeDays,
      }),
      approvedCount: holds.approvedCount,
      breaches: holds.breaches,
    },
    holds: holds.list,
    measures,
    /** The reader's appeals of measures on their account (issue 16), newest first. */
    measureAppeals,
    comments: comments.map((comment) => ({
      ...comment,
      statement: statementOf(comment),
      decisions: events
        .filter((event) => event.commentId === comment.id)
        .map((event) => ({ ...event, actorName: event.actorId ? (names.get(event.actorId) ?? null) : null })),
    })),
    reportsMade,
    reportsReceived: reportsReceived.map((report) => ({ ...report, reporter: names.get(report.userId) ?? 'a reader' })),
    notes: notes.map((note) => ({ ...note, author: names.get(note.authorId) ?? 'a former moderator' })),
  };
}

export type PersonView = NonNullable<Awaited<ReturnType<typeof loadPerson>>>;
