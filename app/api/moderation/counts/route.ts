import { staffOrNull } from '@/lib/auth/guards';
import { queueCounts } from '@/lib/moderation/queues';
import { queueCountsQuerySchema } from '@/lib/validation/moderation';

export async function GET(request: Request) {
  if (!(await staffOrNull())) return Response.json({ error: 'not found' }, { status: 404 });
  const url = new URL(request.url);
  // Ids only: anything else (a NUL byte would fail the query on PostgreSQL) is a bad request.
  const query = queueCountsQuerySchema.safeParse({
    articleId: url.searchParams.get('article') || undefined,
    authorId: url.searchParams.get('authorId') || undefined,
  });
  if (!query.success) return Response.json({ error: 'bad request' }, { status: 400 });
  return Response.json(await queueCounts(query.data), { headers: { 'cache-control': 'no-store' } });
}
