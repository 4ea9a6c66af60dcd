// Forms of a reader's own account: sign-in, the display name chosen once, email preferences.
import { z } from 'zod';
import { id } from './fields';

export const signInSchema = z.object({
  email: z
    .string({ error: 'Enter your email address.' })
    .trim()
    .min(1, 'Enter your email address.')
    .max(254, 'That address is too long.')
    .pipe(z.email('Enter a valid email address, like name@example.com.')),
  callbackUrl: z.string().optional(),
});

export const displayNameSchema = z.object({
  displayName: z
    .string({ error: 'Choose a display name.' })
    .transform((text) => text.normalize('NFKC').replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(2, 'Use at least 2 characters.')
        .max(30, 'Use at most 30 characters.')
        .regex(
          /^[\p{L}\p{N}][\p{L}\p{N} ._'-]*$/u,
          "Use letters, numbers, spaces, and . _ ' - only, starting with a letter or number.",
        ),
    ),
  next: z.string().optional(),
});

/** A change of name from the profile: the same rules as the first choice. */
export const changeDisplayNameSchema = displayNameSchema.pick({ displayName: true });

/** Ticked boxes arrive as "on"; unticked ones not at all. */
export const preferencesSchema = z.object({
  notifyReplies: z.literal('on').optional(),
  notifyAuthorReplies: z.literal('on').optional(),
  notifyModeration: z.literal('on').optional(),
});

/** "Delete my account", step one: the button on the profile asks for the emailed link (no fields). */
export const requestDeletionSchema = z.object({});

/** Step two: the button on the link's page sends the signed token back. */
export const confirmDeletionSchema = z.object({ token: z.string().min(1).max(1000) });

/** Mute the writer of a comment; unmute a reader from the profile's list. */
export const muteSchema = z.object({ commentId: id, returnTo: z.string().optional() });
export const unmuteSchema = z.object({ userId: id });
