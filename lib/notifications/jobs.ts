// The periodic jobs the mail sender runs (reply emails, author digests, erasure of notice reporters' details) before each delivery pass (in worker 1, or in `npm run mailer`). Each is
// safe beside a second instance running the same job: what it handles is claimed by a compare-and-set.
import type { Db } from '../db';
import { hourlyNoticeErasure } from '../notices/retention';
import { sendDueAuthorDigests } from './author-digest';
import { sendDueReplyNotifications } from './reply-notifications';

export function mailJobs(db: Db): (() => Promise<unknown>)[] {
  // The notices' erasure runs at most hourly: its own clock, not the poll's.
  return [() => sendDueReplyNotifications(db), () => sendDueAuthorDigests(db), hourlyNoticeErasure(db)];
}
