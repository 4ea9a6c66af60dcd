// Demo content: three stories by three authors, a reader, a moderator and an admin.
// Idempotent: running it again changes nothing that exists.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importStories } from '../lib/articles/import-stories';
import { parseStory } from '../lib/articles/parse-story';
import { db } from '../lib/db';

const seedDir = path.join(import.meta.dirname, 'seed');

// The demo stories are dated hours before the seed runs, not on their wire dates (2019): the default presets close
// comments 3 days after publication (lib/policy/presets.ts), and a demo, like the end-to-end suite that seeds
// it, needs stories still open for comments. Their order on the front page is the wire order.
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

const stories = [
  {
    file: 'huawei-russia-5g.txt',
    meta: {
      headline: 'Huawei signs deal to build Russia’s 5G networks after U.S. ban',
      slug: 'huawei-russia-5g',
      standfirst:
        'The Chinese telecom giant inked the agreement with MTS at a Kremlin meeting between Xi Jinping and Vladimir Putin.',
      dateline: 'Washington',
      published: hoursAgo(2),
      section: 'Technology / World',
      tags: 'Huawei, Russia, 5G, China, Telecoms',
    },
  },
  { file: 'council-bike-lanes.txt', meta: { slug: 'council-bike-lanes', published: hoursAgo(5) } },
  { file: 'library-weekend-hours.txt', meta: { slug: 'library-sunday-hours', published: hoursAgo(9) } },
];

const authorBios: Record<string, string> = {
  'ablake@washingtontimes.com': 'Andrew Blake covers technology, cybersecurity and national security.',
  'dreyes@example-news.com': 'Daniel Reyes covers city hall, transportation and housing.',
  'mokafor@example-news.com': 'Maria Okafor covers education, libraries and county government.',
};

export const demoUsers = [
  { email: 'reader@example.com', displayName: 'Pat Reader', role: 'READER' },
  { email: 'moderator@example.com', displayName: 'Morgan Moderator', role: 'MODERATOR' },
  { email: 'admin@example.com', displayName: 'Alex Admin', role: 'ADMIN' },
] as const;

// A short, civil discussion so the demo's comment sections are not empty. Fixed ids keep reseeding idempotent.
const demoComments = [
  {
    id: 'demo-c1',
    article: 'huawei-russia-5g',
    by: 'reader@example.com',
    minutes: 10,
    body: 'The interesting part is the 30 countries figure. Does anyone know which European operators are on that list?',
  },
  {
    id: 'demo-c2',
    article: 'huawei-russia-5g',
    by: 'moderator@example.com',
    parent: 'demo-c1',
    minutes: 25,
    body: 'Good question. Our technology desk is following up; please keep the thread on the deal itself.',
  },
  {
    id: 'demo-c3',
    article: 'huawei-russia-5g',
    by: 'admin@example.com',
    minutes: 40,
    body: 'The Commerce Department list is public: https://www.bis.doc.gov has the current entries.',
  },
  {
    id: 'demo-c4',
    article: 'council-bike-lanes',
    by: 'reader@example.com',
    minutes: 60,
    body: 'Loading zones on every block was the right compromise. Deliveries were the real sticking point.',
  },
] as const;

export async function seed() {
  const parsed = stories.map(({ file, meta }) =>
    parseStory(readFileSync(path.join(seedDir, file), 'utf8'), meta, file),
  );
  const results = await importStories(db, parsed, { onExisting: 'skip', authorBios });
  for (const user of demoUsers) {
    await db.user.upsert({
      where: { email: user.email },
      update: {},
      create: { ...user, emailVerified: new Date() },
    });
  }
  for (const comment of demoComments) {
    if (await db.comment.findUnique({ where: { id: comment.id }, select: { id: true } })) continue;
    const [article, user] = await Promise.all([
      db.article.findUniqueOrThrow({ where: { slug: comment.article } }),
      db.user.findUniqueOrThrow({ where: { email: comment.by } }),
    ]);
    const parent = 'parent' in comment ? comment.parent : null;
    await db.$transaction([
      db.comment.create({
        data: {
          id: comment.id,
          articleId: article.id,
          userId: user.id,
          parentId: parent,
          threadId: parent ?? comment.id,
          depth: parent ? 1 : 0,
          body: comment.body,
          status: 'PUBLISHED',
          createdAt: new Date(article.publishedAt.getTime() + comment.minutes * 60_000),
        },
      }),
      db.article.update({ where: { id: article.id }, data: { commentCount: { increment: 1 } } }),
    ]);
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  seed()
    .then((results) => {
      for (const r of results) console.log(`seed: ${r.action} /articles/${r.slug}`);
      console.log(`seed: demo users ${demoUsers.map((u) => `${u.email} (${u.role.toLowerCase()})`).join(', ')}`);
    })
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    })
    .finally(() => db.$disconnect());
}
