import Link from 'next/link';
import { site } from '@/lib/site/identity';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        © {site.name}. Discussion under our stories follows the <Link href="/policy">comment policy</Link>.
      </p>
    </footer>
  );
}
