import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { safeCallbackPath } from '@/lib/auth/sign-in-link';
import { requireViewer } from '@/lib/auth/viewer';
import { chooseDisplayNameAction } from '../actions';
import { DisplayNameForm } from './display-name-form';

export const metadata: Metadata = { title: 'Welcome' };

export default async function WelcomePage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeCallbackPath((await searchParams).next, '/');
  const viewer = await requireViewer(`/welcome?next=${encodeURIComponent(next)}`);
  if (viewer.displayName) redirect(next);
  return (
    <div className="panel">
      <h1>Welcome</h1>
      <p>You are signed in as {viewer.email}. Choose the public name readers will see next to your comments.</p>
      <DisplayNameForm action={chooseDisplayNameAction} next={next} />
    </div>
  );
}
