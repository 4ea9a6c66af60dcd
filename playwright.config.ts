// End-to-end tests in Debian's Chromium against a production build (`npm test` builds it first).
// DATABASE_URL names the database the server uses; scripts/test.ts resets it (tests/support/reset-db.ts) first.
import { defineConfig } from '@playwright/test';
import { resolveDbTarget } from './lib/database/target';
import { e2eMetricsToken } from './tests/support/server-actions';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const smtpPort = Number(process.env.SMTP_SINK_PORT ?? 2525);
const sinkHttpPort = Number(process.env.SMTP_SINK_HTTP_PORT ?? 2580);
const databaseUrl = process.env.DATABASE_URL ?? 'file:./data/e2e.db';

// The suite wipes its database: never point it at anything but a local one.
const target = resolveDbTarget(databaseUrl);
if (target.provider === 'postgres' && !['127.0.0.1', 'localhost', '[::1]'].includes(new URL(target.url).hostname)) {
  throw new Error(`Refusing to run end-to-end tests against a non-local database (${new URL(target.url).hostname}).`);
}

export default defineConfig({
  testDir: 'tests/e2e',
  // One worker: the tests share one server and one database, and the machine has 2 cores.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // No retries: a retry turns a failure into a silent pass (timing tests such as the page cache's "within 1 s"
  // are the ones that flake). A test that fails once fails the run; scripts/test.ts fails on "flaky" too.
  retries: 0,
  // A stray test.only would quietly drop every other test from the run.
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : 'list',
  use: {
    baseURL,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      command: 'npx tsx tests/support/smtp-sink.ts',
      url: `http://127.0.0.1:${sinkHttpPort}/health`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      // One worker: specs assert what one process does (a burst of readers costs one render, /metrics counts that
      // process's page cache); with N workers each has its own cache, so a burst costs up to N renders.
      // tests/e2e/site/cluster.spec.ts starts a two-worker server of its own for what the cluster must share.
      command: `node --import tsx server.ts --port ${port} --hostname 127.0.0.1 --workers 1`,
      url: `${baseURL}/policy`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        DATABASE_URL: databaseUrl,
        APP_URL: baseURL,
        NEXTAUTH_URL: baseURL,
        AUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        MAIL_FROM: 'The Ledger <comments@ledger.test>',
        MAIL_POLL_MS: '200',
        // A moderator's decision holds its emails for its undo window (lib/moderation/undo.ts): shorter here, so
        // the specs that wait for a statement of reasons get it within their timeouts, long enough to press Undo.
        MODERATION_UNDO_SECONDS: '6',
        MAIL_RETRY_BASE_SECONDS: '1',
        AUTHOR_DIGEST_INTERVAL_SECONDS: '1',
        // Reply emails and digest entries wait this long for edits (lib/notifications/reply-notifications.ts).
        REPLY_NOTIFICATION_DELAY_SECONDS: '1',
        METRICS_TOKEN: e2eMetricsToken,
        // POST /__test/clock moves the app's clock (lib/server/test-clock.ts; refused off loopback).
        TEST_CLOCK: '1',
        // The access walks send notices of illegal content as every role from this one address.
        NOTICES_PER_ADDRESS: '1000',
      },
    },
  ],
});
