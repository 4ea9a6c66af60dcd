// A reader's own data, as one JSON document (issue 17, "Download my data"; GDPR art. 15 and 20): the account and
// its measures, email preferences, every comment with its status and the statement of reasons, the decisions
// taken on them, reactions, reports made, appeals, the emails sent to the reader, and the notices of illegal
// content sent from the reader's address with their outcomes. Only what is about the
// reader: no other reader's name or address, no moderator's identity (their notes about the reader are included,
// unsigned), no session or sign-in token, and every link in an email replaced by "[link]" (sign-in and unsubscribe
// links are capabilities).
import 'server-only';
import { db } from '../db';
import { statementOf, statementText } from '../policy/statement';
import { statementFields } from './comments';

/** The version of the document's shape: raised when a field changes meaning or goes away. */
export const personalDataFormat = 'the-ledger/personal-data/v1';

const noticeOutcome: Record<string, string> = { OPEN: 'open', REMOVED: 'content removed', NO_ACTION: 'no action' };

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
  const [comments, reactions, reports, appeals, emails, sessions, notes, notices] = await Promise.all([
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
      // An appeal is about a comment (commentId) or a measure on the account (measureKind: suspend, ban, premoderate).
      select: {
        commentId: true,
        measureKind: true,
        statement: true,
        status: true,
        createdAt: true,
        decidedAt: true,
        decisionNote: true,
      },
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
    // Notices of illegal content sent from this address (stored lowercased: lib/validation/notice.ts). Not who
    // decided them, and of the content only the public story and the comment's id.
    db.legalNotice.findMany({
      where: { reporterEmail: user.email.toLowerCase() },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: {
        reference: true,
        commentId: true,
        articleId: true,
        category: true,
        law: true,
        explanation: true,
        reporterName: true,
        status: true,
        decisionClause: true,
        decisionReason: true,
        createdAt: true,
        decidedAt: true,
      },
    }),
  ]);
  const noticedStories = notices.length
    ? await db.article.findMany({
        where: { id: { in: [...new Set(notices.map((notice) => notice.articleId))] } },
        select: { id: true, slug: true, headline: true },
      })
    : [];
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
    /** Notices of illegal content sent from the account's address, with their outcome (not who decided). */
    legalNoticesSent: notices.map((notice) => {
      const story = noticedStories.find((article) => article.id === notice.articleId);
      return {
        reference: notice.reference,
        about: {
          story: story ? { headline: story.headline, path: `/articles/${story.slug}` } : null,
          commentId: notice.commentId,
        },
        category: notice.category,
        law: notice.law,
        explanation: notice.explanation,
        yourName: notice.reporterName,
        receivedAt: notice.createdAt,
        outcome: noticeOutcome[notice.status] ?? notice.status,
        decidedAt: notice.decidedAt,
        decisionClause: notice.decisionClause,
        decisionReasons: notice.decisionReason,
      };
    }),
  };
}

export type PersonalData = Awaited<ReturnType<typeof personalData>>;
