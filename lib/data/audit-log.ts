// Read model for /moderate/log: audit entries, newest first, a hundred at a time, with their actors' names.
import 'server-only';
import { db } from '../db';
import { namesOfUsers } from './accounts';

export const auditPageSize = 100;

export type AuditFilter = { q?: string; action?: string; commentId?: string; before?: Date };

export async function listAuditEntries({ q, action, commentId, before }: AuditFilter) {
  const entries = await db.moderationEvent.findMany({
    where: {
      ...(commentId ? { commentId } : {}),
      ...(action ? { action } : {}),
      ...(q
        ? { OR: [{ note: { contains: q } }, { clause: q }, { clauses: { some: { clause: q } } }, { actorId: q }] }
        : {}),
      ...(before && !Number.isNaN(before.getTime()) ? { createdAt: { lt: before } } : {}),
    },
    orderBy: { createdAt: 'desc' },
    take: auditPageSize,
    // Every clause a decision cited, not only the first (a threat by a new account: §2 and §9).
    include: { clauses: { select: { clause: true } } },
  });
  const actors = await namesOfUsers(entries.flatMap((e) => (e.actorId ? [e.actorId] : [])));
  return { entries, actors };
}
