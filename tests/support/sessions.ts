// Accounts in every role the access table (lib/access-table.ts) names, each with a session made the way
// next-auth's database strategy stores one: a Session row whose token is the `next-auth.session-token` cookie.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Role } from './access-table';
import { testDb } from './db';

export type Account = { id: string; email: string; displayName: string | null };
/** Someone calling the app: an account and its session cookie, or nobody (signed out, reply-link bearer). */
export type Actor = { role: Role; user: Account | null; sessionToken?: string };

let counter = 0;
export const uniqueSuffix = () =>
  `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;

/** A session for `userId`, valid for a day; returns the cookie value. */
export async function openSession(userId: string): Promise<string> {
  const db = await testDb();
  const sessionToken = randomUUID();
  await db.session.create({ data: { sessionToken, userId, expires: new Date(Date.now() + 86_400_000) } });
  return sessionToken;
}

/** An account with a display name (unless `named: false`), in the given standing. */
export async function createAccount(
  label: string,
  {
    role = 'READER',
    named = true,
    suspended = false,
    banned = false,
  }: { role?: 'READER' | 'MODERATOR' | 'ADMIN'; named?: boolean; suspended?: boolean; banned?: boolean } = {},
): Promise<Account> {
  const db = await testDb();
  const suffix = uniqueSuffix();
  const user = await db.user.create({
    data: {
      email: `${label}-${suffix}@security.example`.toLowerCase(),
      displayName: named ? `${label} ${suffix}`.slice(0, 30) : null,
      role,
      emailVerified: new Date(),
      suspendedUntil: suspended ? new Date(Date.now() + 7 * 86_400_000) : null,
      bannedAt: banned ? new Date() : null,
    },
    select: { id: true, email: true, displayName: true },
  });
  return user;
}

/** A fresh actor in `role`: a new account with its own session, or nobody for the session-less roles. */
export async function createActor(role: Role): Promise<Actor> {
  if (role === 'signed-out' || role === 'reply-link') return { role, user: null };
  const user = await createAccount(role, {
    role: role === 'moderator' ? 'MODERATOR' : role === 'admin' ? 'ADMIN' : 'READER',
    named: role !== 'new-reader',
    suspended: role === 'suspended',
    banned: role === 'banned',
  });
  return { role, user, sessionToken: await openSession(user.id) };
}
