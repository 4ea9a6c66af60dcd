// A crowd for the load generators: the write-path benchmark and the reliability load test.
import { createArticle, createTrustedReaders, savePolicy } from './factories';
import { openSession } from './sessions';

/**
 * A story and `posters` trusted readers signed in to comment on it at once, with the policy's flood limits
 * raised (every poster comes from 127.0.0.1) and no one held as a new commenter: the write-path benchmark
 * and the reliability load test.
 */
export async function seedCrowd({
  posters,
  prefix,
  slug,
  note,
}: {
  posters: number;
  prefix: string;
  slug: string;
  note: string;
}) {
  const article = await createArticle(slug, { slug });
  const readers = await createTrustedReaders(posters, { prefix, history: 3, ageDays: 400 });
  const sessions = await Promise.all(readers.map((reader) => openSession(reader.id)));
  await savePolicy({ floodPerUserPerMinute: 1000, floodPerIpPerMinute: 10_000, newCommenterHoldCount: 0 }, note);
  return { article, readers, sessions };
}
