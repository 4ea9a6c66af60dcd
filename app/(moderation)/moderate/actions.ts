'use server';
import { randomUUID } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { readForm } from '@/lib/actions/form-action';
import { formValues, invalid, type FormState } from '@/lib/actions/form-state';
import { staffOrNull } from '@/lib/auth/guards';
import { decideAppeal } from '@/lib/moderation/appeals';
import { decideComment, type Decision } from '@/lib/moderation/decide';
import { decideMeasureAppeal } from '@/lib/moderation/measure-appeals';
import { undoDecisions } from '@/lib/moderation/undo';
import { addAccountNote } from '@/lib/moderation/notes';
import { redactAndApprove } from '@/lib/moderation/redact';
import { applyUserMeasure } from '@/lib/moderation/users';
import {
  accountNoteSchema,
  appealDecisionSchema,
  bulkDecisionSchema,
  decideSchema,
  decisionTargetSchema,
  measureAppealDecisionSchema,
  measureSchema,
  undoSchema,
  redactSchema,
  type DecisionInput,
  type MeasureAppealDecisionField,
} from '@/lib/validation/moderation';

const staff = { actor: staffOrNull, refused: 'Only moderators can do this.' };

function toDecision(parsed: DecisionInput): Decision {
  if (parsed.decision === 'reject') return { kind: 'reject', clause: parsed.clause, note: parsed.note };
  if (parsed.decision === 'feature' || parsed.decision === 'unfeature')
    return { kind: 'feature', featured: parsed.decision === 'feature' };
  return { kind: 'approve' };
}

function revalidateAfter(articleSlugs: string[]) {
  revalidatePath('/moderate');
  for (const slug of new Set(articleSlugs)) revalidatePath(`/articles/${slug}`);
}

export type DecideField = 'clause' | 'note' | 'decision';

export async function decideAction(
  _previous: FormState<DecideField>,
  formData: FormData,
): Promise<FormState<DecideField>> {
  const form = await readForm(formData, {
    guard: staff,
    schema: decideSchema,
    echo: ['note'],
    message: (errors) =>
      errors.commentId || errors.version
        ? 'This card is out of date: reload the queue.'
        : 'Please complete the decision.',
  });
  if (!form.ok) return form.state;
  const { commentId, version } = form.data;
  // Every decision can be undone for a few seconds: the queue shows "Approved 1 comment — Undo" (undoAction).
  const result = await decideComment(form.actor, commentId, version, toDecision(form.data), new Date(), {
    batchId: randomUUID(),
  });
  if (!result.ok) return invalid({}, result.message);
  revalidateAfter([result.articleSlug]);
  const labels = {
    approve: 'Approved.',
    reject: 'Rejected.',
    feature: 'Featured as an editors’ pick.',
    unfeature: 'Removed from editors’ picks.',
  };
  return { status: 'done', message: labels[form.data.decision], at: Date.now() };
}

export type RedactField = 'body' | 'clause' | 'note';

/** "Edit and approve": publish the comment without the parts the moderator removed (lib/moderation/redact.ts). */
export async function redactAction(
  _previous: FormState<RedactField>,
  formData: FormData,
): Promise<FormState<RedactField>> {
  const form = await readForm(formData, {
    guard: staff,
    schema: redactSchema,
    echo: ['body', 'clause', 'note'],
    message: (errors) =>
      errors.commentId || errors.version
        ? 'This card is out of date: reload the queue.'
        : 'Please complete the edit: what to remove and the clause that requires it.',
  });
  if (!form.ok) return form.state;
  const { commentId, version, body, clause, note } = form.data;
  const result = await redactAndApprove(form.actor, commentId, version, { edited: body, clause, note });
  if (!result.ok)
    return 'field' in result
      ? invalid({ body: [result.message] }, 'The edit was not saved: it may only remove text.', form.echo)
      : invalid({}, result.message, form.echo);
  revalidateAfter([result.articleSlug]);
  return { status: 'done', message: 'Published without the removed text.', at: Date.now() };
}

export async function bulkDecideAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData, {
    guard: staff,
    schema: bulkDecisionSchema,
    read: (data) => ({
      ...formValues(data),
      selected: data.getAll('selected').filter((v): v is string => typeof v === 'string'),
    }),
    message: (errors) => (errors.selected ? 'Select at least one comment.' : 'Choose the clause for a bulk rejection.'),
    // A refusal sends the selection back, so the boxes stay ticked (components/moderation/bulk-selection.tsx).
    echo: ['selected'],
  });
  if (!form.ok) return form.state;
  const { data: decision, actor: moderator } = form;
  if (decision.decision !== 'approve' && decision.decision !== 'reject')
    return invalid({}, 'Bulk actions approve or reject.', form.echo);
  let done = 0;
  const problems: string[] = [];
  const slugs: string[] = [];
  // One undo reverses the whole bulk decision.
  const batchId = randomUUID();
  for (const value of decision.selected) {
    const [commentId, version] = value.split(':');
    const target = decisionTargetSchema.safeParse({ commentId, version });
    if (!target.success) continue;
    const result = await decideComment(
      moderator,
      target.data.commentId,
      target.data.version,
      toDecision(decision),
      new Date(),
      { batchId },
    );
    if (result.ok) {
      done++;
      slugs.push(result.articleSlug);
    } else problems.push(result.message);
  }
  revalidateAfter(slugs);
  const verb = decision.decision === 'approve' ? 'Approved' : 'Rejected';
  return problems.length
    ? {
        status: 'done',
        tone: 'warn',
        message: `${verb} ${done}; ${problems.length} not changed: ${problems.join(' ')}`,
        at: Date.now(),
      }
    : { status: 'done', message: `${verb} ${done} comment${done === 1 ? '' : 's'}.`, at: Date.now() };
}

/** What undoAction answers: the comments restored, so the queue can put the focus back on the first. */
export type UndoState = FormState & { restored?: string[] };

export async function undoAction(_previous: UndoState, formData: FormData): Promise<UndoState> {
  const form = await readForm(formData, {
    guard: staff,
    schema: undoSchema,
    message: 'There is no decision to undo.',
  });
  if (!form.ok) return form.state;
  const result = await undoDecisions(form.actor, form.data.batchId);
  if (!result.ok) return invalid({}, result.message);
  revalidateAfter(result.articleSlugs);
  return { status: 'done', message: result.message, at: Date.now(), restored: result.commentIds };
}

export async function userMeasureAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData, {
    guard: staff,
    schema: measureSchema,
    message: 'Choose a measure and the clause it enforces (and a period for a suspension).',
  });
  if (!form.ok) return form.state;
  const { measure, days, userId, note, clause } = form.data;
  const result = await applyUserMeasure(
    form.actor,
    userId,
    measure === 'suspend'
      ? { kind: 'suspend', days: days ?? 7 }
      : measure === 'premoderate-on' || measure === 'premoderate-off'
        ? { kind: 'premoderate', on: measure === 'premoderate-on' }
        : { kind: measure },
    note ?? null,
    new Date(),
    clause ?? null,
  );
  if (!result.ok) return invalid({}, result.message);
  revalidatePath('/moderate');
  return { status: 'done', message: result.message, at: Date.now() };
}

export async function addAccountNoteAction(
  _previous: FormState<'body'>,
  formData: FormData,
): Promise<FormState<'body'>> {
  const form = await readForm(formData, { guard: staff, schema: accountNoteSchema, echo: ['body'] });
  if (!form.ok) return form.state;
  const result = await addAccountNote(form.actor, form.data.userId, form.data.body);
  if (!result.ok) return invalid({}, result.message, form.echo);
  revalidatePath(`/moderate/people/${form.data.userId}`);
  return { status: 'done', message: result.message, tone: 'ok', at: Date.now() };
}

export async function decideAppealAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData, {
    guard: staff,
    schema: appealDecisionSchema,
    message: 'Choose uphold or reinstate.',
  });
  if (!form.ok) return form.state;
  const { appealId, outcome, note } = form.data;
  const result = await decideAppeal(form.actor, appealId, outcome, note ?? null);
  if (!result.ok) return invalid({}, result.message);
  revalidateAfter([result.articleSlug]);
  return { status: 'done', message: result.message, at: Date.now() };
}

/** Issue 16: the decision on a reader's appeal of a measure on their account, by a moderator who did not impose it. */
export async function decideMeasureAppealAction(
  _previous: FormState<MeasureAppealDecisionField>,
  formData: FormData,
): Promise<FormState<MeasureAppealDecisionField>> {
  const form = await readForm(formData, { guard: staff, schema: measureAppealDecisionSchema, echo: ['reason'] });
  if (!form.ok) return form.state;
  const { appealId, outcome, reason } = form.data;
  const result = await decideMeasureAppeal(form.actor, appealId, outcome, reason);
  if (!result.ok) return invalid({}, result.message, form.echo);
  revalidatePath('/moderate');
  revalidatePath(`/moderate/people/${result.userId}`);
  return { status: 'done', message: result.message, tone: 'ok', at: Date.now() };
}
