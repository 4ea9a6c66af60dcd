// The signed-in viewer comes with the session lookup (lib/auth/options.ts session callback → lib/auth/viewer.ts),
// not from a second read of the account: what the session carries must be the account as it is, checked.
import { describe, expect, test, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { authOptions } = await import('@/lib/auth/options');
const { viewerFromSession } = await import('@/lib/auth/viewer');

const account = {
  id: 'u1',
  email: 'reader@example.com',
  emailVerified: new Date('2026-01-01T00:00:00Z'),
  displayName: 'Reader',
  role: 'READER',
  suspendedUntil: new Date('2026-12-01T00:00:00Z'),
  bannedAt: null,
  premoderated: true,
  createdAt: new Date('2025-06-01T00:00:00Z'),
  notifyReplies: true,
};

async function sessionFor(user: Record<string, unknown>) {
  const callback = authOptions().callbacks!.session!;
  return callback({
    session: { user: { email: String(user.email) }, expires: '2027-01-01T00:00:00Z' },
    user,
  } as never);
}

describe('the viewer the session carries', () => {
  test('is the account’s viewer fields, measures included, and nothing else of the row', async () => {
    const session = await sessionFor(account);
    const viewer = viewerFromSession(session);
    expect(viewer).toEqual({
      id: 'u1',
      email: 'reader@example.com',
      displayName: 'Reader',
      role: 'READER',
      suspendedUntil: account.suspendedUntil,
      bannedAt: null,
      premoderated: true,
      createdAt: account.createdAt,
    });
    expect(session).not.toHaveProperty('viewer.notifyReplies');
  });

  test('survives being serialised (dates as strings)', async () => {
    const session = JSON.parse(JSON.stringify(await sessionFor(account)));
    expect(viewerFromSession(session)?.suspendedUntil).toEqual(account.suspendedUntil);
  });

  test('is not trusted when it is incomplete, malformed or names another user', async () => {
    expect(viewerFromSession(null)).toBeNull();
    expect(viewerFromSession({ user: { id: 'u1' } })).toBeNull();
    const session = (await sessionFor(account)) as unknown as { user: { id: string }; viewer: Record<string, unknown> };
    expect(viewerFromSession({ ...session, user: { id: 'u2' } })).toBeNull();
    expect(viewerFromSession({ ...session, viewer: { ...session.viewer, role: 'OWNER' } })).toBeNull();
    const { premoderated: _, ...partial } = session.viewer;
    expect(viewerFromSession({ ...session, viewer: partial })).toBeNull();
  });
});
