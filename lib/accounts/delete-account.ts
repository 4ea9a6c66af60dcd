// "Delete my account" (issue 17; GDPR art. 17). Two steps: the reader asks from their profile and is emailed a signed
// link; the link's page shows one button (GET changes nothing: mail scanners open links), and the button erases.
//
// What erasure does, table by table, is written down once in tests/unit/accounts/account-deletion.db.test.ts (a rule
// for every column of every model, so a new column without one fails) and summarised in the README's privacy section.
// In short: the account, its sessions, sign-in tokens, preferences, reactions, reports, appeals, mutes, notes about it
// and the mail addressed to it are deleted; a comment others replied to stays as an empty "[deleted]" tombstone with
// no author, every other comment is deleted; the moderation record keeps each decision, clause and date about the
// account's comments and measures but loses every note and every link to the person; the deletion itself is audited
// without personal data.
import { db, type Prisma } from '../db';
import { env } from '../env';
import { recordEvent } from '../comments/audit';
import { invalidateArticle } from '../cache/invalidate';
import { signAccountDeletionToken, verifyAccountDeletionToken } from '../email-links/token';
import { enqueueMail } from '../mail/outbox';
import { allowMail } from '../mail/recipient-limits';
import { accountDeletionMail } from '../mail/templates';
import { absoluteUrl } from '../notifications/links';
import type { Viewer } from '../auth/permissions';

/** How long a confirmation link works. */
export const accountDeletionLinkHours = 24;

/** The audit-log action of an account's deletion (its note carries no personal data). */
export const accountDeletedAction = 'account-deleted';

/** Stand-in for the writer of a staff note whose account was deleted (the note is about someone else, and stays). */
export const deletedAccountId = 'deleted-account';

const lastAdmin = 'You are the only administrator: make someone else an administrator before deleting your account.';

/** Why this account may not be deleted now, or null. The last administrator cannot leave the site without one. */
async function deletionBlock(
  tx: Pick<Prisma.TransactionClient, 'user'>,
  user: { id: string; role: string },
): Promise<string | null> {
  if (user.role !== 'ADMIN') return null;
  const others = await tx.user.count({ where: { role: 'ADMIN', id: { not: user.id } } });
  return others === 0 ? lastAdmin : null;
}

export type DeletionRequest = { ok: true; message: string } | { ok: false; message: string };

/** Emails the reader a confirmation link (at most a few an hour). */
export async function requestAccountDeletion(viewer: Viewer, now = new Date()): Promise<DeletionRequest> {
  const blocked = await deletionBlock(db, viewer);
  if (blocked) return { ok: false, message: blocked };
  const allowance = await allowMail('account-deletion', viewer.email);
  if (!allowance.allowed)
    return {
      ok: false,
      message: `We have already sent you several links: use the latest, or try again in ${Math.ceil(allowance.retryAfterSeconds / 60)} minutes.`,
    };
  const token = signAccountDeletionToken(
    { userId: viewer.id, expiresAt: new Date(now.getTime() + accountDeletionLinkHours * 3_600_000) },
    env().authSecret,
  );
  await enqueueMail(
    db,
    accountDeletionMail({
      to: viewer.email,
      url: absoluteUrl(`/delete-account/${token}`),
      hours: accountDeletionLinkHours,
    }),
  );
  return {
    ok: true,
    message: `We have emailed ${viewer.email} a link. Open it and press the button to delete your account; nothing happens until you do.`,
  };
}

/** What the link's page shows: whose account the link deletes, or null for a link that is not (or no longer) valid. */
export async function readAccountDeletionLink(token: string, now = new Date()) {
  const payload = verifyAccountDeletionToken(token, env().authSecret, now);
  if (!payload) return null;
  const user = await db.user.findUnique({
    where: { id: payload.uid },
    select: { id: true, email: true, displayName: true, role: true },
  });
  if (!user) return null;
  return { ...user, blocked: await deletionBlock(db, user) };
}

export type DeletionResult =
  | { ok: true; removed: number; tombstoned: number }
  | { ok: false; reason: 'invalid-link' | 'blocked'; message: string };

/** The button on the link's page: verifies the link again and erases the account. */
export async function confirmAccountDeletion(token: string, now = new Date()): Promise<DeletionResult> {
  const payload = verifyAccountDeletionToken(token, env().authSecret, now);
  if (!payload)
    return { ok: false, reason: 'invalid-link', message: 'This link is not valid: ask for a new one on your profile.' };
  return deleteAccount(payload.uid, now);
}

/** Erases an account (see the top of this file). One transaction: it happens entirely or not at all. */
export async function deleteAccount(userId: string, now = new Date()): Promise<DeletionResult> {
  const outcome = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, displayName: true, role: true },
    });
    if (!user)
      return {
        ok: false as const,
        reason: 'invalid-link' as const,
        message: 'This account no longer exists: it may already have been deleted.',
      };
    const blocked = await deletionBlock(tx, user);
    if (blocked) return { ok: false as const, reason: 'blocked' as const, message: blocked };

    const articles = new Set<string>();
    // Deepest first: a reply of theirs that goes away may leave its parent (also theirs) without replies.
    const comments = await tx.comment.findMany({
      where: { userId },
      orderBy: [{ depth: 'desc' }, { createdAt: 'desc' }],
      select: { id: true, articleId: true, status: true, hiddenByReports: true, body: true },
    });
    const commentIds = comments.map((comment) => comment.id);
    let removed = 0;
    let tombstoned = 0;
    // Others' reports and the author's reply links about these comments, and their digest entries, go with them
    // (a report's note may quote the comment).
    await tx.report.deleteMany({ where: { commentId: { in: commentIds } } });
    await tx.reaction.deleteMany({ where: { commentId: { in: commentIds } } });
    await tx.appeal.deleteMany({ where: { OR: [{ commentId: { in: commentIds } }, { userId }] } });
    await tx.authorDigestItem.deleteMany({ where: { commentId: { in: commentIds } } });
    await tx.replyNotification.deleteMany({ where: { OR: [{ commentId: { in: commentIds } }, { userId }] } });
    await tx.authorReplyLink.deleteMany({ where: { commentId: { in: commentIds } } });
    for (const comment of comments) {
      articles.add(comment.articleId);
      if (comment.status === 'PUBLISHED' && !comment.hiddenByReports)
        await tx.article.update({ where: { id: comment.articleId }, data: { commentCount: { decrement: 1 } } });
      const replies = await tx.comment.count({ where: { parentId: comment.id } });
      if (replies === 0) {
        await tx.comment.delete({ where: { id: comment.id } });
        removed++;
        continue;
      }
      // Replies keep their place under an empty tombstone ("[deleted]" where they are visible: lib/data/comments.ts).
      await tx.comment.update({
        where: { id: comment.id },
        data: {
          userId: null,
          body: '',
          status: 'DELETED',
          reasons: '[]',
          rejectNote: null,
          // A moderator's redaction: the original is theirs, and the note may quote it (the clause stays).
          originalBody: null,
          redactNote: null,
          idempotencyKey: null,
          ip: null,
          reactionCount: 0,
          reportCount: 0,
          hiddenByReports: false,
          featured: false,
          // Out of the moderation queues' priority order (lib/moderation/triage.ts): a tombstone waits for no one.
          triageKey: '',
          editedAt: null,
          deletedAt: now,
          version: { increment: 1 },
        },
      });
      tombstoned++;
    }

    // Their reactions to others' comments: the counts readers see drop with them.
    const reacted = await tx.reaction.findMany({
      where: { userId },
      select: { commentId: true, comment: { select: { articleId: true } } },
    });
    for (const reaction of reacted) {
      articles.add(reaction.comment.articleId);
      await tx.comment.update({ where: { id: reaction.commentId }, data: { reactionCount: { decrement: 1 } } });
    }
    await tx.reaction.deleteMany({ where: { userId } });
    // Reports they made: the report counts stay (they are anonymous), the reporter goes.
    await tx.report.deleteMany({ where: { userId } });
    // Undo windows last seconds: a pending undo about them, by them, or holding their report in its snapshot goes.
    await tx.decisionUndo.deleteMany({
      where: {
        OR: [{ commentId: { in: commentIds } }, { moderatorId: userId }, { before: { contains: `"${userId}"` } }],
      },
    });

    // The moderation record: decisions, clauses and dates stay; notes about them or their comments (which may quote
    // either), and every link to the person, go. Their own decisions as staff keep the note they wrote about
    // someone else's comment and read "a moderator".
    await tx.moderationEvent.updateMany({
      where: {
        OR: [{ commentId: { in: commentIds } }, { subjectUserId: userId }, { actorId: userId, actorType: 'reader' }],
      },
      data: { note: null },
    });
    await tx.moderationEvent.updateMany({ where: { subjectUserId: userId }, data: { subjectUserId: null } });
    await tx.moderationEvent.updateMany({ where: { actorId: userId }, data: { actorId: null } });
    await tx.comment.updateMany({ where: { decidedById: userId }, data: { decidedById: null } });
    await tx.appeal.updateMany({ where: { decidedById: userId }, data: { decidedById: null } });
    await tx.legalNotice.updateMany({ where: { decidedById: userId }, data: { decidedById: null } });
    await tx.policyVersion.updateMany({ where: { createdById: userId }, data: { createdById: null } });
    await tx.presetVersion.updateMany({ where: { createdById: userId }, data: { createdById: null } });
    await tx.accountNote.updateMany({ where: { authorId: userId }, data: { authorId: deletedAccountId } });

    // Mail: everything addressed to them, and copies of mail to others that quote their name or comments.
    const quoted = [
      ...(user.displayName ? [user.displayName] : []),
      ...comments.map((comment) => comment.body.slice(0, 200)).filter((body) => body.trim().length >= 8),
    ];
    await tx.outboxMessage.deleteMany({ where: { to: user.email } });
    for (let i = 0; i < quoted.length; i += 50)
      await tx.outboxMessage.deleteMany({
        where: { OR: quoted.slice(i, i + 50).map((text) => ({ text: { contains: text } })) },
      });
    await tx.verificationToken.deleteMany({ where: { identifier: user.email } });

    // The account: sessions, sign-in accounts, notes about it and mutes go with it (cascades), said here too.
    await tx.session.deleteMany({ where: { userId } });
    await tx.account.deleteMany({ where: { userId } });
    await tx.accountNote.deleteMany({ where: { userId } });
    await tx.mute.deleteMany({ where: { OR: [{ muterId: userId }, { mutedId: userId }] } });
    await tx.user.delete({ where: { id: userId } });

    const who = user.role === 'ADMIN' ? 'An administrator' : user.role === 'MODERATOR' ? 'A moderator' : 'A reader';
    await recordEvent(tx, {
      commentId: null,
      actorType: user.role === 'READER' ? 'reader' : 'moderator',
      actorId: null,
      action: accountDeletedAction,
      fromStatus: null,
      toStatus: null,
      note: `${who} deleted their account: ${removed} ${removed === 1 ? 'comment' : 'comments'} removed, ${tombstoned} kept, emptied, under others’ replies.`,
    });
    return { ok: true as const, removed, tombstoned, articles: [...articles] };
  });
  if (!outcome.ok) return outcome;
  // Signed-out pages of every story they commented on or reacted to show the change.
  for (const articleId of outcome.articles) await invalidateArticle(articleId);
  return { ok: true, removed: outcome.removed, tombstoned: outcome.tombstoned };
}
