// Moderators' forms (decisions, bulk decisions, measures on accounts, appeal decisions), the reader's appeal, and the
// audit log's filters.
import { z } from 'zod';
import { clauseIds, isClauseId } from '../policy/clauses';
import { ruleIds } from '../policy/types';
import { forbiddenControl, id, queryText } from './fields';

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

/** Undo: the decision's batch (one decision, or every comment of a bulk one). */
export const undoSchema = z.object({ batchId: z.string().trim().min(1).max(64) });

/** "Edit and approve": the moderator's edit of the comment (checked against the original by lib/policy/redaction.ts,
 *  which refuses anything but removals), the clause that requires the removal, and an optional note to the writer. */
export const redactSchema = decisionTargetSchema.extend({
  body: z
    .string({ error: 'Edit the comment: remove the part that must go.' })
    .max(20_000, 'This edit is longer than any comment.')
    .refine((text) => text.trim().length > 0, 'Nothing would be left: reject the comment instead.'),
  clause: z.enum(clauseIds, { error: 'Choose the clause that requires the removal.' }),
  note,
});

/** Bulk decisions: `selected` holds "commentId:version" for every ticked card. */
export const bulkDecisionSchema = z.intersection(
  z.object({ selected: z.array(z.string()).min(1, 'Select at least one comment.') }),
  decisionSchema,
);

/** The measures that restrict an account, and so must cite the clause they enforce. */
const imposingMeasures: readonly string[] = ['suspend', 'ban', 'premoderate-on'];

/** A measure on an account. Imposing one (suspend, ban, pre-moderate) cites the clause it enforces, and its note is
 *  the message the reader is emailed with the statement of reasons; lifting one needs neither. */
export const measureSchema = z
  .object({
    userId: id,
    measure: z.enum(['suspend', 'unsuspend', 'ban', 'unban', 'premoderate-on', 'premoderate-off']),
    days: z.coerce.number().int().min(1).max(365).optional(),
    clause: z
      .enum(clauseIds, { error: 'Choose the clause of the policy this measure enforces.' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
    note,
  })
  .superRefine((value, context) => {
    if (imposingMeasures.includes(value.measure) && !value.clause)
      context.addIssue({
        code: 'custom',
        path: ['clause'],
        message: 'Choose the clause of the policy this measure enforces.',
      });
  });

/** A moderator's note on an account: required, plain text, as long as a short paragraph or two. */
export const accountNoteSchema = z.object({
  userId: id,
  body: z
    .string({ error: 'Write the note.' })
    .trim()
    .min(1, 'Write the note.')
    .max(2000, 'Keep the note under 2,000 characters.')
    .refine((text) => !forbiddenControl.test(text), 'Remove the control characters from the note.'),
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

/** A reader's appeal against a measure on their account (issue 16): which measure, and why it should end. */
export const measureAppealSchema = z.object({
  measure: z.enum(['suspend', 'ban', 'premoderate'], { error: 'Choose the measure you appeal.' }),
  statement: z
    .string({ error: 'Explain why the measure should end.' })
    .trim()
    .min(10, 'Explain in at least 10 characters why the measure should end.')
    .max(1000, 'Keep your appeal under 1,000 characters.')
    .refine((text) => !forbiddenControl.test(text), 'Remove the invisible control characters from your appeal.'),
});
export type MeasureAppealField = keyof z.infer<typeof measureAppealSchema>;

/** A moderator's decision on an appeal of a measure: uphold or lift, always with the reasons the reader is sent. */
export const measureAppealDecisionSchema = z.object({
  appealId: id,
  outcome: z.enum(['uphold', 'lift'], { error: 'Choose uphold or lift.' }),
  reason: z
    .string({ error: 'Give the reasons for your decision: the reader is sent them.' })
    .trim()
    .min(10, 'Give the reasons for your decision in at least 10 characters: the reader is sent them.')
    .max(1000, 'Keep the reasons under 1,000 characters.')
    .refine((text) => !forbiddenControl.test(text), 'Remove the control characters from the reasons.'),
});
export type MeasureAppealDecisionField = keyof z.infer<typeof measureAppealDecisionSchema>;

/** GET /api/moderation/counts: the queue filters it may be asked for. */
export const queueCountsQuerySchema = z.object({ articleId: id.optional(), authorId: id.optional() });

/**
 * The queue filters from the console's URL (/moderate and the counts it polls), the same names in both: `article`,
 * `author` (part of a name or email), `rule`, `clause`, `reports` (at least N), `q` (text). Whatever does not
 * parse is dropped, as a search box would: a filter never turns into an error page.
 */
export function readQueueFilter(get: (name: string) => string | null | undefined) {
  const text = (name: string, max = 200) => queryText(get(name) ?? undefined, max);
  const rule = text('rule', 40);
  const clause = text('clause', 40);
  const reports = Number(text('reports', 6));
  return {
    articleId: id.safeParse(get('article') ?? '').data,
    author: text('author', 100),
    ruleId: rule && (ruleIds as readonly string[]).includes(rule) ? rule : undefined,
    clause: clause && isClauseId(clause) ? clause : undefined,
    minReports: Number.isInteger(reports) && reports > 0 ? Math.min(reports, 999_999) : undefined,
    q: text('q'),
  };
}
export type QueueFilterParams = ReturnType<typeof readQueueFilter>;

/** The audit log's filters from its URL (/moderate/log and its CSV export). Whatever does not parse is dropped, as a
 *  search box would: a filter never turns into an error page. Dates are days (YYYY-MM-DD, UTC), "to" inclusive. */
export function readAuditQuery(params: URLSearchParams) {
  const text = (name: string, max = 200) => queryText(params.get(name) ?? undefined, max);
  const idOrNone = (name: string) => {
    const parsed = id.safeParse(params.get(name) ?? '');
    return parsed.success ? parsed.data : undefined;
  };
  const day = (name: string, plusDays = 0) => {
    const value = params.get(name) ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
    const date = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? undefined : new Date(date.getTime() + plusDays * 86_400_000);
  };
  const before = params.get('before') ? new Date(params.get('before')!) : undefined;
  return {
    filter: {
      person: text('person', 100),
      action: text('action', 50),
      clause: text('clause', 40),
      articleId: idOrNone('story'),
      commentId: idOrNone('comment'),
      q: text('q'),
      from: day('from'),
      to: day('to', 1),
      before: before && !Number.isNaN(before.getTime()) ? before : undefined,
    },
    /** The filters as typed, to echo into the form and carry into paging and export links. */
    values: Object.fromEntries(
      ['person', 'action', 'clause', 'story', 'comment', 'q', 'from', 'to'].flatMap((name) => {
        const value = text(name);
        return value ? [[name, value]] : [];
      }),
    ) as Partial<Record<'person' | 'action' | 'clause' | 'story' | 'comment' | 'q' | 'from' | 'to', string>>,
  };
}
