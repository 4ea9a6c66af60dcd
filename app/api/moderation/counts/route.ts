import { staffOrNull } from '@/lib/auth/guards';
import { queueCounts } from '@/lib/moderation/queues';
import { queueCountsQuerySchema, readQueueFilter } from '@/lib/validation/moderation';

export async function GET(request: Request) {
  if (!(await staffOrNull())) return Response.json({ error: 'not found' }, { status: 404 });
  const url = new URL(request.url);
  // Ids only: anything else (a NUL byte would fail the query on PostgreSQL) is a bad request.
  const query = queueCountsQuerySchema.safeParse({
    articleId: url.searchParams.get('article') || undefined,
    authorId: url.searchParams.get('authorId') || undefined,
  });
  if (!query.success) return Response.json({ error: 'bad request' }, { status: 400 });
  // The console's text filters (the same names as on /moderate), checked as the page checks them.
  const { author, ruleId, clause, minReports } = readQueueFilter((name) => url.searchParams.get(name));
  return Response.json(await queueCounts({ ...query.data, author, ruleId, clause, minReports }), {
    headers: { 'cache-control': 'no-store' },
  });
}
