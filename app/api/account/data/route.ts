// "Download my data": the signed-in reader's own data as one JSON file (lib/data/personal-data.ts). Suspended and
// banned readers may download theirs too: the right of access does not end with a measure.
import { getViewer } from '@/lib/auth/viewer';
import { personalData } from '@/lib/data/personal-data';

export async function GET() {
  const viewer = await getViewer();
  if (!viewer)
    return Response.json(
      { error: 'Sign in to download your data.' },
      { status: 401, headers: { 'cache-control': 'no-store' } },
    );
  const now = new Date();
  return new Response(`${JSON.stringify(await personalData(viewer.id, now), null, 2)}\n`, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="the-ledger-my-data-${now.toISOString().slice(0, 10)}.json"`,
      'cache-control': 'private, no-store',
    },
  });
}
