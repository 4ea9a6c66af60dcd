'use client';
// The comments this reader has posted since the comment section was last rendered by the server. A post answers
// with the new comment only (rendered on the server like every other comment), not with the whole re-rendered
// page: the compose or reply form hands it here, and the list it belongs to shows it, new threads first or last
// as the sort puts them, replies after their siblings. The next server render of the section already holds them,
// so a new render (a navigation such as opening a reply box) starts the list afresh.
import { createContext, Fragment, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { plural } from '@/lib/site/format';
import type { PostedComment } from '@/lib/validation/comment';

type Store = { posted: PostedComment[]; add(comment: PostedComment): void };

const PostedComments = createContext<Store>({ posted: [], add() {} });

type ProviderProps = {
  /** Changes with every server render of the section (whose threads then include what was posted before). */
  renderId: string;
  children: ReactNode;
};

export function PostedCommentsProvider({ renderId, children }: ProviderProps) {
  const [state, setState] = useState<{ renderId: string; posted: PostedComment[]; focus?: string }>({
    renderId,
    posted: [],
  });
  if (state.renderId !== renderId) setState({ renderId, posted: [] });
  // A new comment takes the focus, so the reader (and a screen reader) is taken to it where it landed.
  useEffect(() => {
    if (!state.focus) return;
    const article = document.getElementById(`comment-${state.focus}`)?.querySelector('article');
    if (!article) return;
    article.tabIndex = -1;
    article.focus();
  }, [state.focus]);
  const add = useCallback(
    (comment: PostedComment) =>
      setState((current) => ({
        ...current,
        // A retried post answers with the comment it already stored: shown once.
        posted: [...current.posted.filter((item) => item.id !== comment.id), comment],
        focus: comment.id,
      })),
    [],
  );
  const store = useMemo(() => ({ posted: state.posted, add }), [state.posted, add]);
  return <PostedComments value={store}>{children}</PostedComments>;
}

/** Hands a posted comment to the page. */
export function useAddPostedComment() {
  return useContext(PostedComments).add;
}

type ListProps = {
  className: string;
  /** Whose new replies this list shows: the parent ids (none for the list of threads, which takes parentId null). */
  parentIds: string[] | null;
  /** Where new items go: first (newest-first threads) or last (oldest-first threads, replies). */
  at: 'start' | 'end';
  /** How many items the server rendered into it (children). */
  count: number;
  /** What an empty list shows instead. */
  empty?: ReactNode;
  children?: ReactNode;
};

/** A comment list (<ol>) with the reader's newly posted comments that belong in it. */
export function CommentList({ className, parentIds, at, count, empty, children }: ListProps) {
  const { posted } = useContext(PostedComments);
  const mine = posted.filter((item) =>
    parentIds === null ? item.parentId === null : item.parentId !== null && parentIds.includes(item.parentId),
  );
  if (count === 0 && mine.length === 0) return empty ?? null;
  const added = mine.map((item) => <Fragment key={item.id}>{item.view}</Fragment>);
  return (
    <ol className={className}>
      {at === 'start' ? added.reverse() : null}
      {children}
      {at === 'end' ? added : null}
    </ol>
  );
}

/** The story's comment count, counting the reader's newly published comments. */
export function CommentCount({ count }: { count: number }) {
  const { posted } = useContext(PostedComments);
  const published = posted.filter((item) => item.status === 'PUBLISHED').length;
  return <span className="comments__count">({plural(count + published, 'comment')})</span>;
}
