// Sign-in links and author reply tokens are credentials: they never reach a log.
const secretUrl = /(https?:\/\/\S*?(?:\/api\/auth\/callback\/|\/reply\/|[?&](?:token|t)=))\S+/gi;

export function redactSecrets(text: string): string {
  return text.replace(secretUrl, '$1[redacted: open /dev/mailbox]');
}
