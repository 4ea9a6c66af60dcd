// A reader's own data, as one JSON document (issue 17, "Download my data"; GDPR art. 15 and 20): the account and
// its measures, email preferences, every comment with its status and the statement of reasons, the decisions
// taken on them, reactions, reports made, appeals, and the emails sent to the reader. Only what is about the
// reader: no other reader's name or address, no moderator's identity (their notes about the reader are included,
// unsigned), no session or sign-in token, and every link in an email replaced by "[link]" (sign-in and unsubscribe
// links are capabilities).
import 'server-only';
import { db } from '../db';
import { statementOf, statementText } from '../policy/statement';
import { statementFields } from './comments';

/** The version of the document's shape: raised when a field changes meaning or goes away. */
export const personalDataFormat = 'the-ledger/personal-data/v1';

const link = /\bhttps?:\/\/[^\s<>"')\]]+/gi;
const withoutLinks = (text: string) => text.replace(link, '[link]');

export async function personalData(userId: string, now = new Date()) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      emailVerified: true,
      displayName: true,
      role: true,
      createdAt: true,
      suspendedUntil: true,
      bannedAt: true,
      premoderated: true,
      notifyReplies: true,
      notifyAuthorReplies: true,
      notifyModeration: true,
    },
  });
  const [comments, reactions, reports, appeals, emails, sessions, notes] = await Promise.all([
    db.comment.findMany({
      where: { userId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        parentId: true,
        body: true,
        createdAt: true,
        editedAt: true,
        deletedAt: true,
        decidedAt: true,
        reactionCount: true,
        ...statementFields,
        article: { select: { slug: true, headline: true } },
      },
    }),
    db.reaction.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: { commentId: true, createdAt: true },
    }),
    db.report.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: { commentId: true, clause: true, note: true, createdAt: true },
    }),
    db.appeal.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: { commentId: true, statement: true, status: true, createdAt: true, decidedAt: true, decisionNote: true },
    }),
    db.outboxMessage.findMany({
      where: { to: user.email },
      orderBy: { createdAt: 'asc' },
      select: { kind: true, subject: true, text: true, status: true, createdAt: true, sentAt: true },
    }),
    db.session.count({ where: { userId, expires: { gt: now } } }),
    db.accountNote.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: { body: true, createdAt: true },
    }),
  ]);
  const decisions = comments.length
    ? await db.moderationEvent.findMany({
        where: { commentId: { in: comments.map((c) => c.id) } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: {
          commentId: true,
          action: true,
          actorType: true,
          fromStatus: true,
          toStatus: true,
          clause: true,
          createdAt: true,
        },
      })
    : [];

  return {
    format: personalDataFormat,
    exportedAt: now.toISOString(),
    account: {
      id: user.id,
      email: user.email,
      emailVerifiedAt: user.emailVerified,
      displayName: user.displayName,
      role: user.role,
      createdAt: user.createdAt,
      measures: { suspendedUntil: user.suspendedUntil, bannedAt: user.bannedAt, premoderated: user.premoderated },
      signedInSessions: sessions,
    },
    emailPreferences: {
      replies: user.notifyReplies,
      authorReplies: user.notifyAuthorReplies,
      moderationDecisions: user.notifyModeration,
    },
    comments: comments.map((comment) => {
      const statement = statementOf(comment);
      return {
        id: comment.id,
        story: { headline: comment.article.headline, path: `/articles/${comment.article.slug}` },
        inReplyTo: comment.parentId,
        body: comment.body,
        /** Theirs: what they wrote before a moderator removed part of it (null when nothing was removed). */
        originalBody: comment.originalBody,
        status: comment.status,
        createdAt: comment.createdAt,
        editedAt: comment.editedAt,
        deletedAt: comment.deletedAt,
        decidedAt: comment.decidedAt,
        reactions: comment.reactionCount,
        statementOfReasons: statement ? statementText(statement) : [],
        decisions: decisions
          .filter((event) => event.commentId === comment.id)
          .map((event) => ({
            action: event.action,
            by: event.actorType,
            from: event.fromStatus,
            to: event.toStatus,
            clause: event.clause,
            at: event.createdAt,
          })),
      };
    }),
    reactions,
    reportsMade: reports,
    appeals,
    emails: emails.map((email) => ({ ...email, text: withoutLinks(email.text) })),
    /** Moderators' notes about the account: the text and date, not who wrote them. */
    moderatorNotes: notes,
  };
}

export type PersonalData = Awaited<ReturnType<typeof personalData>>;
