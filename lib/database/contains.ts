// A `contains` filter that ignores case on both databases (SQLite's LIKE already does for ASCII). Outside lib/data so
// domain modules that benchmarks import without the react-server condition (lib/moderation/queues.ts) can use it.
import { isPostgres } from '../db';

export const containsText = (text: string) =>
  (isPostgres ? { contains: text, mode: 'insensitive' } : { contains: text }) as { contains: string };
