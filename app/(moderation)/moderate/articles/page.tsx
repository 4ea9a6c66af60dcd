import Link from 'next/link';
import { requireStaffPage, staffMetadata } from '@/lib/auth/guards';
import { listArticleSettings } from '@/lib/data/articles';
import { formatDate, plural } from '@/lib/site/format';
import { updateArticleSettingsAction } from './actions';
import { ArticleSettingsForm } from './article-settings-form';

export const generateMetadata = staffMetadata('Article settings');
export const dynamic = 'force-dynamic';

export default async function ArticleSettingsPage() {
  await requireStaffPage();
  const articles = await listArticleSettings();
  return (
    <div className="moderation">
      <p className="meta">
        <Link href="/moderate">← Queues</Link>
      </p>
      <h1>Article settings</h1>
      <ol className="cards">
        {articles.map((article) => (
          <li key={article.id} className="card" aria-label={article.headline}>
            <p className="card__header">
              <Link href={`/articles/${article.slug}`}>{article.headline}</Link>
              <span className="meta">
                {formatDate(article.publishedAt)} · {plural(article.commentCount, 'comment')}
              </span>
            </p>
            <ArticleSettingsForm action={updateArticleSettingsAction} article={article} />
          </li>
        ))}
      </ol>
    </div>
  );
}
