import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Sign-in problem' };

const messages: Record<string, string> = {
  Verification: 'That sign-in link has expired or has already been used. Links work once and for 24 hours.',
  AccessDenied: 'You cannot sign in with that account.',
};

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  return (
    <div className="panel">
      <h1>We could not sign you in</h1>
      <p role="alert">{messages[error ?? ''] ?? 'Something went wrong while signing you in.'}</p>
      <p>
        <Link className="button" href="/sign-in">
          Send me a new link
        </Link>
      </p>
    </div>
  );
}
