// `npm run mailer`: the mail sender as its own process (run the app with MAILER=off).
// Safe beside other senders: each outbox row is claimed once.
import { db, dbReady } from '../lib/db';
import { startMailer } from '../lib/mail/sender';
import { mailJobs } from '../lib/notifications/jobs';

await dbReady();
const stop = startMailer(db, { jobs: mailJobs(db) });
console.log('mailer: delivering the outbox (Ctrl-C to stop)');
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    stop();
    void db.$disconnect().then(() => process.exit(0));
  });
