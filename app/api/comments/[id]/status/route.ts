// The status of the caller's own comment: the page of a held comment asks every few seconds, and reloads its
// comments once a moderator has decided (components/comments/held-comment-watch.tsx). 404 for anyone else's.
import { getViewer } from '@/lib/auth/viewer';
import { ownCommentStatus } from '@/lib/data/wait-times';
import { id } from '@/lib/validation/fields';

const headers = { 'cache-control': 'private, no-store' };

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  const commentId = id.safeParse((await params).id);
  const status = viewer && commentId.success ? await ownCommentStatus(viewer.id, commentId.data) : null;
  if (!status) return Response.json({ error: 'not found' }, { status: 404, headers });
  return Response.json({ status }, { headers });
}
