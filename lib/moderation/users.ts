// Moderators' measures against accounts: suspension, ban, pre-moderation. Each is audited with the clause it
// enforces, and the reader is emailed the statement of reasons (the moderator's note is their message).
import { db } from '../db';
import { recordEvent } from '../comments/audit';
import type { MeasureKind } from '../mail/templates';
import { onAccountMeasure } from '../notifications/events';
import type { ClauseId } from '../policy/clauses';
import { accountMeasureBlock, type Viewer } from '../auth/permissions';
import { releasePremoderationHolds } from './release';
import { closeMeasureAppealsAsMoot } from './measure-appeals';

export type UserMeasure =
  | { kind: 'suspend'; days: number }
  | { kind: 'unsuspend' }
  | { kind: 'ban' }
  | { kind: 'unban' }
  | { kind: 'premoderate'; on: boolean };

export async function applyUserMeasure(
  moderator: Viewer,
  userId: string,
  measure: UserMeasure,
  note: string | null,
  now = new Date(),
  /** The clause the measure enforces (required to impose one: lib/validation/moderation.ts measureSchema). */
  clause: ClauseId | null = null,
) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true, displayName: true } });
  if (!user) return { ok: false as const, message: 'No such account.' };
  const blocked = accountMeasureBlock(moderator, user);
  if (blocked) return { ok: false as const, message: blocked };
  const kind: MeasureKind =
    measure.kind === 'premoderate' ? (measure.on ? 'premoderate-on' : 'premoderate-off') : measure.kind;
  const data =
    measure.kind === 'suspend'
      ? { suspendedUntil: new Date(now.getTime() + measure.days * 86_400_000) }
      : measure.kind === 'unsuspend'
        ? { suspendedUntil: null }
        : measure.kind === 'ban'
          ? { bannedAt: now }
          : measure.kind === 'unban'
            ? { bannedAt: null }
            : { premoderated: measure.on };
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data });
    if (measure.kind === 'ban') await tx.session.deleteMany({ where: { userId: user.id } });
    await recordEvent(tx, {
      commentId: null,
      actorType: 'moderator',
      actorId: moderator.id,
      subjectUserId: user.id,
      action: `user-${kind}`,
      fromStatus: null,
      // The account's state after the measure ("suspended until …"): the log's "from → to" column.
      toStatus:
        kind === 'suspend'
          ? `suspended until ${data.suspendedUntil!.toISOString()}`
          : {
              unsuspend: 'not suspended',
              ban: 'banned',
              unban: 'not banned',
              'premoderate-on': 'pre-moderated',
              'premoderate-off': 'not pre-moderated',
            }[kind],
      clause,
      clauses: clause ? [clause] : [],
      // The moderator's message, as the reader is emailed it (the account is subjectUserId).
      note,
    });
    // The measure an open appeal is about has ended (lifted) or been replaced (imposed again): nothing is left to
    // decide (lib/moderation/measure-appeals.ts).
    const family = measure.kind === 'premoderate' ? 'premoderate' : measure.kind.replace(/^un/, '');
    await closeMeasureAppealsAsMoot(
      tx,
      user.id,
      family as 'suspend' | 'ban' | 'premoderate',
      measure.kind.startsWith('un') || (measure.kind === 'premoderate' && !measure.on)
        ? 'A moderator lifted the measure before the appeal was decided.'
        : 'A moderator replaced the measure before the appeal was decided.',
      now,
    );
    await onAccountMeasure(tx, {
      userId: user.id,
      measure: kind,
      until: ('suspendedUntil' in data ? data.suspendedUntil : null) ?? null,
      clause,
      message: note,
    });
  });
  // Comments held only because the account was on pre-moderation no longer have a reason to wait.
  if (measure.kind === 'premoderate' && !measure.on) await releasePremoderationHolds(user.id, now);
  const labels = {
    suspend: 'suspended',
    unsuspend: 'unsuspended',
    ban: 'banned',
    unban: 'unbanned',
    premoderate: measure.kind === 'premoderate' && measure.on ? 'put on pre-moderation' : 'taken off pre-moderation',
  };
  return { ok: true as const, message: `${user.displayName ?? 'The account'} is ${labels[measure.kind]}.` };
}
