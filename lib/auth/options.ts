// next-auth (v4) configuration: passwordless sign-in by emailed link, sessions stored in the database
// (so every app instance sees them). The link itself is created by lib/auth/sign-in-link.ts, which
// lets our own form validate the address and work without JavaScript.
import { PrismaAdapter } from '@next-auth/prisma-adapter';
import type { NextAuthOptions } from 'next-auth';
import EmailProvider from 'next-auth/providers/email';
import { db } from '../db';
import { env } from '../env';
import { viewerSelect } from './permissions';
import { safeRedirectPath } from './safe-redirect';

/** The Viewer's columns out of an account row (the adapter's user). */
function viewerFields(user: Record<string, unknown>) {
  return Object.fromEntries(Object.keys(viewerSelect).map((key) => [key, user[key]]));
}

export const signInLinkMaxAgeSeconds = 24 * 60 * 60;

export function authOptions(): NextAuthOptions {
  const production = env().NODE_ENV === 'production' && env().appUrl.startsWith('https://');
  return {
    // The adapter's types name @prisma/client's class; ours is generated elsewhere with the same API.
    adapter: PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]),
    secret: env().authSecret,
    session: { strategy: 'database', maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    useSecureCookies: production,
    providers: [
      EmailProvider({
        maxAge: signInLinkMaxAgeSeconds,
        // Links are sent by our sign-in action; next-auth's own sign-in endpoint is not used.
        sendVerificationRequest: async () => {
          throw new Error('Use the sign-in form at /sign-in');
        },
      }),
    ],
    pages: { signIn: '/sign-in', verifyRequest: '/sign-in/check-email', error: '/sign-in/error' },
    callbacks: {
      // Only same-site redirects after sign-in.
      redirect: ({ url, baseUrl }) => `${baseUrl}${safeRedirectPath(url, '/', baseUrl)}`,
      // The adapter has just read the whole account row with the session (one lookup per request): hand the
      // viewer's fields on with it, so getViewer (lib/auth/viewer.ts) need not read the account a second time.
      session: ({ session, user }) => ({
        ...session,
        user: { ...session.user, id: user.id },
        viewer: viewerFields(user as unknown as Record<string, unknown>),
      }),
    },
    logger: {
      // next-auth logs request URLs on some errors; sign-in tokens must never reach a log.
      error: (code, metadata) => console.error(`[auth] ${code}`, metadata instanceof Error ? metadata.message : ''),
      warn: (code) => console.warn(`[auth] ${code}`),
      debug: () => {},
    },
  };
}
