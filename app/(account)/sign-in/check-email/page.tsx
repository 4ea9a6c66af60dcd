import type { Metadata } from 'next';
import Link from 'next/link';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Check your email' };
export const dynamic = 'force-dynamic';

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  return (
    <div className="panel">
      <h1>Check your email</h1>
      <p role="status">
        We sent a sign-in link to <strong>{email ?? 'your address'}</strong>. Open it on this device to sign in; it works once and
        expires in 24 hours.
      </p>
      {env().devMailbox && (
        <p className="notice notice--warn">
          This server has no mail server configured: read the message in the <Link href="/dev/mailbox">development mailbox</Link>.
        </p>
      )}
      <p>
        Nothing arrived? Check your spam folder, or <Link href="/sign-in">try again</Link>.
      </p>
    </div>
  );
}
