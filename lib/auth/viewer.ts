import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '../db';
import { viewerSelect, type Viewer } from './permissions';
import { authOptions } from './options';

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
