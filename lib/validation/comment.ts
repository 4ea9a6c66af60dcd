import type { ReactNode } from 'react';
import { z } from 'zod';
import type { FormState } from '../actions/form-state';
import { clauseIds } from '../policy/clauses';
import { forbiddenControl, id } from './fields';
import { commentMaxLength } from './limits';

export { commentMaxLength };

// More than 30 combining marks in a row (the limit of Unicode's Stream-Safe Text Format, UAX #15) only ever
// stacks "Zalgo" text into one character wider or taller than the page.
const markStack = /\p{M}{31}/u;

export const commentBody = z
  .string({ error: 'Write something first.' })
  .transform((text) => text.replace(/\r\n?/g, '\n').trim())
  .pipe(
    z
      .string()
      .min(2, 'Write at least 2 characters.')
      .max(commentMaxLength, `Keep it under ${commentMaxLength.toLocaleString('en-US')} characters.`)
      .refine((text) => !forbiddenControl.test(text), 'Remove the invisible control characters from your comment.')
      .refine((text) => !markStack.test(text), 'Remove the stacked accent marks from your comment.')
      .refine((text) => text.isWellFormed(), 'Your comment contains broken characters; please retype it.')
      .refine((text) => text.replace(/[\s\p{Cf}\p{M}]/gu, '').length >= 2, 'Write at least 2 visible characters.'),
  );

export const newCommentSchema = z.object({
  articleId: id,
  parentId: z
    .union([z.literal(''), id])
    .optional()
    .transform((value) => value || undefined),
  body: commentBody,
  idempotencyKey: z
    .string()
    .trim()
    .min(8, 'Missing form key: reload the page.')
    .max(100)
    .regex(/^[\w.-]+$/, 'Invalid form key: reload the page.'),
  /** A rejected comment of the writer's that this text corrects (the compose box after a rejection, or its Edit). */
  replaces: z
    .union([z.literal(''), id])
    .optional()
    .transform((value) => value || undefined),
  /** The thread query (?sort, ?shown) of the page the form is on, read by lib/comments/thread-query.ts: the
   *  posted comment's links and the no-JavaScript redirect keep the reader's view. */
  sort: z.string().max(20).optional(),
  shown: z.string().max(10).optional(),
});
export type NewCommentField = keyof z.input<typeof newCommentSchema>;
/** A stored comment as the answer to its post carries it: rendered like the thread renders it, and where it goes
 *  (under its parent, or a new thread when parentId is null). */
export type PostedComment = {
  id: string;
  parentId: string | null;
  status: 'PUBLISHED' | 'PENDING';
  view: ReactNode;
};
/** The compose box's state: a posted comment's id, and (held or published) the comment for the page to insert. */
export type PostState = FormState<NewCommentField> & { commentId?: string; posted?: PostedComment };

export const editCommentSchema = z.object({ commentId: id, body: commentBody });
export type EditCommentField = keyof z.input<typeof editCommentSchema>;

export const commentIdSchema = z.object({ commentId: id });

/** The compose box's live check: a draft, with room for one pasted over the limit (it is warned about, not cut). */
export const draftSchema = z.string().max(commentMaxLength * 2);

/** A story's author answering through an emailed link: the link's comment and token carry the authority. */
export const authorReplySchema = z.object({ commentId: id, token: z.string().min(1).max(1000), body: commentBody });

/** The same link, to delete the reply it posted (within the edit window). */
export const authorReplyLinkSchema = authorReplySchema.omit({ body: true });

export const reportSchema = z.object({
  commentId: id,
  clause: z.enum(clauseIds, { error: 'Choose the part of the policy this comment breaks.' }),
  note: z
    .string()
    .optional()
    .transform((text) => (text ?? '').trim())
    .pipe(
      z
        .string()
        .max(500, 'Keep the note under 500 characters.')
        .refine((t) => !forbiddenControl.test(t), 'Remove control characters.'),
    ),
});
export type ReportField = keyof z.input<typeof reportSchema>;
