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

/** The columns a Viewer is read with: every field of the type, checked by the compiler, so the session lookup
 *  and the tests that make accounts select the same thing. */
export const viewerSelect = {
  id: true,
  email: true,
  displayName: true,
  role: true,
  suspendedUntil: true,
  bannedAt: true,
  premoderated: true,
  createdAt: true,
} as const satisfies Record<keyof Viewer, true>;

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

/** An author's reply has no reader account (userId null): no viewer owns it. */
export const ownsComment = (viewer: Pick<Viewer, 'id'>, comment: { userId: string | null }) =>
  comment.userId === viewer.id;

/** Not a comment a moderator removed part of (originalBody set): an edit could put back what was removed. */
export function canEditComment(
  viewer: Viewer,
  comment: { userId: string | null; status: string; createdAt: Date; originalBody?: string | null },
  now: Date,
  windowSeconds: number,
): boolean {
  return (
    ownsComment(viewer, comment) &&
    comment.status !== 'DELETED' &&
    comment.status !== 'REJECTED' &&
    comment.originalBody == null &&
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
    ownsComment(viewer, comment) && comment.status === 'REJECTED' && !comment.appealOpen && canComment(viewer, now)
  );
}

export const canDeleteComment = (viewer: Viewer, comment: { userId: string | null; status: string }) =>
  comment.status !== 'DELETED' && (ownsComment(viewer, comment) || canModerate(viewer));

/** Respect is given by someone who may comment, to someone else's comment. */
export const canReactToComment = (viewer: Viewer, comment: { userId: string | null }, now: Date) =>
  canComment(viewer, now) && !ownsComment(viewer, comment);

/** Reporting stays open to a suspended reader (a suspension stops writing, not flagging); a ban ends it. */
export const canReport = (viewer: Pick<Viewer, 'bannedAt'>) => !viewer.bannedAt;
export const canReportComment = (viewer: Pick<Viewer, 'id' | 'bannedAt'>, comment: { userId: string | null }) =>
  canReport(viewer) && !ownsComment(viewer, comment);

/** A writer appeals a rejection of their own comment (once: the database holds one appeal per comment). */
/** A rejection, or a moderator's removal of part of a published comment (originalBody set), can be appealed. */
export const canAppealComment = (
  viewer: Pick<Viewer, 'id'>,
  comment: { userId: string | null; status: string; originalBody?: string | null },
) =>
  ownsComment(viewer, comment) &&
  (comment.status === 'REJECTED' || (comment.status === 'PUBLISHED' && comment.originalBody != null));

/** Staff decide other people's comments: nobody approves, rejects or features their own (issue 12.7). */
export const canDecideComment = (viewer: Pick<Viewer, 'id' | 'role'>, comment: { userId: string | null }) =>
  canModerate(viewer) && comment.userId !== viewer.id;

/** An appeal goes to a moderator who neither wrote the comment nor made the decision appealed. */
export const canDecideAppeal = (
  viewer: Pick<Viewer, 'id' | 'role'>,
  comment: { userId: string | null; decidedById: string | null },
) => canDecideComment(viewer, comment) && comment.decidedById !== viewer.id;

/** An appeal of a measure on an account goes to a moderator who did not impose it, on an account they may act on
 *  (never their own: staff do not decide about themselves). */
export function measureAppealBlock(
  moderator: Pick<Viewer, 'id' | 'role'>,
  account: { id: string; role: Viewer['role'] },
  imposedById: string | null,
): string | null {
  if (account.id === moderator.id) return 'This is an appeal about your own account: another moderator must decide it.';
  if (imposedById === moderator.id) return 'You imposed this measure; another moderator must decide the appeal.';
  return accountMeasureBlock(moderator, account);
}

/** Why a moderator may not suspend, ban or pre-moderate this account, or null: staff accounts are an admin's
 *  to act on, and nobody acts on their own. */
export function accountMeasureBlock(
  moderator: Pick<Viewer, 'id' | 'role'>,
  account: { id: string; role: Viewer['role'] },
): string | null {
  if (!canModerate(moderator)) return 'Only moderators can act on accounts.';
  if (account.role !== 'READER' && !isAdmin(moderator)) return 'Only an admin can act on a staff account.';
  if (account.id === moderator.id) return 'You cannot act on your own account.';
  return null;
}

export const canApplyAccountMeasure = (
  moderator: Pick<Viewer, 'id' | 'role'>,
  account: { id: string; role: Viewer['role'] },
) => accountMeasureBlock(moderator, account) === null;
