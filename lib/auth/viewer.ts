import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { z } from 'zod';
import { db } from '../db';
import { viewerSelect, type Viewer } from './permissions';
import { authOptions } from './options';

/** The Viewer the session callback (lib/auth/options.ts) hands on, checked: dates may arrive as Date objects or,
 *  through a serialised session, as strings. */
const carriedViewer = z.object({
  id: z.string().min(1),
  email: z.string(),
  displayName: z.string().nullable(),
  role: z.enum(['READER', 'MODERATOR', 'ADMIN']),
  suspendedUntil: z.coerce.date().nullable(),
  bannedAt: z.coerce.date().nullable(),
  premoderated: z.boolean(),
  createdAt: z.coerce.date(),
}) satisfies z.ZodType<Viewer, unknown>;

/** The viewer a session carries, when it carries a whole and valid one for its user. */
export function viewerFromSession(session: unknown): Viewer | null {
  const { user, viewer } = (session ?? {}) as { user?: { id?: string }; viewer?: unknown };
  const parsed = carriedViewer.safeParse(viewer);
  return parsed.success && parsed.data.id === user?.id ? parsed.data : null;
}

/** The signed-in user, or null. One session lookup per request (the account row comes with it). */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  return viewerFromSession(session) ?? db.user.findUnique({ where: { id }, select: viewerSelect });
});

export async function requireViewer(returnTo = '/'): Promise<Viewer> {
  return (await getViewer()) ?? redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
}
