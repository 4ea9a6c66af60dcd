import type { Metadata } from 'next';
import Link from 'next/link';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Check your email' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ email?: string; already?: string }> };

// The same words for every address, whether or not it has an account (the link would create one), so this
// page tells nobody who reads here. `already`: the per-address limit refused another email (minutes to wait).
export default async function CheckEmailPage({ searchParams }: Props) {
  const { email, already } = await searchParams;
  const minutes = Math.min(Math.max(Number(already) || 0, 0), 15);
  const address = <strong>{typeof email === 'string' ? email.slice(0, 254) : 'your address'}</strong>;
  return (
    <div className="panel">
      <h1>Check your email</h1>
      {minutes > 0 ? (
        <p role="status">
          We already sent a sign-in link to {address} a few minutes ago, so we have not sent another. Use the newest
          email we sent; it works once and expires in 24 hours. You can ask for a new link in{' '}
          {minutes === 1 ? '1 minute' : `${minutes} minutes`}.
        </p>
      ) : (
        <p role="status">
          We sent a sign-in link to {address}. Open it on this device to sign in; it works once and expires in 24 hours.
        </p>
      )}
      {env().devMailbox && (
        <p className="notice notice--warn">
          This server has no mail server configured: read the message in the{' '}
          <Link href="/dev/mailbox">development mailbox</Link>.
        </p>
      )}
      <p>
        Nothing arrived? Check your spam folder, or <Link href="/sign-in">try again</Link>.
      </p>
    </div>
  );
}
