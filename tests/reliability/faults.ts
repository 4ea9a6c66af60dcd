// Faults on SQLite, against the real production server:
//   smtp:  the SMTP server is down while readers comment: every comment posts, every email waits in the
//          outbox with its error, and each arrives exactly once when SMTP returns.
//   flood: one account, and one address, posting as fast as they can get 429 + Retry-After, while
//          another reader posts normally.
//   logs:  with no SMTP (mail printed to the log, as on the demo) no sign-in link or reply token is logged.
// Prints one line "RESULT {json}" for tests/reliability/run.ts.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { closeDb, openDb } from '../support/db';
import { createTrustedReaders, savePolicy } from '../support/factories';
import { startServer, type AppServer } from '../support/production-server';
import { resetDatabase } from '../support/reset-db';
import { root, sleep } from '../support/script';
import { cookieHeader, postCommentOverHttp } from '../support/server-actions';
import { openSession } from '../support/sessions';

const url = 'file:./data/bench-reliability-faults.db';
const sinkSmtp = 2825;
const sinkHttp = 2880;
await resetDatabase(url);
const db = await openDb(url);
const author = await db.author.create({
  data: { slug: 'fault-desk', name: 'Fault Desk', email: 'fault-desk@reliability.example', notifyOnComments: true },
});
const article = await db.article.create({
  data: {
    slug: 'faults',
    headline: 'A story while things break',
    body: 'A paragraph.',
    publishedAt: new Date(),
    authorId: author.id,
  },
});
const readers = await createTrustedReaders(40, { prefix: 'fault', history: 3, ageDays: 400 });
const sessions = await Promise.all(readers.map((reader) => openSession(reader.id)));

type Posted = { status: number; state?: { status: string; message?: string; commentId?: string } };
async function post(
  server: AppServer,
  sessionToken: string,
  body: string,
  { parentId }: { parentId?: string } = {},
  headers: Record<string, string> = {},
): Promise<Posted> {
  const response = await postCommentOverHttp({ server, article, sessionToken, body, parentId, headers });
  return { status: response.status, state: response.state ?? undefined };
}

const results: Record<string, unknown> = {};
let ok = true;
const check = (name: string, pass: boolean, detail: unknown) => {
  results[name] = { pass, ...((typeof detail === 'object' && detail) || { detail }) };
  if (!pass) ok = false;
  console.log(`${pass ? 'ok  ' : 'FAIL'} ${name}: ${JSON.stringify(detail)}`);
};

// ── SMTP down ────────────────────────────────────────────────────────────────────────────────────────
{
  const sink = spawn(process.execPath, ['--import', 'tsx', 'tests/support/smtp-sink.ts'], {
    cwd: root,
    env: { ...process.env, SMTP_SINK_PORT: String(sinkSmtp), SMTP_SINK_HTTP_PORT: String(sinkHttp) },
    stdio: 'ignore',
  });
  const api = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${sinkHttp}${path}`, init);
  for (let i = 0; i < 100; i++) {
    if (
      await api('/health')
        .then((r) => r.ok)
        .catch(() => false)
    )
      break;
    await sleep(100);
  }
  await api('/smtp/stop', { method: 'POST' });
  // Thirty replies from one address within a minute would trip the policy's per-address flood rule.
  await savePolicy({ floodPerIpPerMinute: 10_000 }, 'reliability: SMTP phase');
  const server = await startServer({
    port: 3395,
    databaseUrl: url,
    env: {
      SMTP_URL: `smtp://127.0.0.1:${sinkSmtp}`,
      DEV_MAILBOX: '0',
      MAILER: 'inline',
      MAIL_POLL_MS: '200',
      MAIL_RETRY_BASE_SECONDS: '1',
      AUTHOR_DIGEST_INTERVAL_SECONDS: '1',
      // Reply emails and digest entries wait this long for edits (lib/notifications/reply-notifications.ts).
      REPLY_NOTIFICATION_DELAY_SECONDS: '1',
    },
  });
  try {
    const first = await post(server, sessions[0]!, 'The first comment, which everyone answers.');
    const parentId = first.state?.commentId ?? '';
    const replies = await Promise.all(
      sessions.slice(1, 31).map((s, i) => post(server, s, `Reply ${i} while mail is down`, { parentId })),
    );
    const posted = replies.filter((r) => r.state?.status === 'done' && r.state.commentId).length;
    await sleep(3000);
    const waiting = await db.outboxMessage.findMany({
      where: { status: { not: 'SENT' } },
      select: { attempts: true, lastError: true },
    });
    check('smtp-down: comments post while SMTP is down', posted === 30 && !!parentId, { posted, of: 30 });
    check(
      'smtp-down: emails wait in the outbox with the delivery error',
      waiting.length >= 30 && waiting.some((m) => m.attempts > 0 && m.lastError),
      {
        queued: waiting.length,
        withError: waiting.filter((m) => m.lastError).length,
      },
    );
    await api('/smtp/start', { method: 'POST' });
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline && (await db.outboxMessage.count({ where: { status: { not: 'SENT' } } })) > 0)
      await sleep(500);
    await sleep(1500);
    const outbox = await db.outboxMessage.findMany({ select: { messageId: true, status: true } });
    const received = (await (await api('/messages')).json()) as { messageId: string }[];
    const counts = new Map<string, number>();
    for (const message of received) counts.set(message.messageId, (counts.get(message.messageId) ?? 0) + 1);
    const missing = outbox.filter(
      (m) => !counts.has(m.messageId.replace(/^<|>$/g, '')) && !counts.has(m.messageId),
    ).length;
    const duplicated = [...counts.values()].filter((n) => n > 1).length;
    check(
      'smtp-down: after SMTP returns, every queued email arrives exactly once',
      missing === 0 && duplicated === 0 && outbox.every((m) => m.status === 'SENT'),
      {
        emails: outbox.length,
        received: received.length,
        missing,
        duplicated,
      },
    );
    results.smtpEmails = outbox.length;
  } finally {
    await server.stop();
    sink.kill();
  }
}

// ── Flood and log secrecy (no SMTP: mail is printed to the log, as on the demo) ─────────────────────
{
  await db.policyVersion.deleteMany({});
  const phaseStart = new Date();
  const server = await startServer({
    port: 3395,
    databaseUrl: url,
    env: {
      RATE_LIMIT_WRITES_PER_SESSION: '30',
      RATE_LIMIT_WRITES_PER_IP: '100',
      TRUST_PROXY: '1',
      MAILER: 'inline',
      MAIL_POLL_MS: '200',
      AUTHOR_DIGEST_INTERVAL_SECONDS: '1',
      // Reply emails and digest entries wait this long for edits (lib/notifications/reply-notifications.ts).
      REPLY_NOTIFICATION_DELAY_SECONDS: '1',
    },
  });
  try {
    const flooder = cookieHeader(sessions[35]!).cookie!;
    const outcomes: number[] = [];
    let retryAfter = '';
    const refusedByPolicy: string[] = [];
    for (let i = 0; i < 40; i++) {
      const response = await fetch(`${server.url}/articles/${article.slug}`, {
        method: 'POST',
        headers: { cookie: flooder, 'x-forwarded-for': '10.1.1.1' },
      });
      outcomes.push(response.status);
      if (response.status === 429) retryAfter ||= response.headers.get('retry-after') ?? '';
    }
    // The policy's own flood rule explains itself in words before the gateway's limit is reached.
    for (let i = 0; i < 7; i++) {
      const result = await post(
        server,
        sessions[36]!,
        `Rapid comment ${i} from one reader`,
        {},
        { 'x-forwarded-for': '10.3.3.3' },
      );
      if (result.state?.status === 'invalid' && result.state.message) refusedByPolicy.push(result.state.message);
    }
    const other = await post(
      server,
      sessions[37]!,
      'Meanwhile, another reader posts normally.',
      {},
      { 'x-forwarded-for': '10.4.4.4' },
    );
    check(
      'flood: one account gets 429 with Retry-After after its limit',
      outcomes.slice(0, 30).every((s) => s !== 429) &&
        outcomes.slice(30).every((s) => s === 429) &&
        Number(retryAfter) > 0,
      {
        first429At: outcomes.indexOf(429) + 1,
        retryAfter,
      },
    );
    check(
      'flood: the policy refuses rapid comments with a "try again" message',
      refusedByPolicy.length >= 1 && /try again in \d+ seconds/.test(refusedByPolicy[0]!),
      { refused: refusedByPolicy.length, message: refusedByPolicy[0] },
    );
    const ipStatuses: number[] = [];
    for (let i = 0; i < 105; i++)
      ipStatuses.push(
        (await fetch(`${server.url}/policy`, { method: 'POST', headers: { 'x-forwarded-for': '10.2.2.2' } })).status,
      );
    const neighbour = (
      await fetch(`${server.url}/policy`, { method: 'POST', headers: { 'x-forwarded-for': '10.2.2.3' } })
    ).status;
    check(
      'flood: one address gets 429 after its limit; other addresses are unaffected',
      ipStatuses.filter((s) => s === 429).length === 5 && neighbour !== 429,
      {
        refused: ipStatuses.filter((s) => s === 429).length,
        neighbour,
      },
    );
    check('flood: other readers post normally meanwhile', other.state?.status === 'done', {
      message: other.state?.message,
    });

    // Log secrecy: the author digest (with "Reply as the author" links) is printed to the log, redacted.
    const deadline = Date.now() + 20_000;
    let digest: { text: string } | null = null;
    while (Date.now() < deadline && !digest) {
      digest = await db.outboxMessage.findFirst({
        where: { to: author.email, kind: 'author-digest', createdAt: { gte: phaseStart }, status: 'SENT' },
        select: { text: true },
      });
      if (!digest) await sleep(300);
    }
    await sleep(1500);
    // Only this server's part of the log (the file keeps earlier runs).
    const log = readFileSync(server.log, 'utf8').split('── server started').at(-1) ?? '';
    const secrets = (digest?.text.match(/https?:\/\/\S+\/reply\/\S+/g) ?? []).map((link) => link.split('/reply/')[1]!);
    check(
      'logs: reply tokens and sign-in links never reach the log',
      !!digest &&
        secrets.length > 0 &&
        secrets.every((s) => !log.includes(s)) &&
        log.includes('[redacted') &&
        !/callback\/email\?\S*token=/.test(log),
      {
        tokensChecked: secrets.length,
        redactedLines: (log.match(/\[redacted/g) ?? []).length,
      },
    );
  } finally {
    await server.stop();
  }
}

await closeDb();
console.log(`RESULT ${JSON.stringify({ ok, ...results })}`);
process.exit(ok ? 0 : 1);
