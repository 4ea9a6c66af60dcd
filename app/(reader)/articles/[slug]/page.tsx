import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AuthorBox } from '@/components/articles/author-box';
import { CommentSection } from '@/components/comments/comment-section';
import { getArticleBySlug, listMoreFromAuthor, paragraphsOf } from '@/lib/data/articles';
import { formatDate } from '@/lib/site/format';

export const dynamic = 'force-dynamic';

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
  const moreStories = await listMoreFromAuthor(article.author.id, article.id);
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
      <CommentSection article={article} searchParams={await searchParams} />
    </article>
  );
}
