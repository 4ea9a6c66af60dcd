// Sign-in links, author reply tokens and account-deletion links are credentials: they never reach a log.
const secretUrl = /(https?:\/\/\S*?(?:\/api\/auth\/callback\/|\/reply\/|\/delete-account\/|[?&](?:token|t)=))\S+/gi;

export function redactSecrets(text: string): string {
  return text.replace(secretUrl, '$1[redacted: open /dev/mailbox]');
}
