// Who may do what: pure predicates, used by pages (to show or hide) and by actions (to enforce).
export type Viewer = {
  id: string;
  email: string;
  displayName: string | null;
  role: 'READER' | 'MODERATOR' | 'ADMIN';
  suspendedUntil: Date | null;
  bannedAt: Date | null;
  premoderated: boolean;
  createdAt: Date;
};

export const isStaff = (viewer: Pick<Viewer, 'role'>) => viewer.role === 'MODERATOR' || viewer.role === 'ADMIN';
export const canModerate = isStaff;
export const isAdmin = (viewer: Pick<Viewer, 'role'>) => viewer.role === 'ADMIN';

export function commentBlock(viewer: Viewer, now: Date): string | null {
  if (viewer.bannedAt) return 'Your account has been banned from commenting.';
  if (viewer.suspendedUntil && viewer.suspendedUntil > now)
    return `Your account is suspended from commenting until ${viewer.suspendedUntil.toUTCString()}.`;
  if (!viewer.displayName) return 'Choose a display name before commenting.';
  return null;
}

export const canComment = (viewer: Viewer, now: Date) => commentBlock(viewer, now) === null;

export function canEditComment(
  viewer: Viewer,
  comment: { userId: string | null; status: string; createdAt: Date },
  now: Date,
  windowSeconds: number,
): boolean {
  return (
    comment.userId === viewer.id &&
    comment.status !== 'DELETED' &&
    comment.status !== 'REJECTED' &&
    now.getTime() - comment.createdAt.getTime() <= windowSeconds * 1000 &&
    canComment(viewer, now)
  );
}

/** A writer may correct a rejected comment and send it again (checked like a new comment), unless it is under
 *  appeal: then only the appeal decision may change it. */
export function canResubmitComment(
  viewer: Viewer,
  comment: { userId: string | null; status: string; appealOpen: boolean },
  now: Date,
): boolean {
  return (
    comment.userId === viewer.id && comment.status === 'REJECTED' && !comment.appealOpen && canComment(viewer, now)
  );
}

export const canDeleteComment = (viewer: Viewer, comment: { userId: string | null; status: string }) =>
  comment.status !== 'DELETED' && (comment.userId === viewer.id || canModerate(viewer));

/** Staff decide other people's comments: nobody approves, rejects or features their own (issue 12.7). */
export const canDecideComment = (viewer: Pick<Viewer, 'id' | 'role'>, comment: { userId: string | null }) =>
  canModerate(viewer) && comment.userId !== viewer.id;

/** An appeal goes to a moderator who neither wrote the comment nor made the decision appealed. */
export const canDecideAppeal = (
  viewer: Pick<Viewer, 'id' | 'role'>,
  comment: { userId: string | null; decidedById: string | null },
) => canDecideComment(viewer, comment) && comment.decidedById !== viewer.id;
