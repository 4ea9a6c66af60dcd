import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AuthorBox } from '@/components/articles/author-box';
import { CommentSection } from '@/components/comments/comment-section';
import type { CommentActions } from '@/components/comments/comment-thread';
import { getViewer } from '@/lib/auth/viewer';
import { postOutcome } from '@/lib/comments/post-outcome';
import { readThreadQueryFrom } from '@/lib/comments/thread-query';
import { getArticleBySlug, listMoreFromAuthor, paragraphsOf } from '@/lib/data/articles';
import { readSharedThreadMode, sharedThreadHeader } from '@/lib/cache/shared-thread';
import { loadCommentSection, loadPostedComment } from '@/lib/data/comments';
import { seesSharedThread, sharedListVersion } from '@/lib/data/shared-thread';
import type { Viewer } from '@/lib/auth/permissions';
import { formatDate } from '@/lib/site/format';
import { id } from '@/lib/validation/fields';
import {
  checkDraftAction,
  deleteCommentAction,
  editCommentAction,
  muteCommenterAction,
  postCommentAction,
  reportCommentAction,
  toggleReactionAction,
} from './actions';

export const dynamic = 'force-dynamic';

const commentActions: CommentActions = {
  reply: postCommentAction,
  check: checkDraftAction,
  edit: editCommentAction,
  remove: deleteCommentAction,
  react: toggleReactionAction,
  report: reportCommentAction,
  mute: muteCommenterAction,
};

/** A comment id from ?reply= or ?report=, or nothing. */
function openId(value: unknown): string | undefined {
  const parsed = id.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The notice of the comment ?posted=ID names, when it is the viewer's own, published or held: the page a post
 *  without JavaScript redirects to (actions.ts) tells its writer what the page with JavaScript would have. */
async function postedNotice(viewer: Viewer | null, value: unknown) {
  const commentId = openId(value);
  const posted = viewer && commentId ? await loadPostedComment(commentId, viewer) : null;
  if (posted?.status !== 'PUBLISHED' && posted?.status !== 'PENDING') return undefined;
  return postOutcome(posted.status, posted.reasons);
}

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getArticleBySlug((await params).slug);
  return article ? { title: article.headline, description: article.standfirst } : { title: 'Story not found' };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const article = await getArticleBySlug((await params).slug);
  if (!article) notFound();
  const search = await searchParams;
  // Read exactly as the page cache keys it (server.ts redirects non-canonical queries before they get here).
  const { query } = readThreadQueryFrom(search);
  // Issue 20's signed-in split (lib/cache/shared-thread.ts): server.ts asks for the shared list alone (`edition`),
  // or offers to splice it into this page (`offer`), which it then leaves out when the viewer sees it as it is.
  const mode = readSharedThreadMode((await headers()).get(sharedThreadHeader));
  if (mode?.kind === 'edition') {
    const section = await loadCommentSection(article, null, query, undefined, { asSignedIn: true });
    return (
      <CommentSection
        article={article}
        viewer={{ displayName: null }}
        // As a reader who may post sees it: a page takes the shared list only when its viewer may post.
        section={{ ...section, commentsOpen: true }}
        query={query}
        open={{}}
        actions={commentActions}
        shared={mode}
      />
    );
  }
  const viewer = await getViewer();
  const slot = mode?.kind === 'offer' && viewer !== null && (await seesSharedThread(article.id, viewer));
  const [moreStories, section, posted, version] = await Promise.all([
    listMoreFromAuthor(article.author.id, article.id),
    loadCommentSection(article, viewer, query, undefined, { threads: !slot }),
    postedNotice(viewer, search.posted),
    slot ? sharedListVersion(article.id) : undefined,
  ]);
  // The shared list is the one a reader who may post sees; a story without threads has nothing to share. Otherwise
  // the list is rendered here (a story closed since: the page reads it again with its threads).
  const shared = slot && version && section.commentsOpen && section.totalThreads > 0 ? { version } : undefined;
  if (slot && !shared) Object.assign(section, await loadCommentSection(article, viewer, query));
  const [lede, ...rest] = paragraphsOf(article.body);

  return (
    <article className="article" aria-labelledby="headline">
      <header>
        <h1 id="headline" className="article__headline">
          {article.headline}
        </h1>
        {article.standfirst && <p className="article__standfirst">{article.standfirst}</p>}
        <p className="article__byline meta">
          By <Link href={`/authors/${article.author.slug}`}>{article.author.name}</Link> ·{' '}
          <time dateTime={article.publishedAt.toISOString()}>{formatDate(article.publishedAt)}</time>
        </p>
      </header>
      <div className="article__body">
        <p>
          {article.dateline && <span className="article__dateline">{article.dateline} — </span>}
          {lede}
        </p>
        {rest.map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
      <AuthorBox author={article.author} moreStories={moreStories} />
      <p className="policy-note">
        Please read our <Link href="/policy">comment policy</Link> before commenting.
      </p>
      <p className="article__notice meta">
        <a href={`/notices?article=${article.slug}`} rel="nofollow">
          Report illegal content
        </a>
      </p>
      <CommentSection
        article={article}
        viewer={viewer && { displayName: viewer.displayName }}
        section={section}
        query={query}
        // One comment at a time has its reply or report form open (?reply=ID, ?report=ID): the page does not
        // carry a form for every comment, and the links work without JavaScript.
        open={{ reply: openId(search.reply), report: openId(search.report) }}
        posted={posted}
        actions={commentActions}
        shared={shared && { kind: 'slot', version: shared.version }}
      />
    </article>
  );
}
