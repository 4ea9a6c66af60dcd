import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '../db';
import type { Viewer } from './permissions';
import { authOptions } from './options';

const viewerSelect = {
  id: true,
  email: true,
  displayName: true,
  role: true,
  suspendedUntil: true,
  bannedAt: true,
  premoderated: true,
  createdAt: true,
} as const;

/** The signed-in user, or null. One session lookup per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  return db.user.findUnique({ where: { id }, select: viewerSelect });
});

export async function requireViewer(returnTo = '/'): Promise<Viewer> {
  return (await getViewer()) ?? redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
}
