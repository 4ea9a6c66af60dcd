// Appeals of measures on accounts (issue 16): a reader under a suspension, a ban or pre-moderation appeals it once,
// and a moderator other than the one who imposed it upholds it or lifts it, with reasons the reader is emailed.
// A measure is a state of the account (User.suspendedUntil, bannedAt, premoderated), so an appeal is about the audit
// entry that imposed the measure in force (Appeal.measureEventId, unique: once per measure). When that measure ends
// before a decision (it expires, staff lift it, or a new measure of the same kind replaces it), the appeal closes as
// moot: the reader has nothing left to appeal, and the moderators nothing left to decide.
import { db, type Db } from '../db';
import { recordEvent } from '../comments/audit';
import { measuresInForce } from '../data/accounts';
import { isUniqueViolation } from '../database/errors';
import { onMeasureAppealDecision } from '../notifications/events';
import { measureAppealBlock, type Viewer } from '../auth/permissions';
import { releasePremoderationHolds } from './release';

export const appealableMeasures = ['suspend', 'ban', 'premoderate'] as const;
export type AppealableMeasure = (typeof appealableMeasures)[number];

type Tx = Pick<Db, 'appeal' | 'moderationEvent' | 'decisionClause'>;

const accountSelect = { id: true, role: true, suspendedUntil: true, bannedAt: true, premoderated: true } as const;

/** The account's state under a measure and after it: the audit log's "from → to". */
const stateOf = (kind: AppealableMeasure, until: Date | null) =>
  kind === 'suspend' ? `suspended until ${until?.toISOString() ?? '?'}` : kind === 'ban' ? 'banned' : 'pre-moderated';
const endedState = { suspend: 'not suspended', ban: 'not banned', premoderate: 'not pre-moderated' } as const;
const liftData = {
  suspend: { suspendedUntil: null },
  ban: { bannedAt: null },
  premoderate: { premoderated: false },
} as const;

/** The measure of this kind in force on the account now, with the audit entry that imposed it, or null. */
async function currentMeasure(userId: string, kind: AppealableMeasure, now: Date) {
  const user = await db.user.findUnique({ where: { id: userId }, select: accountSelect });
  if (!user) return null;
  const measure = (await measuresInForce(user, now)).find((m) => m.kind === kind);
  return measure?.eventId ? { user, measure } : null;
}

export async function fileMeasureAppeal(viewer: Viewer, kind: AppealableMeasure, statement: string, now = new Date()) {
  const found = await currentMeasure(viewer.id, kind, now);
  if (!found)
    return { ok: false as const, message: 'There is no such measure on your account any more: reload your profile.' };
  const { measure } = found;
  try {
    await db.$transaction(async (tx) => {
      await tx.appeal.create({
        data: { userId: viewer.id, measureEventId: measure.eventId, measureKind: kind, statement },
      });
      await recordEvent(tx, {
        commentId: null,
        actorType: 'reader',
        actorId: viewer.id,
        subjectUserId: viewer.id,
        action: 'measure-appeal',
        fromStatus: stateOf(kind, measure.until),
        toStatus: stateOf(kind, measure.until),
        clause: measure.clause,
        note: statement,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      return {
        ok: false as const,
        message: 'You have already appealed this measure; each measure can be appealed once.',
      };
    throw error;
  }
  return { ok: true as const, message: 'Your appeal is with a moderator who did not impose the measure.' };
}

/** Closes the open appeals of this kind on the account as moot, in the transaction that ends or replaces the measure
 *  (lib/moderation/users.ts) or finds it expired. */
export async function closeMeasureAppealsAsMoot(
  tx: Tx,
  userId: string,
  kind: AppealableMeasure,
  why: string,
  now = new Date(),
  /** The audit entry of the measure still in force, whose appeal stays open. */
  inForce: string | null = null,
) {
  const open = await tx.appeal.findMany({
    where: { userId, measureKind: kind, status: 'OPEN', ...(inForce ? { NOT: { measureEventId: inForce } } : {}) },
    select: { id: true, measureEventId: true },
  });
  for (const appeal of open) {
    const closed = await tx.appeal.updateMany({
      where: { id: appeal.id, status: 'OPEN' },
      data: { status: 'MOOT', decidedAt: now, decisionNote: why },
    });
    if (closed.count !== 1) continue;
    await recordEvent(tx, {
      commentId: null,
      actorType: 'system',
      actorId: null,
      subjectUserId: userId,
      action: 'measure-appeal-moot',
      fromStatus: null,
      toStatus: endedState[kind],
      clause: null,
      note: why,
    });
  }
}

/** Suspensions end by themselves, with no job to notice: an open appeal of one that has expired is closed as moot
 *  whenever the queue or the reader's profile is read (each reads open appeals through here). */
export async function settleExpiredMeasureAppeals(now = new Date(), userId?: string) {
  const open = await db.appeal.findMany({
    where: { status: 'OPEN', measureKind: 'suspend', ...(userId ? { userId } : {}) },
    select: { userId: true, measureEventId: true },
  });
  for (const appeal of open) {
    const found = await currentMeasure(appeal.userId, 'suspend', now);
    if (found?.measure.eventId === appeal.measureEventId) continue;
    await db.$transaction((tx) =>
      closeMeasureAppealsAsMoot(
        tx,
        appeal.userId,
        'suspend',
        'The suspension ended before the appeal was decided.',
        now,
        found?.measure.eventId ?? null,
      ),
    );
  }
}

export async function decideMeasureAppeal(
  moderator: Viewer,
  appealId: string,
  outcome: 'uphold' | 'lift',
  reason: string,
  now = new Date(),
) {
  const appeal = await db.appeal.findUnique({ where: { id: appealId } });
  if (!appeal?.measureEventId || !appeal.measureKind) return { ok: false as const, message: 'No such appeal.' };
  const kind = appeal.measureKind as AppealableMeasure;
  const imposed = await db.moderationEvent.findUnique({
    where: { id: appeal.measureEventId },
    select: { actorId: true },
  });
  const account = await db.user.findUnique({ where: { id: appeal.userId }, select: accountSelect });
  if (!account) return { ok: false as const, message: 'No such account.' };
  const blocked = measureAppealBlock(moderator, account, imposed?.actorId ?? null);
  if (blocked) return { ok: false as const, message: blocked };
  if (appeal.status !== 'OPEN') return { ok: false as const, message: 'This appeal has already been decided.' };
  const found = await currentMeasure(account.id, kind, now);
  if (found?.measure.eventId !== appeal.measureEventId) {
    await db.$transaction((tx) =>
      closeMeasureAppealsAsMoot(
        tx,
        account.id,
        kind,
        'The measure ended before the appeal was decided.',
        now,
        found?.measure.eventId ?? null,
      ),
    );
    return { ok: false as const, message: 'The measure has ended meanwhile: the appeal is closed as moot.' };
  }
  const lift = outcome === 'lift';
  const done = await db.$transaction(async (tx) => {
    const claimed = await tx.appeal.updateMany({
      where: { id: appeal.id, status: 'OPEN' },
      data: { status: lift ? 'LIFTED' : 'UPHELD', decidedAt: now, decidedById: moderator.id, decisionNote: reason },
    });
    if (claimed.count !== 1) return false;
    if (lift) await tx.user.update({ where: { id: account.id }, data: liftData[kind] });
    await recordEvent(tx, {
      commentId: null,
      actorType: 'moderator',
      actorId: moderator.id,
      subjectUserId: account.id,
      action: lift ? 'measure-appeal-lift' : 'measure-appeal-uphold',
      fromStatus: stateOf(kind, found.measure.until),
      toStatus: lift ? endedState[kind] : stateOf(kind, found.measure.until),
      clause: found.measure.clause,
      note: reason,
    });
    await onMeasureAppealDecision(tx, {
      userId: account.id,
      measure: kind,
      outcome: lift ? 'lifted' : 'upheld',
      reason,
    });
    return true;
  });
  if (!done) return { ok: false as const, message: 'This appeal has already been decided.' };
  // Comments held only because of pre-moderation appear now (release.ts invalidates their stories' pages).
  if (lift && kind === 'premoderate') await releasePremoderationHolds(account.id, now);
  return {
    ok: true as const,
    userId: account.id,
    message: lift ? 'The measure is lifted.' : 'The measure is upheld.',
  };
}
