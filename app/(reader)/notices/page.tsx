import type { Metadata } from 'next';
import Link from 'next/link';
import { NoticeForm } from '@/components/notices/notice-form';
import { getNoticeTarget } from '@/lib/data/notices';
import { id, queryText } from '@/lib/validation/fields';
import { noticeCategories, noticeExplanationMin } from '@/lib/validation/notice';
import { submitNoticeAction } from './actions';

export const metadata: Metadata = { title: 'Report illegal content', robots: { index: false } };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

export default async function NoticePage({ searchParams }: Props) {
  const params = await searchParams;
  const sent = one(params.sent);
  if (sent && /^N-[0-9A-Z]{8}$/.test(sent))
    return (
      <div className="notice-page">
        <h1>Notice received</h1>
        <p role="status" className="notice notice--ok">
          Thank you. Your notice has the reference <strong>{sent}</strong>.
        </p>
        <p>
          We have emailed you a receipt. A moderator will review the content and email you the decision and its reasons.
        </p>
        <p>
          <Link href="/">Back to the front page</Link>
        </p>
      </div>
    );

  const commentId = id.safeParse(one(params.comment)).data;
  const articleSlug = queryText(one(params.article), 200);
  const target = await getNoticeTarget({ commentId, articleSlug: commentId ? undefined : articleSlug });
  return (
    <div className="notice-page">
      <h1>Report illegal content</h1>
      <p>
        Use this form to tell us that content on this site is illegal (EU Digital Services Act, Article 16). You do not
        need an account. For content that breaks our <Link href="/policy">comment policy</Link> but is not illegal,
        signed-in readers can use the comment’s “Report” link.
      </p>
      {!target ? (
        <p className="notice notice--warn">
          This comment or story is not on the site (it may have been removed already). Open this form from the “Report
          illegal content” link under the comment or story.
        </p>
      ) : (
        <>
          <h2>What you are reporting</h2>
          {target.kind === 'comment' ? (
            <figure className="notice-page__target">
              <blockquote dir="auto">{target.excerpt}</blockquote>
              <figcaption>
                Comment by <span dir="auto">{target.by}</span> on{' '}
                <Link href={`/articles/${target.articleSlug}#comment-${target.commentId}`}>{target.headline}</Link>
              </figcaption>
            </figure>
          ) : (
            <p>
              The story <Link href={`/articles/${target.articleSlug}`}>{target.headline}</Link>
            </p>
          )}
          <h2>Your notice</h2>
          <NoticeForm
            action={submitNoticeAction}
            target={{ commentId: target.commentId, articleSlug: target.articleSlug }}
            categories={noticeCategories}
            explanationMin={noticeExplanationMin}
          />
          <p className="meta">
            We keep your name and email with the notice to send you the receipt and the decision, and for the records
            the law asks us to keep. The writer of the content is not told who you are.
          </p>
        </>
      )}
    </div>
  );
}
