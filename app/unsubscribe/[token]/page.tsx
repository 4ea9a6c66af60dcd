import type { Metadata } from 'next';
import { revalidatePath } from 'next/cache';
import { StatusMarker } from '@/components/ui/status-marker';
import { readSubscription, setSubscription } from '@/lib/notifications/preferences';

export const metadata: Metadata = { title: 'Email preferences', robots: { index: false } };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ token: string }> };

// GET shows the state and one button; only the button changes anything (mail scanners open links).
export default async function UnsubscribePage({ params }: Props) {
  const { token } = await params;
  const subscription = await readSubscription(token);
  if (!subscription) {
    return (
      <div className="panel">
        <StatusMarker status={404} />
        <h1>Email preferences</h1>
        <p role="alert">
          This link is not valid. Use the link in the most recent email, or change your preferences on your profile.
        </p>
      </div>
    );
  }
  async function change(formData: FormData) {
    'use server';
    if (!(formData instanceof FormData)) return;
    await setSubscription(token, formData.get('subscribe') === '1');
    revalidatePath(`/unsubscribe/${token}`);
  }
  return (
    <div className="panel">
      <h1>Email preferences</h1>
      <p role="status">
        {subscription.recipient} is {subscription.subscribed ? 'receiving' : 'no longer receiving'}{' '}
        {subscription.description}.
      </p>
      <form action={change}>
        <input type="hidden" name="subscribe" value={subscription.subscribed ? '0' : '1'} />
        <button type="submit" className="button">
          {subscription.subscribed ? 'Unsubscribe' : 'Subscribe again'}
        </button>
      </form>
    </div>
  );
}
