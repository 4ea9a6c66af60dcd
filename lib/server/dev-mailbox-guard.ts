// /dev/mailbox shows every email the server sent, live sign-in links for staff accounts included. It is for a
// demo on one's own machine only (issue 12.3): the server refuses to start with it on unless both the public
// address (APP_URL) and the address it listens on are loopback ones.

const loopbackHost = (host: string) => {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare.endsWith('.localhost') || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
};

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return loopbackHost(address.replace(/^::ffff:/, ''));
}

/** Why the mailbox must not run with this configuration, or null when it may. */
export function devMailboxProblem(config: { devMailbox: boolean; appUrl: string; listenHost: string }): string | null {
  if (!config.devMailbox) return null;
  let appHost: string;
  try {
    appHost = new URL(config.appUrl).hostname;
  } catch {
    return `APP_URL (${config.appUrl}) is not a URL.`;
  }
  const fix =
    'Configure a mail server (SMTP_URL) and turn the mailbox off (DEV_MAILBOX=0), or keep the demo on this machine.';
  if (!loopbackHost(appHost))
    return `the development mailbox (/dev/mailbox) shows live sign-in links to anyone who opens it, and APP_URL (${config.appUrl}) is not a loopback address. ${fix}`;
  if (!loopbackHost(config.listenHost))
    return `the development mailbox (/dev/mailbox) shows live sign-in links to anyone who opens it, and this server would listen on ${config.listenHost}, reachable from other machines. Listen on 127.0.0.1 (HOST/--hostname), or: ${fix}`;
  return null;
}
