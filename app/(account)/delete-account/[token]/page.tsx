import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusMarker } from '@/components/ui/status-marker';
import { readAccountDeletionLink } from '@/lib/accounts/delete-account';
import { confirmAccountDeletionAction } from '../../actions';

export const metadata: Metadata = { title: 'Delete your account', robots: { index: false } };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ token: string }> };

// GET shows whose account and one button; only the button deletes anything (mail scanners open links).
export default async function DeleteAccountPage({ params }: Props) {
  const { token } = await params;
  const account = await readAccountDeletionLink(token);
  if (!account) {
    return (
      <div className="panel">
        <StatusMarker status={404} />
        <h1>Delete your account</h1>
        <p role="alert">
          This link is not valid: it may have expired, or the account is already deleted. To delete your account, ask
          for a new link on <Link href="/profile">your profile</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="panel">
      <h1>Delete your account</h1>
      <p>
        This deletes the account <strong>{account.email}</strong>
        {account.displayName && (
          <>
            {' '}
            (<span dir="auto">{account.displayName}</span>)
          </>
        )}
        . It cannot be undone.
      </p>
      <ul>
        <li>Your name, email address, preferences, reactions, reports, appeals and mutes are erased.</li>
        <li>
          Your comments disappear. A comment others replied to stays as an empty “deleted” note, with no name, so the
          replies keep their place.
        </li>
        <li>
          Moderation records keep only the decision, the clause of the policy and the dates, with nothing that names you
          (see the <Link href="/policy">policy</Link>).
        </li>
      </ul>
      {account.blocked ? (
        <p role="alert" className="notice notice--warn">
          {account.blocked}
        </p>
      ) : (
        <form action={confirmAccountDeletionAction}>
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button">
            Delete my account
          </button>
        </form>
      )}
      <p>
        Changed your mind? Do nothing: <Link href="/">back to the front page</Link>.
      </p>
    </div>
  );
}
