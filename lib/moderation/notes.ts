// Moderators' notes on an account (issue 16): context for colleagues' next decisions, staff-only, append-only. Who
// may write one follows the measures' rule (lib/auth/permissions.ts accountMeasureBlock): not on one's own account,
// and only an admin on a staff account. Each note is also an audit entry (who, when, about whom; not its text).
import { db } from '../db';
import { recordEvent } from '../comments/audit';
import { accountMeasureBlock, type Viewer } from '../auth/permissions';

export async function addAccountNote(moderator: Viewer, userId: string, body: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true, displayName: true } });
  if (!user) return { ok: false as const, message: 'No such account.' };
  const blocked = accountMeasureBlock(moderator, user);
  if (blocked) return { ok: false as const, message: blocked.replace('act on', 'write notes on') };
  await db.$transaction(async (tx) => {
    await tx.accountNote.create({ data: { userId: user.id, authorId: moderator.id, body } });
    await recordEvent(tx, {
      commentId: null,
      actorType: 'moderator',
      actorId: moderator.id,
      subjectUserId: user.id,
      action: 'user-note',
      fromStatus: null,
      toStatus: null,
      note: `user ${user.displayName ?? user.id}`,
    });
  });
  return { ok: true as const, message: 'Note added. Only staff can see it.' };
}
