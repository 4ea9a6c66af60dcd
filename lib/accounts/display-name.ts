// A reader's public name, chosen once at first sign-in. It must not pass for an author or another staff member.
import { db } from '../db';
import { isUniqueViolation } from '../database/errors';
import { isStaff, type Viewer } from '../auth/permissions';
import { impersonationProblem } from '../policy/display-name';
import { site } from '../site/identity';

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

/** Sets the viewer's public name, or says why not (as the display-name field's error). */
export async function setDisplayName(
  viewer: Viewer,
  name: string,
): Promise<{ ok: true } | { ok: false; problem: string }> {
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
    await db.user.update({ where: { id: viewer.id }, data: { displayName: name } });
  } catch (error) {
    // Two readers chose the same name at once: the unique index let only one of them have it.
    if (isUniqueViolation(error)) return taken;
    throw error;
  }
  return { ok: true };
}
