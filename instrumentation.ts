// Runs once when a server instance starts (in each worker of server.ts's cluster). The mail sender and its jobs
// (reply emails, author digests: lib/notifications/jobs.ts) run in one process per server (worker 1,
// lib/server/worker-number.ts): they are safe to run concurrently (each row and digest is claimed by a
// compare-and-set, so `npm run mailer` or a second instance can run beside them), but one poller per worker would
// only multiply the polling writes; mail queued by another worker is picked up at worker 1's next poll (MAIL_POLL_MS).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { db, dbReady } = await import('./lib/db');
  await dbReady();
  // The live channel's query (lib/live/hub.ts runs in server.ts's layer and asks through globalThis).
  const [{ registerLiveSource }, { listLiveChanges }] = await Promise.all([
    import('./lib/live/changes'),
    import('./lib/data/live'),
  ]);
  registerLiveSource(listLiveChanges);
  // The moderation queue's live channel (lib/live/queue-hub.ts): who may listen, and what a console shows.
  const [{ registerQueueSource }, { lookQueue, sessionHolder }] = await Promise.all([
    import('./lib/live/queue'),
    import('./lib/data/live-queue'),
  ]);
  registerQueueSource({ who: sessionHolder, look: lookQueue });
  const { env } = await import('./lib/env');
  const { runsServerJobs } = await import('./lib/server/worker-number');
  if (env().MAILER === 'inline' && runsServerJobs()) {
    const { startMailer } = await import('./lib/mail/sender');
    const { mailJobs } = await import('./lib/notifications/jobs');
    startMailer(db, { jobs: mailJobs(db) });
  }
}
