// `npm run demo`: migrate, seed, build and serve a production build on the embedded SQLite database.
// Honours PORT, HOST, DATABASE_URL, SMTP_URL, MAIL_FROM, APP_URL and AUTH_SECRET. Safe to run again.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { run, serve } from './lib/processes';

const port = process.env.PORT || '3000';
// Only this machine can reach the demo unless HOST says otherwise: its mailbox shows live sign-in links
// (server.ts refuses to start with the mailbox on a reachable address).
const host = process.env.HOST || '127.0.0.1';
const environment: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  CHECKPOINT_DISABLE: '1',
  PORT: port,
  APP_URL: process.env.APP_URL || `http://localhost:${port}`,
  AUTH_SECRET: process.env.AUTH_SECRET || persistentSecret(),
  // No mail server configured: keep every email readable on /dev/mailbox.
  DEV_MAILBOX: process.env.DEV_MAILBOX || (process.env.SMTP_URL ? '0' : '1'),
};
environment.NEXTAUTH_URL = environment.APP_URL;

/** A random secret kept in data/ so sessions survive a restart of the demo. */
function persistentSecret(): string {
  const file = 'data/auth-secret';
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync('data', { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

await run('npx', ['prisma', 'migrate', 'deploy'], environment);
await run('npx', ['tsx', 'prisma/seed.ts'], environment);
await run('npx', ['next', 'build'], { ...environment, NODE_ENV: 'production' });
console.log(`\nThe Ledger is starting on ${environment.APP_URL}`);
if (environment.DEV_MAILBOX === '1')
  console.log(`Sign-in emails: ${environment.APP_URL}/dev/mailbox (try reader@example.com or moderator@example.com)\n`);
await serve('npx', ['tsx', 'server.ts', '--port', port, '--hostname', host], {
  ...environment,
  NODE_ENV: 'production',
});
