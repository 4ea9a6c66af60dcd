// RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" here.
import { setSubscription } from '@/lib/notifications/preferences';

export async function POST(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const ok = await setSubscription((await params).token, false);
  return new Response(ok ? 'Unsubscribed.\n' : 'This unsubscribe link is not valid.\n', {
    status: ok ? 200 : 400,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}
