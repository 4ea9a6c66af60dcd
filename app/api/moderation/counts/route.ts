import { staffOrNull } from '@/lib/auth/guards';
import { queueCounts } from '@/lib/moderation/queues';

export async function GET(request: Request) {
  if (!(await staffOrNull())) return Response.json({ error: 'not found' }, { status: 404 });
  const url = new URL(request.url);
  const articleId = url.searchParams.get('article')?.slice(0, 64) || undefined;
  const authorId = url.searchParams.get('authorId')?.slice(0, 64) || undefined;
  return Response.json(await queueCounts({ articleId, authorId }), { headers: { 'cache-control': 'no-store' } });
}
