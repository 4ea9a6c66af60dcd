// A real SMTP server for tests, run as its own process: `tsx tests/support/smtp-sink.ts`.
// It keeps every message it receives in memory and answers a small HTTP API that tests read:
//   GET /messages?to=ADDR   DELETE /messages   POST /smtp/stop   POST /smtp/start   GET /health
import { simpleParser } from 'mailparser';
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';

export type SinkMessage = {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  messageId: string;
  receivedAt: string;
};

const smtpPort = Number(process.env.SMTP_SINK_PORT ?? 2525);
const httpPort = Number(process.env.SMTP_SINK_HTTP_PORT ?? 2580);
const messages: SinkMessage[] = [];
let smtp: SMTPServer | null = null;

function startSmtp(): Promise<void> {
  if (smtp) return Promise.resolve();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const headers: Record<string, string> = {};
          for (const [key, value] of mail.headerLines.map(
            (line) => [line.key, line.line.slice(line.line.indexOf(':') + 1).trim()] as const,
          ))
            headers[key] = value;
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            headers,
            messageId: mail.messageId ?? '',
            receivedAt: new Date().toISOString(),
          });
          callback();
        })
        .catch(callback);
    },
  });
  smtp = server;
  return new Promise((resolve) => server.listen(smtpPort, '127.0.0.1', () => resolve()));
}

function stopSmtp(): Promise<void> {
  const server = smtp;
  smtp = null;
  return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
}

await startSmtp();
createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://sink');
  const reply = (status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  if (request.method === 'GET' && url.pathname === '/health') return reply(200, { ok: true, smtp: !!smtp });
  if (request.method === 'GET' && url.pathname === '/messages') {
    const to = url.searchParams.get('to')?.toLowerCase();
    return reply(200, to ? messages.filter((m) => m.to.includes(to)) : messages);
  }
  if (request.method === 'DELETE' && url.pathname === '/messages') {
    messages.length = 0;
    return reply(200, { ok: true });
  }
  if (request.method === 'POST' && url.pathname === '/smtp/stop')
    return void stopSmtp().then(() => reply(200, { smtp: false }));
  if (request.method === 'POST' && url.pathname === '/smtp/start')
    return void startSmtp().then(() => reply(200, { smtp: true }));
  reply(404, { error: 'not found' });
}).listen(httpPort, '127.0.0.1', () =>
  console.log(`smtp sink: SMTP 127.0.0.1:${smtpPort}, HTTP 127.0.0.1:${httpPort}`),
);
