import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { canModerate, isAdmin, type Viewer } from './permissions';
import { getViewer } from './viewer';

/** Pages for staff: everyone else gets the ordinary 404, so the console's existence leaks nothing. */
export async function requireStaffPage(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer || !canModerate(viewer)) notFound();
  return viewer;
}

export async function requireAdminPage(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer || !isAdmin(viewer)) notFound();
  return viewer;
}

/** For actions and route handlers: null means refuse (the caller answers without touching any data). */
export async function staffOrNull(): Promise<Viewer | null> {
  const viewer = await getViewer();
  return viewer && canModerate(viewer) ? viewer : null;
}

export async function adminOrNull(): Promise<Viewer | null> {
  const viewer = await getViewer();
  return viewer && isAdmin(viewer) ? viewer : null;
}

/** Metadata for a staff page: its title only for those allowed to see it, so a 404 names nothing. */
export function staffMetadata(title: string, who: 'staff' | 'admin' = 'staff'): () => Promise<Metadata> {
  return async () => {
    const viewer = await getViewer();
    const allowed = !!viewer && (who === 'admin' ? isAdmin(viewer) : canModerate(viewer));
    return { title: allowed ? title : 'Page not found', robots: { index: false } };
  };
}
