// Who a new display name must not pass for: every author, and every staff member other than the chooser.
import { db } from '../db';
import { isStaff, type Viewer } from '../auth/permissions';
import { impersonationProblem } from '../policy/display-name';
import { site } from '../site/identity';

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
