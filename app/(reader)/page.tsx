import Link from 'next/link';
import { listLatestArticles } from '@/lib/data/articles';
import { formatDate, plural } from '@/lib/site/format';

export const dynamic = 'force-dynamic';

export default async function FrontPage() {
  const articles = await listLatestArticles();
  return (
    <section aria-labelledby="latest">
      <h1 id="latest" className="section-title">
        Latest
      </h1>
      {articles.length === 0 ? (
        <p>
          No stories yet. Import one with <code>npm run import -- FILE --headline &quot;…&quot;</code>.
        </p>
      ) : (
        <ol className="story-list">
          {articles.map((article) => (
            <li key={article.id} className="story-list__item">
              <h2 className="story-list__headline">
                <Link href={`/articles/${article.slug}`}>{article.headline}</Link>
              </h2>
              {article.standfirst && <p className="story-list__standfirst">{article.standfirst}</p>}
              <p className="meta">
                By <Link href={`/authors/${article.author.slug}`}>{article.author.name}</Link> ·{' '}
                <time dateTime={article.publishedAt.toISOString()}>{formatDate(article.publishedAt)}</time> ·{' '}
                <Link href={`/articles/${article.slug}#comments`}>{plural(article.commentCount, 'comment')}</Link>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
