// process.env parsed once, with defaults that make the embedded demo work with no configuration.
// Every variable is documented in README.md ("Configuration").
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .optional()
  .transform((value) => value === '1' || value === 'true' || value === 'yes' || value === 'on');

// Read by the app and by server.ts (lib/server/config.ts), which must agree on them.
export const portSchema = z.coerce.number().int().min(1).max(65535).default(3000);
export const redisUrlSchema = z
  .string()
  .regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://')
  .optional();

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: portSchema,
  APP_URL: z.url().optional(),
  AUTH_SECRET: z.string().min(16, 'AUTH_SECRET must be at least 16 characters').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('The Ledger <comments@ledger.example>'),
  DEV_MAILBOX: flag,
  MAILER: z.enum(['inline', 'off']).default('inline'),
  MAIL_RETRY_BASE_SECONDS: z.coerce.number().positive().default(15),
  MAIL_POLL_MS: z.coerce.number().int().min(50).default(1000),
  COMMENT_EDIT_WINDOW_SECONDS: z.coerce.number().int().min(0).default(300),
  // How long a reply's email to the reader waits, so it carries the reply as edited (or is cancelled if it is
  // deleted or removed) meanwhile; also how long a comment waits before it enters its author's digest.
  REPLY_NOTIFICATION_DELAY_SECONDS: z.coerce.number().int().min(0).default(120),
  // How long a moderator may undo a decision, its emails held meanwhile (lib/moderation/undo.ts); 0 turns undo off.
  MODERATION_UNDO_SECONDS: z.coerce.number().int().min(0).max(300).default(10),
  // Raise to revoke every unsubscribe link sent so far (lib/email-links/token.ts).
  UNSUBSCRIBE_LINK_VERSION: z.coerce.number().int().min(1).default(1),
  // Emails a stranger can make us send to one address (issue 12.4): sign-in links per 15 minutes, fresh
  // "Reply as the author" links per author per hour.
  SIGN_IN_EMAILS_PER_ADDRESS: z.coerce.number().int().min(1).default(3),
  FRESH_REPLY_LINKS_PER_AUTHOR: z.coerce.number().int().min(1).default(10),
  // Notices of illegal content (issue 17) per reporter email and per client address, per hour.
  NOTICES_PER_EMAIL: z.coerce.number().int().min(1).default(5),
  NOTICES_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  REDIS_URL: redisUrlSchema,
  // At most one "new comments on your story" email per article per this interval (lib/notifications).
  AUTHOR_DIGEST_INTERVAL_SECONDS: z.coerce.number().min(0).default(900),
  // Distinct readers' reports that hide a comment until a moderator decides (lib/comments/manage-comment.ts).
  REPORT_HIDE_THRESHOLD: z.coerce.number().int().min(1).default(3),
});

export type Env = z.infer<typeof schema> & { appUrl: string; authSecret: string; devMailbox: boolean };

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n  ');
    throw new Error(`Invalid configuration:\n  ${problems}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.AUTH_SECRET && process.env.NEXT_PHASE !== 'phase-production-build') {
    throw new Error('AUTH_SECRET is required in production (npm run demo generates one for you).');
  }
  cached = {
    ...e,
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    authSecret: e.AUTH_SECRET ?? 'development-only-secret-change-me',
    // The dev mailbox shows every message, sign-in links included: never on by default in production.
    devMailbox: !production || e.DEV_MAILBOX,
  };
  return cached;
}
