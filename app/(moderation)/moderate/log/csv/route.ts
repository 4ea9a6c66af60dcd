// The audit log as CSV, with the filters of /moderate/log (staff only; 404 for everyone else, like the page).
import { staffOrNull } from '@/lib/auth/guards';
import { auditExportLimit, listAuditEntries } from '@/lib/data/audit-log';
import { csvDocument } from '@/lib/moderation/csv';
import { readAuditQuery } from '@/lib/validation/moderation';

export async function GET(request: Request) {
  if (!(await staffOrNull()))
    return new Response('Not found', { status: 404, headers: { 'cache-control': 'no-store' } });
  const { filter } = readAuditQuery(new URL(request.url).searchParams);
  const { entries, actors, stories } = await listAuditEntries(filter, auditExportLimit);
  const rows = entries.map((entry) => [
    entry.createdAt.toISOString(),
    entry.actorType,
    entry.actorId ? (actors.get(entry.actorId) ?? entry.actorId) : '',
    entry.action,
    entry.fromStatus ?? '',
    entry.toStatus ?? '',
    (entry.clauses.length ? entry.clauses.map((c) => c.clause) : entry.clause ? [entry.clause] : []).join(' '),
    entry.commentId ?? '',
    entry.commentId ? (stories.get(entry.commentId)?.headline ?? '') : '',
    entry.note ?? '',
  ]);
  const header = ['time_utc', 'actor_type', 'actor', 'action', 'from', 'to', 'clauses', 'comment_id', 'story', 'note'];
  return new Response(csvDocument([header, ...rows]), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
}
