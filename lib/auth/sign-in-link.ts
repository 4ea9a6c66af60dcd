// Creates a next-auth email sign-in link exactly as next-auth's email provider does (a random token,
// stored hashed with the secret), and puts the email in the outbox. next-auth's callback route then
// verifies the token and opens the session.
import { createHash, randomBytes } from 'node:crypto';
import { db } from '../db';
import { env } from '../env';
import { safeRedirectPath } from './safe-redirect';
import { enqueueMail } from '../mail/outbox';
import { signInMail } from '../mail/templates';
import { signInLinkMaxAgeSeconds } from './options';

/** Keeps redirects on this site: a path like /articles/x, never //evil.example or https://evil.example. */
export function safeCallbackPath(value: unknown, fallback = '/'): string {
  return safeRedirectPath(value, fallback, env().appUrl);
}

export async function sendSignInLink(email: string, callbackPath: string): Promise<void> {
  const identifier = email.trim().toLowerCase();
  const { appUrl, authSecret } = env();
  const token = randomBytes(32).toString('hex');
  const expires = new Date(Date.now() + signInLinkMaxAgeSeconds * 1000);
  const params = new URLSearchParams({
    callbackUrl: `${appUrl}${safeCallbackPath(callbackPath)}`,
    token,
    email: identifier,
  });
  const url = `${appUrl}/api/auth/callback/email?${params}`;
  await db.$transaction(async (tx) => {
    await tx.verificationToken.create({
      data: { identifier, token: createHash('sha256').update(`${token}${authSecret}`).digest('hex'), expires },
    });
    await enqueueMail(tx, signInMail({ to: identifier, url, expires }));
  });
}
