import Link from 'next/link';
import { site } from '@/lib/site/identity';

// The same for every visitor, so pages stay cacheable: account state lives in the comment section and /profile.
export function SiteHeader() {
  return (
    <header className="masthead">
      <div className="masthead__inner">
        <Link href="/" className="masthead__name">
          {site.name}
        </Link>
        <p className="masthead__tagline">{site.tagline}</p>
        <nav aria-label="Site" className="masthead__nav">
          <Link href="/">Latest</Link>
          <Link href="/policy">Comment policy</Link>
          <Link href="/transparency">Transparency</Link>
          <Link href="/profile">Your account</Link>
        </nav>
      </div>
    </header>
  );
}
