// Changing a display name (issue 17) against a real SQLite database: the first-choice rules still apply, the
// change waits 30 days after the last one, suspended and banned readers keep their name, and the audit log keeps
// the old name.
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/lib/db';
import { viewerSelect, type Viewer } from '@/lib/auth/permissions';
import { useTempDatabase } from '../../support/temp-db';

vi.setConfig({ testTimeout: 30_000 });

let db: Db;
let counter = 0;
let change: typeof import('@/lib/accounts/display-name').changeDisplayName;

beforeAll(async () => {
  db = await useTempDatabase();
  await db.author.create({ data: { email: 'andrew@ledger.test', name: 'Andrew Blake', slug: 'andrew-blake' } });
  ({ changeDisplayName: change } = await import('@/lib/accounts/display-name'));
}, 60_000);

async function reader(data: { displayName?: string | null; suspendedUntil?: Date; bannedAt?: Date } = {}) {
  const n = counter++;
  return db.user.create({
    data: { email: `reader${n}@readers.test`, displayName: `Reader ${n}`, ...data },
    select: viewerSelect,
  });
}

const nameOf = async (viewer: Viewer) =>
  (await db.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { displayName: true } })).displayName;

describe('changing a display name', () => {
  test('a change is recorded with the old name; the next waits 30 days from it', async () => {
    const viewer = await reader();
    const now = new Date('2026-11-01T12:00:00Z');
    expect(await change(viewer, 'Harbour Watcher', now)).toEqual({ ok: true });
    expect(await nameOf(viewer)).toBe('Harbour Watcher');
    const event = await db.moderationEvent.findFirstOrThrow({ where: { actorId: viewer.id, action: 'user-rename' } });
    expect(event).toMatchObject({
      actorType: 'reader',
      commentId: null,
      note: `${viewer.displayName} → Harbour Watcher`,
    });

    const renamed = { ...viewer, displayName: 'Harbour Watcher' };
    const soon = await change(renamed, 'Quay Side', new Date(now.getTime() + 29 * 86_400_000));
    expect(soon).toMatchObject({ ok: false, problem: expect.stringMatching(/once every 30 days: next on/) });
    expect(await nameOf(viewer)).toBe('Harbour Watcher');
    // The wait counts from the change itself (the audit entry's time), so move that to a month ago.
    await db.moderationEvent.update({
      where: { id: event.id },
      data: { createdAt: new Date(Date.now() - 31 * 86_400_000) },
    });
    expect(await change(renamed, 'Quay Side')).toEqual({ ok: true });
    expect(await nameOf(viewer)).toBe('Quay Side');
  });

  test('the first choice’s rules: taken names, journalists’ names, the same name', async () => {
    const holder = await reader({ displayName: 'Lighthouse Keeper' });
    const viewer = await reader();
    expect(await change(viewer, holder.displayName!)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/taken/),
    });
    expect(await change(viewer, 'Andrew Blake')).toMatchObject({ ok: false });
    expect(await change(viewer, viewer.displayName!)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/already your display name/),
    });
    expect(await nameOf(viewer)).toBe(viewer.displayName);
    expect(await db.moderationEvent.count({ where: { actorId: viewer.id } })).toBe(0);
  });

  test('suspended and banned readers, and accounts without a first name, cannot change it here', async () => {
    const suspended = await reader({ suspendedUntil: new Date(Date.now() + 86_400_000) });
    const banned = await reader({ bannedAt: new Date() });
    const unnamed = await reader({ displayName: null });
    expect(await change(suspended, 'Fresh Start')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/suspended/),
    });
    expect(await change(banned, 'Fresh Start')).toMatchObject({ ok: false, problem: expect.stringMatching(/banned/) });
    expect(await change(unnamed, 'Fresh Start')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/welcome page/),
    });
    expect(await db.user.count({ where: { displayName: 'Fresh Start' } })).toBe(0);
  });
});
