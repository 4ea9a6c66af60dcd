// Read model for the comment section: whole threads, sorted and paged by their top-level comment,
// with what the viewer may see (published comments, tombstones that still carry replies, and the
// viewer's own held or rejected comments with the policy reasons).
import 'server-only';
import { db, type Prisma } from '../db';
import { env } from '../env';
import { canEditComment, canResubmitComment, commentBlock, isStaff, type Viewer } from '../auth/permissions';
import type { Reason } from '../policy';
import { statementOf, type Statement } from '../policy/statement';
import type { CommentSort, ThreadQuery } from '../comments/thread-query';
import { loadStoryPolicy, type PresetColumns } from './presets';
import { clockNow } from '../site/clock';
import { heldCommentWait } from './wait-times';

export { threadsPerPage } from '../comments/thread-query';
/** Replies nest this deep; deeper replies are shown flat under their level-3 ancestor, with "In reply to". */
export const maxNesting = 3;

export type CommentView = {
  id: string;
  status: 'PUBLISHED' | 'PENDING' | 'REJECTED' | 'DELETED';
  /** null for a tombstone. */
  body: string | null;
  authorName: string;
  badge: 'Staff' | 'Author' | null;
  isOwn: boolean;
  createdAt: Date;
  editedAt: Date | null;
  /** A moderator removed part of it (lib/moderation/redact.ts): the body carries "[removed by a moderator]". */
  moderatorEdited: boolean;
  editableUntil: Date | null;
  inReplyTo: string | null;
  /** Why an own held or rejected comment is not published (lib/policy/statement.ts), else null. */
  statement: Statement | null;
  /** For the writer's own held comment: how long held comments usually wait (lib/data/wait-times.ts), else null. */
  heldWait: string | null;
  /** Whether its writer may correct and resend it (a rejected comment not under appeal). */
  canResubmit: boolean;
  reactionCount: number;
  viewerReacted: boolean;
  /** An editors' pick (a moderator featured it). */
  picked: boolean;
  /** The viewer muted its writer (issue 17): shown collapsed, for this viewer only. */
  muted: boolean;
  /** The viewer may mute its writer (signed in, a reader's comment, not their own). */
  canMute: boolean;
  replies: CommentView[];
};

/** What the statement of reasons (lib/policy/statement.ts) reads from a comment, wherever it is shown or mailed. */
export const statementFields = {
  status: true,
  reasons: true,
  rejectClause: true,
  rejectNote: true,
  decidedById: true,
  appeal: { select: { status: true, decisionNote: true } },
  // A moderator's redaction: the writer's statement says what was removed (with the body every caller selects).
  originalBody: true,
  redactClause: true,
  redactNote: true,
} as const satisfies Prisma.CommentSelect;

const commentSelect = {
  id: true,
  parentId: true,
  threadId: true,
  depth: true,
  userId: true,
  body: true,
  ...statementFields,
  reactionCount: true,
  featured: true,
  createdAt: true,
  editedAt: true,
  user: { select: { displayName: true, role: true } },
  authorProfile: { select: { name: true } },
} as const satisfies Prisma.CommentSelect;
type Row = Prisma.CommentGetPayload<{ select: typeof commentSelect }>;

/** What a viewer may see among an article's comments. */
function visibleWhere(viewer: Viewer | null): Prisma.CommentWhereInput {
  const published: Prisma.CommentWhereInput = { status: 'PUBLISHED', hiddenByReports: false };
  const tombstone: Prisma.CommentWhereInput = {
    status: 'DELETED',
    replies: { some: { status: 'PUBLISHED', hiddenByReports: false } },
  };
  const own: Prisma.CommentWhereInput[] = viewer
    ? [{ userId: viewer.id, status: { in: ['PUBLISHED', 'PENDING', 'REJECTED'] } }]
    : [];
  return { OR: [published, tombstone, ...own] };
}

function threadOrder(sort: CommentSort): Prisma.CommentOrderByWithRelationInput[] {
  if (sort === 'newest') return [{ createdAt: 'desc' }, { id: 'desc' }];
  if (sort === 'reactions') return [{ reactionCount: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }];
  // Editors' picks first: threads opened by a picked comment, then the rest, oldest first.
  if (sort === 'picks') return [{ featured: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }];
  return [{ createdAt: 'asc' }, { id: 'asc' }];
}

const noMutes: ReadonlySet<string> = new Set();

/** The readers this viewer muted: their comments are collapsed for this viewer only. */
async function mutedBy(viewer: Viewer | null): Promise<ReadonlySet<string>> {
  if (!viewer) return noMutes;
  const rows = await db.mute.findMany({ where: { muterId: viewer.id }, select: { mutedId: true } });
  return new Set(rows.map((row) => row.mutedId));
}

/** One comment as the thread shows it to this viewer (its replies are added by the caller). */
function commentView(
  row: Row,
  viewer: Viewer | null,
  viewerReacted: boolean,
  now: Date,
  muted: ReadonlySet<string> = noMutes,
  asSignedIn = false,
): CommentView {
  return {
    id: row.id,
    status: row.status,
    body: row.status === 'DELETED' ? null : row.body,
    authorName: row.authorProfile?.name ?? row.user?.displayName ?? 'A reader',
    badge: row.authorProfile ? 'Author' : row.user && isStaff(row.user) ? 'Staff' : null,
    isOwn: !!viewer && row.userId === viewer.id,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    // Only whether: the original itself never reaches a reader's page (the writer's statement lists what went).
    moderatorEdited: row.originalBody !== null && row.status === 'PUBLISHED',
    editableUntil:
      viewer && canEditComment(viewer, row, now, env().COMMENT_EDIT_WINDOW_SECONDS)
        ? new Date(row.createdAt.getTime() + env().COMMENT_EDIT_WINDOW_SECONDS * 1000)
        : null,
    inReplyTo: null,
    statement: viewer && row.userId === viewer.id ? statementOf(row) : null,
    heldWait: null,
    canResubmit: !!viewer && canResubmitComment(viewer, { ...row, appealOpen: row.appeal?.status === 'OPEN' }, now),
    reactionCount: row.reactionCount,
    viewerReacted,
    picked: row.featured && row.status === 'PUBLISHED',
    muted: !!row.userId && muted.has(row.userId),
    canMute: (!!viewer || asSignedIn) && !!row.userId && row.userId !== viewer?.id && row.status === 'PUBLISHED',
    replies: [],
  };
}

/** `asSignedIn`: with no viewer, as a signed-in reader with nothing of their own on the story sees them (the shared
 *  signed-in list, lib/cache/shared-thread.ts). */
export async function listThreads(
  articleId: string,
  viewer: Viewer | null,
  sort: CommentSort,
  shown: number,
  asSignedIn = false,
) {
  const visible = visibleWhere(viewer);
  const rootWhere: Prisma.CommentWhereInput = { articleId, depth: 0, ...visible };
  const [roots, totalThreads, muted] = await Promise.all([
    db.comment.findMany({ where: rootWhere, orderBy: threadOrder(sort), take: shown, select: commentSelect }),
    db.comment.count({ where: rootWhere }),
    mutedBy(viewer),
  ]);
  const replies = roots.length
    ? await db.comment.findMany({
        where: { articleId, threadId: { in: roots.map((root) => root.id) }, depth: { gt: 0 }, ...visible },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: commentSelect,
      })
    : [];
  const reacted = viewer
    ? new Set(
        (
          await db.reaction.findMany({
            where: { userId: viewer.id, commentId: { in: [...roots, ...replies].map((row) => row.id) } },
            select: { commentId: true },
          })
        ).map((row) => row.commentId),
      )
    : new Set<string>();

  const now = new Date();
  // Each visible comment, its nesting depth, and the list it sits in (where a too-deep reply to it goes).
  const views = new Map<string, { view: CommentView; depth: number; list: CommentView[] }>();
  const toView = (row: Row) => commentView(row, viewer, reacted.has(row.id), now, muted, asSignedIn);

  const threads: CommentView[] = [];
  for (const root of roots) {
    const view = toView(root);
    threads.push(view);
    views.set(root.id, { view, depth: 0, list: threads });
  }
  for (const row of replies) {
    // A reply whose parent the viewer cannot see joins its thread's top-level comment.
    const anchor = (row.parentId ? views.get(row.parentId) : undefined) ?? views.get(row.threadId ?? '');
    if (!anchor) continue;
    const view = toView(row);
    if (anchor.depth < maxNesting) {
      anchor.view.replies.push(view);
      views.set(row.id, { view, depth: anchor.depth + 1, list: anchor.view.replies });
    } else {
      // Too deep to indent further: listed beside the comment it answers, saying whom it answers.
      view.inReplyTo = anchor.view.authorName;
      anchor.list.push(view);
      views.set(row.id, { view, depth: anchor.depth, list: anchor.list });
    }
  }
  const ownHeld = [...views.values()].filter(({ view }) => view.isOwn && view.status === 'PENDING');
  if (ownHeld.length) {
    const wait = await heldCommentWait(now);
    for (const { view } of ownHeld) view.heldWait = wait;
  }
  return { threads, totalThreads, hasMore: totalThreads > roots.length };
}

/**
 * A comment its writer has just posted, as the thread would show it to them after a reload, and where it goes:
 * under its parent (a reply nested deeper than maxNesting sits beside its parent, saying whom it answers).
 * One query: what the post's answer carries instead of the whole re-rendered page.
 */
export async function loadPostedComment(commentId: string, viewer: Viewer) {
  const row = await db.comment.findFirst({
    where: { id: commentId, userId: viewer.id },
    select: {
      ...commentSelect,
      parent: { select: { user: { select: { displayName: true } }, authorProfile: { select: { name: true } } } },
    },
  });
  if (!row) return null;
  const view = commentView(row, viewer, false, new Date());
  if (row.status === 'PENDING') view.heldWait = await heldCommentWait();
  if (row.depth > maxNesting)
    view.inReplyTo = row.parent?.authorProfile?.name ?? row.parent?.user?.displayName ?? 'A reader';
  return {
    view,
    parentId: row.parentId,
    depth: Math.min(row.depth, maxNesting),
    status: row.status,
    reasons: JSON.parse(row.reasons) as Reason[],
  };
}

/** The story's editors' picks, newest first (at most 10): published comments a moderator featured, any depth. */
export async function listPicks(articleId: string) {
  const rows = await db.comment.findMany({
    where: { articleId, featured: true, status: 'PUBLISHED', hiddenByReports: false },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 10,
    select: {
      id: true,
      body: true,
      depth: true,
      createdAt: true,
      user: { select: { displayName: true } },
      authorProfile: { select: { name: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    body: row.body,
    isReply: row.depth > 0,
    createdAt: row.createdAt,
    authorName: row.authorProfile?.name ?? row.user?.displayName ?? 'A reader',
  }));
}

export type CommentSectionData = Awaited<ReturnType<typeof loadCommentSection>>;

/** How many threads everyone sees, and whether there are more than `shown`: the page around a shared list of
 *  threads (lib/cache/shared-thread.ts), for a viewer who has nothing of their own on the story. */
async function countThreads(articleId: string, shown: number) {
  const totalThreads = await db.comment.count({ where: { articleId, depth: 0, ...visibleWhere(null) } });
  return { threads: [] as CommentView[], totalThreads, hasMore: totalThreads > shown };
}

/** What a story's comment section shows this viewer: the threads, and whether (and why not) they may post.
 *  `threads: false`: everything but the threads (their count only), for a page that gets the shared list;
 *  `asSignedIn`: the threads as the shared signed-in list shows them (lib/cache/shared-thread.ts). */
export async function loadCommentSection(
  article: { id: string } & PresetColumns,
  viewer: Viewer | null,
  query: ThreadQuery,
  now = clockNow(),
  { threads: withThreads = true, asSignedIn = false } = {},
) {
  // Taken before reading: the live channel (lib/live/hub.ts) tells the page of every change after it.
  const renderedAt = Date.now();
  const [{ threads, totalThreads, hasMore }, story, picks] = await Promise.all([
    withThreads
      ? listThreads(article.id, viewer, query.sort, query.shown, asSignedIn)
      : countThreads(article.id, query.shown),
    loadStoryPolicy(article, now),
    listPicks(article.id),
  ]);
  const { standing, settings } = story;
  return {
    threads,
    picks,
    totalThreads,
    hasMore,
    // Through the story's presets at render time (issue 18): the page says when this changes by itself, and the
    // page cache keeps the page no longer than that (lib/server/reader-pages.ts).
    commentsOpen: standing.state !== 'closed',
    standing: {
      state: standing.state,
      closesAt: standing.state === 'closed' ? null : standing.closesAt,
      premoderatedUntil: standing.premoderatedUntil,
      changesAt: standing.changesAt,
      notice: standing.state === 'closed' && settings.mode.value !== 'closed' ? '' : settings.notice.value,
    },
    /** Why this viewer may not post (suspended, banned, no display name yet), or null. */
    blocked: viewer ? commentBlock(viewer, new Date()) : null,
    renderedAt,
  };
}

/** Everything a reader wrote, newest first, with status, reasons and appeal: the profile page. */
export function listOwnComments(userId: string, take = 200) {
  return db.comment.findMany({
    where: { userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: {
      id: true,
      body: true,
      ...statementFields,
      createdAt: true,
      article: { select: { slug: true, headline: true } },
    },
  });
}
