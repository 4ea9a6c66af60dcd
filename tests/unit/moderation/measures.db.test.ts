// Measures with a reason and a message (issue 16) against a real SQLite database: imposing one cites a clause, the
// audit entry names the account and its new state, the reader is emailed the clause and the moderator's message,
// and the measure in force reads back with them; lifting one needs no clause.
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/lib/db';
import { viewerSelect } from '@/lib/auth/permissions';
import { measureSchema } from '@/lib/validation/moderation';
import { useTempDatabase } from '../../support/temp-db';

vi.setConfig({ testTimeout: 30_000 });

let db: Db;
let apply: typeof import('@/lib/moderation/users').applyUserMeasure;
let inForce: typeof import('@/lib/data/accounts').measuresInForce;
let n = 0;

beforeAll(async () => {
  db = await useTempDatabase();
  ({ applyUserMeasure: apply } = await import('@/lib/moderation/users'));
  ({ measuresInForce: inForce } = await import('@/lib/data/accounts'));
}, 60_000);

const account = (role: 'READER' | 'MODERATOR' = 'READER') =>
  db.user.create({ data: { email: `m${n}@desk.test`, displayName: `Person ${n++}`, role }, select: viewerSelect });

describe('measures on accounts', () => {
  test('imposing a measure needs a clause; lifting one does not', () => {
    const userId = 'cm0000000000000000000000';
    expect(measureSchema.safeParse({ userId, measure: 'suspend', days: '7' }).success).toBe(false);
    expect(measureSchema.safeParse({ userId, measure: 'ban', clause: '' }).success).toBe(false);
    expect(measureSchema.safeParse({ userId, measure: 'premoderate-on', clause: 'spam' }).success).toBe(true);
    expect(measureSchema.safeParse({ userId, measure: 'unban' }).success).toBe(true);
    expect(measureSchema.safeParse({ userId, measure: 'premoderate-off', clause: '' }).success).toBe(true);
  });

  test('a suspension: audited about the account with its clause and end, emailed with the message, read back', async () => {
    const moderator = await account('MODERATOR');
    const reader = await account();
    const now = new Date('2026-11-27T12:00:00Z');
    const result = await apply(
      moderator,
      reader.id,
      { kind: 'suspend', days: 7 },
      'Three personal attacks today.',
      now,
      'civility',
    );
    expect(result.ok).toBe(true);

    const event = await db.moderationEvent.findFirstOrThrow({ where: { subjectUserId: reader.id } });
    expect(event).toMatchObject({
      action: 'user-suspend',
      actorId: moderator.id,
      clause: 'civility',
      note: 'Three personal attacks today.',
      toStatus: 'suspended until 2026-12-04T12:00:00.000Z',
    });
    expect(await db.decisionClause.count({ where: { eventId: event.id, clause: 'civility' } })).toBe(1);

    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: reader.email, kind: 'measure' } });
    expect(mail.subject).toBe('Your account is suspended from commenting');
    expect(mail.text).toContain('Three personal attacks today.');
    expect(mail.text).toMatch(/Under §\d+ [^:]+: http/);
    expect(mail.text).toContain('Fri, 04 Dec 2026 12:00:00 UTC');

    const suspended = await db.user.findUniqueOrThrow({ where: { id: reader.id }, select: viewerSelect });
    expect(await inForce(suspended, now)).toEqual([
      {
        kind: 'suspend',
        action: 'user-suspend',
        until: new Date('2026-12-04T12:00:00Z'),
        clause: 'civility',
        since: event.createdAt,
        note: 'Three personal attacks today.',
        // The entry that imposed it, and who: what an appeal of it is about (lib/moderation/measure-appeals.ts).
        eventId: event.id,
        imposedById: moderator.id,
      },
    ]);
    // Once it has run out, nothing is in force: suspensions end by themselves.
    expect(await inForce(suspended, new Date('2026-12-05T00:00:00Z'))).toEqual([]);
  });

  test('a reader who turned off moderation emails is not emailed, and the measure still applies', async () => {
    const moderator = await account('MODERATOR');
    const reader = await account();
    await db.user.update({ where: { id: reader.id }, data: { notifyModeration: false } });
    expect((await apply(moderator, reader.id, { kind: 'ban' }, null, new Date(), 'hate-and-threats')).ok).toBe(true);
    expect(await db.outboxMessage.count({ where: { to: reader.email } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: reader.id } })).bannedAt).not.toBeNull();
  });
});
