import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getAuthorBySlug } from '@/lib/data/articles';
import { AuthorAvatar } from '@/components/articles/author-avatar';
import { formatDate, plural } from '@/lib/site/format';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = await getAuthorBySlug((await params).slug);
  return { title: author ? author.name : 'Author not found' };
}

export default async function AuthorPage({ params }: Props) {
  const author = await getAuthorBySlug((await params).slug);
  if (!author) notFound();
  return (
    <div className="article">
      <header className="author-box" style={{ borderTop: 'none', marginTop: 0 }}>
        <AuthorAvatar author={author} />
        <div>
          <h1 className="author-box__name" style={{ fontSize: '2rem' }}>
            {author.name}
          </h1>
          {author.bio && <p className="author-box__bio">{author.bio}</p>}
          <p>
            Contact: <a href={`mailto:${author.email}`}>{author.email}</a>
          </p>
        </div>
      </header>
      <h2 className="section-title">Stories by {author.name}</h2>
      <ol className="story-list">
        {author.articles.map((article) => (
          <li key={article.id} className="story-list__item">
            <h3 className="story-list__headline">
              <Link href={`/articles/${article.slug}`}>{article.headline}</Link>
            </h3>
            {article.standfirst && <p className="story-list__standfirst">{article.standfirst}</p>}
            <p className="meta">
              <time dateTime={article.publishedAt.toISOString()}>{formatDate(article.publishedAt)}</time> ·{' '}
              {plural(article.commentCount, 'comment')}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
