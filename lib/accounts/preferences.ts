// Which emails a reader wants, as set on their profile (one-click unsubscribes: lib/notifications/preferences.ts).
import { db } from '../db';

export type NotificationPreferences = {
  notifyReplies: boolean;
  notifyAuthorReplies: boolean;
  notifyModeration: boolean;
};

export async function saveNotificationPreferences(userId: string, preferences: NotificationPreferences) {
  await db.user.update({ where: { id: userId }, data: preferences });
}
