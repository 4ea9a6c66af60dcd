import { initials } from '@/lib/site/format';

/** The author's photo, or their initials when there is none. Decorative: the name is always next to it. */
export function AuthorAvatar({ author }: { author: { name: string; photoUrl: string | null } }) {
  return author.photoUrl ? (
    // eslint-disable-next-line @next/next/no-img-element -- photos come from any host an imported story names; next/image would need each one in images.remotePatterns
    <img className="author-box__avatar" src={author.photoUrl} alt="" width={64} height={64} />
  ) : (
    <span className="author-box__avatar" aria-hidden="true">
      {initials(author.name)}
    </span>
  );
}
