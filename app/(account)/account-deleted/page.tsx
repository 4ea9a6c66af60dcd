import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Account deleted', robots: { index: false } };

export default function AccountDeletedPage() {
  return (
    <div className="panel">
      <h1>Your account was deleted</h1>
      <p role="status">
        Your account and your personal data are erased, and you are signed out. Comments that others replied to show as
        deleted, without your name; your other comments are gone.
      </p>
      <p>
        You are welcome back at any time: <Link href="/">read the news</Link>.
      </p>
    </div>
  );
}
