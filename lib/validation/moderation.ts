// Moderators' forms (decisions, bulk decisions, measures on accounts, appeal decisions) and the reader's appeal.
import { z } from 'zod';
import { clauseIds } from '../policy/clauses';
import { forbiddenControl, id } from './fields';

const note = z
  .string()
  .trim()
  .max(1000, 'Keep the note under 1,000 characters.')
  .refine((text) => !forbiddenControl.test(text), 'Remove the control characters from the note.')
  .optional()
  .transform((v) => v || undefined);

export const decisionSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }),
  z.object({
    decision: z.literal('reject'),
    clause: z.enum(clauseIds, { error: 'Choose the clause the comment breaks.' }),
    note,
  }),
  z.object({ decision: z.literal('feature') }),
  z.object({ decision: z.literal('unfeature') }),
]);
export type DecisionInput = z.infer<typeof decisionSchema>;

/** The card a decision is about: the comment and the version the moderator saw (compare-and-set). */
export const decisionTargetSchema = z.object({ commentId: id, version: z.coerce.number().int().min(0) });

export const decideSchema = z.intersection(decisionTargetSchema, decisionSchema);

/** Bulk decisions: `selected` holds "commentId:version" for every ticked card. */
export const bulkDecisionSchema = z.intersection(
  z.object({ selected: z.array(z.string()).min(1, 'Select at least one comment.') }),
  decisionSchema,
);

export const measureSchema = z.object({
  userId: id,
  measure: z.enum(['suspend', 'unsuspend', 'ban', 'unban', 'premoderate-on', 'premoderate-off']),
  days: z.coerce.number().int().min(1).max(365).optional(),
  note,
});

export const appealDecisionSchema = z.object({ appealId: id, outcome: z.enum(['uphold', 'reinstate']), note });

/** A reader's appeal against the rejection of their comment. */
export const appealSchema = z.object({
  commentId: id,
  statement: z
    .string({ error: 'Explain why the decision should change.' })
    .trim()
    .min(10, 'Explain in at least 10 characters why the decision should change.')
    .max(1000, 'Keep your appeal under 1,000 characters.')
    .refine((text) => !forbiddenControl.test(text), 'Remove the invisible control characters from your appeal.'),
});

/** GET /api/moderation/counts: the queue filters it may be asked for. */
export const queueCountsQuerySchema = z.object({ articleId: id.optional(), authorId: id.optional() });
