// Scale-out check (`npm test` runs it after the PostgreSQL pass): two app instances on different ports
// sharing PostgreSQL (DATABASE_URL) and Redis (REDIS_URL), with their own SMTP sink. tests/scale/.
import { defineConfig } from '@playwright/test';

const ports = [Number(process.env.SCALE_PORT_A ?? 3601), Number(process.env.SCALE_PORT_B ?? 3602)];
const smtpPort = Number(process.env.SMTP_SINK_PORT ?? 2725);
const sinkHttpPort = Number(process.env.SMTP_SINK_HTTP_PORT ?? 2780);
const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
process.env.SMTP_SINK_HTTP_PORT = String(sinkHttpPort);
process.env.DATABASE_URL = databaseUrl;

export const instanceUrls = ports.map((port) => `http://127.0.0.1:${port}`);

export default defineConfig({
  testDir: 'tests/scale',
  outputDir: 'data/test-results-scale',
  workers: 1,
  // No retries, as in playwright.config.ts: a failure that passes on a second try is still a failure.
  retries: 0,
  // A stray test.only would quietly drop every other test from the run.
  forbidOnly: Boolean(process.env.CI),
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : 'list',
  use: {
    baseURL: instanceUrls[0],
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
  webServer: [
    {
      command: 'npx tsx tests/support/smtp-sink.ts',
      url: `http://127.0.0.1:${sinkHttpPort}/health`,
      reuseExistingServer: false,
      stdout: 'ignore',
      env: { SMTP_SINK_PORT: String(smtpPort), SMTP_SINK_HTTP_PORT: String(sinkHttpPort) },
    },
    ...ports.map((port) => ({
      // One worker each: two instances are what this suite is about (two workers each would be four Next processes
      // beside Chromium on a 2-core machine); the workers of one server are tests/e2e/site/cluster.spec.ts's.
      command: `node --import tsx server.ts --port ${port} --hostname 127.0.0.1 --workers 1`,
      url: `http://127.0.0.1:${port}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
      env: {
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl,
        APP_URL: `http://127.0.0.1:${port}`,
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        AUTH_SECRET: 'scale-secret-not-for-production-0123456789',
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        MAIL_FROM: 'The Ledger <comments@ledger.test>',
        MAIL_POLL_MS: '200',
        MAIL_RETRY_BASE_SECONDS: '1',
        AUTHOR_DIGEST_INTERVAL_SECONDS: '1',
        // Reply emails and digest entries wait this long for edits (lib/notifications/reply-notifications.ts).
        REPLY_NOTIFICATION_DELAY_SECONDS: '1',
        // Low enough that the test can cross it in a few requests split over both instances.
        RATE_LIMIT_WRITES_PER_SESSION: '12',
      },
    })),
  ],
});
