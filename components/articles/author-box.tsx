import Link from 'next/link';
import { formatDate } from '@/lib/site/format';
import { AuthorAvatar } from './author-avatar';

type Props = {
  author: { slug: string; name: string; email: string; bio: string; photoUrl: string | null };
  moreStories: { slug: string; headline: string; publishedAt: Date }[];
};

export function AuthorBox({ author, moreStories }: Props) {
  return (
    <aside className="author-box" aria-labelledby="author-box-name">
      <AuthorAvatar author={author} />
      <div>
        <h2 id="author-box-name" className="author-box__name">
          <Link href={`/authors/${author.slug}`}>{author.name}</Link>
        </h2>
        {author.bio && <p className="author-box__bio">{author.bio}</p>}
        <p className="author-box__contact">
          {author.name} can be reached at <a href={`mailto:${author.email}`}>{author.email}</a>.
        </p>
      </div>
      {moreStories.length > 0 && (
        <nav className="author-box__more" aria-label={`More from ${author.name}`}>
          <h3>More from this author</h3>
          <ul>
            {moreStories.map((story) => (
              <li key={story.slug}>
                <Link href={`/articles/${story.slug}`}>{story.headline}</Link>{' '}
                <span className="meta">· {formatDate(story.publishedAt)}</span>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </aside>
  );
}
