// Accounts, stories and policy versions made directly in the database (lib/db's client for DATABASE_URL: see db.ts),
// for the end-to-end specs, the benchmarks and the reliability suite.
import { randomBytes, randomUUID } from 'node:crypto';
import { testDb } from './db';

let counter = 0;
export const uniqueSuffix = () =>
  `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;

/** A fresh address per call, so tests never share an account by accident. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${counter++}@readers.example`.toLowerCase();
}

export type Account = { id: string; email: string; displayName: string | null };
export type StaffRole = 'READER' | 'MODERATOR' | 'ADMIN';

/** An account with a display name (unless `named: false`), in the given standing. */
export async function createAccount(
  label: string,
  {
    role = 'READER',
    named = true,
    suspended = false,
    banned = false,
  }: { role?: StaffRole; named?: boolean; suspended?: boolean; banned?: boolean } = {},
): Promise<Account> {
  const db = await testDb();
  const suffix = uniqueSuffix();
  return db.user.create({
    data: {
      email: `${label}-${suffix}@security.example`.toLowerCase(),
      displayName: named ? `${label} ${suffix}`.slice(0, 30) : null,
      role,
      emailVerified: new Date(),
      suspendedUntil: suspended ? new Date(Date.now() + 7 * 86_400_000) : null,
      bannedAt: banned ? new Date() : null,
    },
    select: { id: true, email: true, displayName: true },
  });
}

/** A brand-new account with a display name and no history: its first comment is held (pre-moderation). */
export async function createNewReader(label: string) {
  const email = uniqueEmail(label);
  const displayName = `${label} ${counter}`.slice(0, 30);
  const db = await testDb();
  const user = await db.user.create({ data: { email, displayName, emailVerified: new Date() } });
  return { email, displayName, id: user.id };
}

/** A story of the caller's own, so its comment list holds only what the caller put there. `slug` is used as is;
 *  otherwise one is made from the label. */
export async function createArticle(
  label: string,
  options: { commentsOpen?: boolean; slug?: string; publishedAt?: Date } = {},
) {
  const db = await testDb();
  const slug =
    options.slug ?? `${label}-${Date.now().toString(36)}-${counter++}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const author = await db.author.upsert({
    where: { email: 'fixtures@ledger.test' },
    update: {},
    create: { email: 'fixtures@ledger.test', name: 'Fixture Writer', slug: 'fixture-writer', notifyOnComments: false },
  });
  return db.article.create({
    data: {
      slug,
      headline: `Test story ${slug}`,
      body: 'A paragraph.',
      publishedAt: options.publishedAt ?? new Date(),
      authorId: author.id,
      commentsOpen: options.commentsOpen ?? true,
    },
  });
}

let history: Promise<{ id: string }> | undefined;
/** Where trusted readers' earlier comments live: an old story, away from the stories tests and benchmarks look at. */
function historyArticle() {
  history ??= testDb().then(
    async (db) =>
      (await db.article.findUnique({ where: { slug: 'fixture-history' }, select: { id: true } })) ??
      createArticle('history', { slug: 'fixture-history', publishedAt: new Date(Date.UTC(2018, 0, 1)) }),
  );
  return history;
}

/**
 * Readers who comment without pre-moderation: a display name, an account `ageDays` old and `history` earlier
 * published comments (new accounts' first comment is held by policy). The end-to-end specs take one at a time
 * with the defaults; the benchmarks take hundreds, with a long record.
 */
export async function createTrustedReaders(
  count: number,
  { prefix = 'trusted', history = 1, ageDays = 0, role = 'READER' as StaffRole } = {},
) {
  const db = await testDb();
  const users = Array.from({ length: count }, () => ({
    id: randomUUID(),
    email: uniqueEmail(prefix.replace(/\s+/g, '-')),
    displayName: `${prefix} ${counter}`.slice(0, 30),
  }));
  await db.user.createMany({
    data: users.map((user) => ({
      ...user,
      role,
      emailVerified: new Date(),
      createdAt: new Date(Date.now() - ageDays * 86_400_000),
    })),
  });
  const { id: articleId } = await historyArticle();
  const past = Date.now() - 86_400_000;
  const earlier = users.flatMap((user, u) =>
    Array.from({ length: history }, (_, h) => ({
      articleId,
      userId: user.id,
      body: `An earlier comment (${h + 1}) by ${user.displayName}.`,
      status: 'PUBLISHED' as const,
      createdAt: new Date(past - u * 1000 - h),
    })),
  );
  for (let i = 0; i < earlier.length; i += 500) await db.comment.createMany({ data: earlier.slice(i, i + 500) });
  return users;
}

/** One trusted reader (see createTrustedReaders). */
export async function createTrustedReader(label: string, role: StaffRole = 'READER') {
  const [reader] = await createTrustedReaders(1, { prefix: label, role });
  return reader!;
}

/** Every test posts from 127.0.0.1: a busy minute of the suite would trip the per-address flood limit (20 a minute,
 *  meant for one household or office), so the tests' policy lifts it unless a test sets it. The rule itself is
 *  tested in tests/unit/policy/rules.test.ts. */
export const oneAddressSuite = { floodPerIpPerMinute: 10_000 };

/** Saves a policy version (newest wins) on top of the shipped defaults (with the per-address flood lifted). */
export async function savePolicy(overrides: Record<string, unknown>, note = 'test settings'): Promise<void> {
  const { defaultPolicySettings, policySettingsSchema } = await import('../../lib/policy/settings');
  const settings = policySettingsSchema.parse({ ...defaultPolicySettings, ...oneAddressSuite, ...overrides });
  await (await testDb()).policyVersion.create({ data: { settings: JSON.stringify(settings), note } });
}
