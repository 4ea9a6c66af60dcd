// Runs once when a server instance starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { db, dbReady } = await import('./lib/db');
  await dbReady();
  const { env } = await import('./lib/env');
  if (env().MAILER === 'inline') {
    const { startMailer } = await import('./lib/mail/sender');
    const { sendDueAuthorDigests } = await import('./lib/notifications/author-digest');
    startMailer(db, { jobs: [() => sendDueAuthorDigests(db)] });
  }
}
