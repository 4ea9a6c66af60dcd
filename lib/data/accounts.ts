// Read models about accounts: a reader's email preferences, and the names staff pages show for user ids.
import 'server-only';
import { db } from '../db';

export function getNotificationPreferences(userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { notifyReplies: true, notifyAuthorReplies: true, notifyModeration: true },
  });
}

/** Display names (or emails) of the given users, by id. */
export async function namesOfUsers(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, displayName: true, email: true },
  });
  return new Map(users.map((u) => [u.id, u.displayName ?? u.email]));
}
