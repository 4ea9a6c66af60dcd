// server.ts's own settings, parsed once with zod (each is documented in README.md "Configuration"). A function of
// its arguments, not of process.env, so it can be tested; the variables it shares with the app (PORT, REDIS_URL,
// DATABASE_URL) are read with the app's own rules (lib/env.ts, lib/database/target.ts).
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { resolveDbTarget, defaultSqliteUrl, type DbTarget } from '../database/target';
import { portSchema, redisUrlSchema } from '../env';

const flag = z
  .string()
  .optional()
  .transform((value) => ['1', 'true', 'yes', 'on'].includes((value ?? '').toLowerCase()));

const schema = z.object({
  PORT: portSchema,
  HOSTNAME: z.string().min(1).default('0.0.0.0'),
  PAGE_CACHE: z.enum(['on', 'off']).default('on'),
  PAGE_CACHE_MAX_MB: z.coerce.number().positive().default(128),
  PAGE_CACHE_TTL_SECONDS: z.coerce.number().positive().default(300),
  SIGNED_IN_SPLIT: z.enum(['on', 'off']).default('on'),
  TRUST_PROXY: flag,
  REDIS_URL: redisUrlSchema,
  RATE_LIMIT_WRITES_PER_IP: z.coerce.number().int().positive().default(300),
  RATE_LIMIT_WRITES_PER_SESSION: z.coerce.number().int().positive().default(60),
  DB_PROBE_INTERVAL_MS: z.coerce.number().int().positive().default(1000),
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  TEST_CLOCK: flag,
  LIVE_STREAMS_PER_ADDRESS: z.coerce.number().int().positive().default(8),
  LIVE_STREAMS_MAX: z.coerce.number().int().positive().default(20_000),
  LIVE_IDLE_SECONDS: z.coerce.number().positive().default(600),
  WEB_CONCURRENCY: z.coerce
    .number({ message: 'WEB_CONCURRENCY (or --workers) must be a whole number of worker processes, 1 or more' })
    .int('WEB_CONCURRENCY (or --workers) must be a whole number of worker processes, 1 or more')
    .min(1, 'WEB_CONCURRENCY (or --workers) must be 1 or more (1 = a single process, no cluster)')
    .max(256, 'WEB_CONCURRENCY (or --workers) must be at most 256')
    .optional(),
});

export type ServerConfig = {
  port: number;
  hostname: string;
  pageCache: boolean;
  pageCacheMaxBytes: number;
  pageCacheTtlMs: number;
  /** Signed-in story pages get the shared list of threads from the page cache (lib/server/signed-in-split.ts). */
  signedInSplit: boolean;
  trustProxy: boolean;
  redisUrl: string | undefined;
  writesPerIpPerMinute: number;
  writesPerSessionPerMinute: number;
  dbProbeIntervalMs: number;
  metricsToken: string | undefined;
  /** POST /__test/clock moves the app's clock (end-to-end tests only: lib/server/test-clock.ts). */
  testClock: boolean;
  /** The live channel's bounds (lib/live/hub.ts). */
  live: { perAddress: number; maxStreams: number; idleMs: number };
  /** Worker processes serving requests (lib/server/cluster.ts); 1 runs today's single process, no primary. */
  workers: number;
  /** The database /healthz probes: the one the app talks to. */
  database: DbTarget;
};

/** `--port`/`-p`, `--hostname`/`-H` and `--workers` on the command line win over PORT, HOSTNAME and
 *  WEB_CONCURRENCY; without either, one worker per core (`cores`, os.availableParallelism()). */
export function serverConfig(
  argv: string[],
  environment: Record<string, string | undefined>,
  cores: number = availableParallelism(),
): ServerConfig {
  const argument = (...names: string[]) => {
    for (const name of names) {
      const index = argv.indexOf(name);
      if (index >= 0) return argv[index + 1];
    }
    return undefined;
  };
  const raw = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse({
    ...raw,
    PORT: argument('--port', '-p') ?? raw.PORT,
    HOSTNAME: argument('--hostname', '-H') ?? raw.HOSTNAME,
    WEB_CONCURRENCY: argument('--workers') ?? raw.WEB_CONCURRENCY,
  });
  if (!parsed.success)
    throw new Error(
      `Invalid configuration:\n  ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ')}`,
    );
  const e = parsed.data;
  return {
    port: e.PORT,
    hostname: e.HOSTNAME,
    pageCache: e.PAGE_CACHE === 'on',
    pageCacheMaxBytes: e.PAGE_CACHE_MAX_MB * 1024 * 1024,
    pageCacheTtlMs: e.PAGE_CACHE_TTL_SECONDS * 1000,
    signedInSplit: e.SIGNED_IN_SPLIT === 'on',
    trustProxy: e.TRUST_PROXY,
    redisUrl: e.REDIS_URL,
    writesPerIpPerMinute: e.RATE_LIMIT_WRITES_PER_IP,
    writesPerSessionPerMinute: e.RATE_LIMIT_WRITES_PER_SESSION,
    dbProbeIntervalMs: e.DB_PROBE_INTERVAL_MS,
    metricsToken: e.METRICS_TOKEN,
    testClock: e.TEST_CLOCK,
    live: {
      perAddress: e.LIVE_STREAMS_PER_ADDRESS,
      maxStreams: e.LIVE_STREAMS_MAX,
      idleMs: e.LIVE_IDLE_SECONDS * 1000,
    },
    workers: e.WEB_CONCURRENCY ?? Math.max(1, cores),
    database: resolveDbTarget(raw.DATABASE_URL ?? defaultSqliteUrl, raw.DATABASE_POOL_SIZE),
  };
}
