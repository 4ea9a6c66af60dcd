// Sessions made the way next-auth's database strategy stores one (a Session row whose token is the
// `next-auth.session-token` cookie), and actors in every role the access table (access-table.ts) names.
import { randomUUID } from 'node:crypto';
import type { Role } from './access-table';
import { testDb } from './db';
import { createAccount, type Account } from './factories';

/** Someone calling the app: an account and its session cookie, or nobody (signed out, reply-link bearer). */
export type Actor = { role: Role; user: Account | null; sessionToken?: string };

/** A session for `userId` as the email callback creates it (30 days: lib/auth/options.ts); returns its token. */
export async function openSession(userId: string): Promise<string> {
  const db = await testDb();
  const sessionToken = randomUUID();
  await db.session.create({ data: { sessionToken, userId, expires: new Date(Date.now() + 30 * 86_400_000) } });
  return sessionToken;
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
