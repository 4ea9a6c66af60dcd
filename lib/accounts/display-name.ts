// A reader's public name: chosen at first sign-in, changed at most once per cooldown from the profile (the old name
// kept for staff in the audit log). It must not pass for an author or another staff member.
import { db } from '../db';
import { isUniqueViolation } from '../database/errors';
import { commentBlock, isStaff, type Viewer } from '../auth/permissions';
import { invalidateAllPages, invalidateArticle } from '../cache/invalidate';
import { recordEvent } from '../comments/audit';
import { impersonationProblem } from '../policy/display-name';
import { formatDate } from '../site/format';
import { site } from '../site/identity';

/** How long a reader waits between two changes of name: long enough that a name means someone in a discussion. */
export const displayNameCooldownDays = 30;
/** The audit-log action of a change of name (its note: "old → new"). */
export const renameAction = 'user-rename';

/** Who a new display name must not pass for: every author, and every staff member other than the chooser. */
export async function displayNameProblem(viewer: Viewer, name: string): Promise<string | null> {
  const [authors, staff] = await Promise.all([
    db.author.findMany({ select: { name: true, email: true } }),
    db.user.findMany({
      where: { role: { in: ['MODERATOR', 'ADMIN'] }, id: { not: viewer.id }, displayName: { not: null } },
      select: { displayName: true },
    }),
  ]);
  const protectedNames = [
    // A journalist signing in with their own address may use their byline.
    ...authors
      .filter((author) => author.email.toLowerCase() !== viewer.email.toLowerCase())
      .map((author) => author.name),
    ...staff.flatMap((user) => (user.displayName ? [user.displayName] : [])),
  ];
  return impersonationProblem(name, { protectedNames, siteName: site.name, mayUseRoleWords: isStaff(viewer) });
}

type NameResult = { ok: true } | { ok: false; problem: string };

/** Sets the viewer's public name, or says why not (as the display-name field's error). A change of an existing
 *  name is recorded in the audit log with the old one, in the same transaction. */
export async function setDisplayName(viewer: Viewer, name: string): Promise<NameResult> {
  // §6 Be yourself: no journalist's or staff member's name, no site name, no role words.
  const impersonating = await displayNameProblem(viewer, name);
  if (impersonating) return { ok: false, problem: impersonating };
  const taken = { ok: false as const, problem: `“${name}” is taken; try another.` };
  const holder = await db.user.findFirst({
    where: { displayName: name, id: { not: viewer.id } },
    select: { id: true },
  });
  if (holder) return taken;
  try {
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: viewer.id }, data: { displayName: name } });
      if (viewer.displayName)
        await recordEvent(tx, {
          commentId: null,
          actorType: 'reader',
          actorId: viewer.id,
          subjectUserId: viewer.id,
          action: renameAction,
          fromStatus: null,
          toStatus: null,
          note: `${viewer.displayName} → ${name}`,
        });
    });
  } catch (error) {
    // Two readers chose the same name at once: the unique index let only one of them have it.
    if (isUniqueViolation(error)) return taken;
    throw error;
  }
  return { ok: true };
}

/** When the viewer may next change their name, or null when they may now. */
export async function nextRenameAt(viewer: Pick<Viewer, 'id'>, now = new Date()): Promise<Date | null> {
  const last = await db.moderationEvent.findFirst({
    where: { action: renameAction, actorId: viewer.id },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  const next = last ? new Date(last.createdAt.getTime() + displayNameCooldownDays * 86_400_000) : null;
  return next && next > now ? next : null;
}

/** A named reader's change of name from the profile: the same rules as the first choice, once per cooldown, and
 *  not while suspended or banned (a new name would shake off the discussion's memory of a measure). */
export async function changeDisplayName(viewer: Viewer, name: string, now = new Date()): Promise<NameResult> {
  if (!viewer.displayName) return { ok: false, problem: 'Choose your first display name on the welcome page.' };
  const blocked = commentBlock(viewer, now);
  if (blocked) return { ok: false, problem: `${blocked} Your name cannot change meanwhile.` };
  if (name === viewer.displayName) return { ok: false, problem: 'That is already your display name.' };
  const next = await nextRenameAt(viewer, now);
  if (next)
    return {
      ok: false,
      problem: `You can change your name once every ${displayNameCooldownDays} days: next on ${formatDate(next)}.`,
    };
  const result = await setDisplayName(viewer, name);
  if (result.ok) await dropPagesShowing(viewer.id);
  return result;
}

/** The cached pages that show the reader's name: the stories they commented on (every page past a few dozen). */
async function dropPagesShowing(userId: string) {
  const stories = await db.comment.findMany({
    where: { userId, status: 'PUBLISHED' },
    distinct: ['articleId'],
    select: { articleId: true },
    take: 51,
  });
  if (stories.length > 50) invalidateAllPages();
  else await Promise.all(stories.map((story) => invalidateArticle(story.articleId)));
}
