// Moderators' measures against accounts: suspension, ban, pre-moderation. Each is audited.
import { db } from '../db';
import { recordEvent } from '../comments/audit';
import { plural } from '../site/format';
import { accountMeasureBlock, type Viewer } from '../auth/permissions';
import { releasePremoderationHolds } from './release';

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
) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true, displayName: true } });
  if (!user) return { ok: false as const, message: 'No such account.' };
  const blocked = accountMeasureBlock(moderator, user);
  if (blocked) return { ok: false as const, message: blocked };
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
      action: `user-${measure.kind}${measure.kind === 'premoderate' ? (measure.on ? '-on' : '-off') : ''}`,
      fromStatus: null,
      toStatus: null,
      note: [
        `user ${user.displayName ?? user.id}`,
        measure.kind === 'suspend' ? plural(measure.days, 'day') : null,
        note,
      ]
        .filter(Boolean)
        .join('; '),
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
