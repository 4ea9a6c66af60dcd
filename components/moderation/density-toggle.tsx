'use client';
import Link from 'next/link';
import { densityCookie } from '@/lib/moderation/density';

/**
 * Switches between compact and full cards. A link, so it works without JavaScript (the choice then lives in the URL
 * and every console link keeps it); with JavaScript the choice is also remembered in a cookie for the next visit.
 */
export function DensityToggle({ compact, href }: { compact: boolean; href: string }) {
  const remember = () => {
    document.cookie = `${densityCookie}=${compact ? 'full' : 'compact'}; path=/moderate; max-age=31536000; samesite=lax`;
  };
  return (
    <Link href={href} onClick={remember} data-action="density" className="button button--quiet">
      {compact ? 'Full cards' : 'Compact cards'} <kbd>v</kbd>
    </Link>
  );
}
