import { staffOrNull } from '@/lib/auth/guards';
import { queueCounts } from '@/lib/moderation/queues';

export async function GET(request: Request) {
  if (!(await staffOrNull())) return Response.json({ error: 'not found' }, { status: 404 });
  const url = new URL(request.url);
  const articleId = url.searchParams.get('article') || undefined;
  const authorId = url.searchParams.get('authorId') || undefined;
  // Ids only: anything else (a NUL byte would fail the query on PostgreSQL) is a bad request.
  if ([articleId, authorId].some((id) => id !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(id)))
    return Response.json({ error: 'bad request' }, { status: 400 });
  return Response.json(await queueCounts({ articleId, authorId }), { headers: { 'cache-control': 'no-store' } });
}
