'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { staffOrNull } from '@/lib/auth/guards';
import { db } from '@/lib/db';
import { formValues, invalid, type FormState } from '@/lib/actions/form-state';
import { decideAppeal } from '@/lib/moderation/appeals';
import { decideComment, type Decision } from '@/lib/moderation/decide';
import { applyUserMeasure } from '@/lib/moderation/users';
import { clauseIds } from '@/lib/policy/clauses';
import { forbiddenControl, id } from '@/lib/validation/fields';

const refused = 'Only moderators can do this.';
const note = z
  .string()
  .trim()
  .max(1000, 'Keep the note under 1,000 characters.')
  .refine((text) => !forbiddenControl.test(text), 'Remove the control characters from the note.')
  .optional()
  .transform((v) => v || undefined);

const decisionSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }),
  z.object({
    decision: z.literal('reject'),
    clause: z.enum(clauseIds, { error: 'Choose the clause the comment breaks.' }),
    note,
  }),
  z.object({ decision: z.literal('feature') }),
  z.object({ decision: z.literal('unfeature') }),
]);
const target = z.object({ commentId: id, version: z.coerce.number().int().min(0) });

function toDecision(parsed: z.infer<typeof decisionSchema>): Decision {
  if (parsed.decision === 'reject') return { kind: 'reject', clause: parsed.clause, note: parsed.note };
  if (parsed.decision === 'feature' || parsed.decision === 'unfeature')
    return { kind: 'feature', featured: parsed.decision === 'feature' };
  return { kind: 'approve' };
}

async function revalidateAfter(commentIds: string[]) {
  revalidatePath('/moderate');
  const articles = await db.comment.findMany({
    where: { id: { in: commentIds } },
    select: { article: { select: { slug: true } } },
  });
  for (const slug of new Set(articles.map((a) => a.article.slug))) revalidatePath(`/articles/${slug}`);
}

export type DecideField = 'clause' | 'note' | 'decision';

export async function decideAction(
  _previous: FormState<DecideField>,
  formData: FormData,
): Promise<FormState<DecideField>> {
  const moderator = await staffOrNull();
  if (!moderator) return invalid({}, refused);
  const values = formValues(formData);
  const who = target.safeParse(values);
  const what = decisionSchema.safeParse(values);
  if (!who.success) return invalid({}, 'This card is out of date: reload the queue.');
  if (!what.success)
    return invalid(
      z.flattenError(what.error).fieldErrors as Partial<Record<DecideField, string[]>>,
      'Please complete the decision.',
      { note: values.note ?? '' },
    );
  const result = await decideComment(moderator, who.data.commentId, who.data.version, toDecision(what.data));
  if (!result.ok) return invalid({}, result.message);
  await revalidateAfter([who.data.commentId]);
  const labels = { approve: 'Approved.', reject: 'Rejected.', feature: 'Featured.', unfeature: 'No longer featured.' };
  return { status: 'done', message: labels[what.data.decision], at: Date.now() };
}

export async function bulkDecideAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const moderator = await staffOrNull();
  if (!moderator) return invalid({}, refused);
  if (!(formData instanceof FormData)) return invalid({}, 'Select at least one comment.');
  const selected = formData.getAll('selected').filter((v): v is string => typeof v === 'string');
  const parsedTargets = selected.map((value) => {
    const [commentId, version] = value.split(':');
    return target.safeParse({ commentId, version });
  });
  const what = decisionSchema.safeParse(formValues(formData));
  if (!selected.length) return invalid({}, 'Select at least one comment.');
  if (!what.success || (what.data.decision !== 'approve' && what.data.decision !== 'reject'))
    return invalid({}, what.success ? 'Bulk actions approve or reject.' : 'Choose the clause for a bulk rejection.');
  let done = 0;
  const problems: string[] = [];
  for (const parsed of parsedTargets) {
    if (!parsed.success) continue;
    const result = await decideComment(moderator, parsed.data.commentId, parsed.data.version, toDecision(what.data));
    if (result.ok) done++;
    else problems.push(result.message);
  }
  await revalidateAfter(parsedTargets.flatMap((p) => (p.success ? [p.data.commentId] : [])));
  const verb = what.data.decision === 'approve' ? 'Approved' : 'Rejected';
  return problems.length
    ? {
        status: 'done',
        tone: 'warn',
        message: `${verb} ${done}; ${problems.length} not changed: ${problems.join(' ')}`,
        at: Date.now(),
      }
    : { status: 'done', message: `${verb} ${done} comment${done === 1 ? '' : 's'}.`, at: Date.now() };
}

const measureSchema = z.object({
  userId: id,
  measure: z.enum(['suspend', 'unsuspend', 'ban', 'unban', 'premoderate-on', 'premoderate-off']),
  days: z.coerce.number().int().min(1).max(365).optional(),
  note,
});

export async function userMeasureAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const moderator = await staffOrNull();
  if (!moderator) return invalid({}, refused);
  const parsed = measureSchema.safeParse(formValues(formData));
  if (!parsed.success)
    return invalid(z.flattenError(parsed.error).fieldErrors, 'Choose a measure (and a period for a suspension).');
  const { measure, days, userId } = parsed.data;
  const result = await applyUserMeasure(
    moderator,
    userId,
    measure === 'suspend'
      ? { kind: 'suspend', days: days ?? 7 }
      : measure === 'premoderate-on' || measure === 'premoderate-off'
        ? { kind: 'premoderate', on: measure === 'premoderate-on' }
        : { kind: measure },
    parsed.data.note ?? null,
  );
  if (!result.ok) return invalid({}, result.message);
  revalidatePath('/moderate');
  return { status: 'done', message: result.message, at: Date.now() };
}

const appealSchema = z.object({ appealId: id, outcome: z.enum(['uphold', 'reinstate']), note });

export async function decideAppealAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const moderator = await staffOrNull();
  if (!moderator) return invalid({}, refused);
  const parsed = appealSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalid(z.flattenError(parsed.error).fieldErrors, 'Choose uphold or reinstate.');
  const result = await decideAppeal(moderator, parsed.data.appealId, parsed.data.outcome, parsed.data.note ?? null);
  if (!result.ok) return invalid({}, result.message);
  const appeal = await db.appeal.findUnique({ where: { id: parsed.data.appealId }, select: { commentId: true } });
  await revalidateAfter(appeal ? [appeal.commentId] : []);
  return { status: 'done', message: result.message, at: Date.now() };
}
