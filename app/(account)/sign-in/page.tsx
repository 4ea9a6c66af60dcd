import type { Metadata } from 'next';
import { safeCallbackPath } from '@/lib/auth/sign-in-link';
import { site } from '@/lib/site/identity';
import { requestSignInLinkAction } from '../actions';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl, '/');
  return (
    <div className="panel">
      <h1>Sign in to comment</h1>
      <p>
        Enter your email address and we will send you a link that signs you in to {site.name}. No password needed. New
        here? The same link creates your account.
      </p>
      <SignInForm action={requestSignInLinkAction} callbackUrl={callbackUrl} />
    </div>
  );
}
