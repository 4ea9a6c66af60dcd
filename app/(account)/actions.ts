'use server';
import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { safeCallbackPath, sendSignInLink } from '@/lib/auth/sign-in-link';
import { getViewer } from '@/lib/auth/viewer';
import { displayNameProblem } from '@/lib/accounts/display-name';
import { db } from '@/lib/db';
import { formValues, invalid, type FormState } from '@/lib/actions/form-state';
import { allowMail } from '@/lib/mail/recipient-limits';
import { isUniqueViolation } from '@/lib/comments/submit-comment';
import { fileAppeal } from '@/lib/moderation/appeals';
import { displayNameSchema, signInSchema } from '@/lib/validation/comment';
import { forbiddenControl } from '@/lib/validation/fields';

export async function requestSignInLink(
  _previous: FormState<'email'>,
  formData: FormData,
): Promise<FormState<'email'>> {
  const values = formValues(formData);
  const parsed = signInSchema.safeParse(values);
  if (!parsed.success)
    return invalid(z.flattenError(parsed.error).fieldErrors, undefined, { email: values.email ?? '' });
  const next = safeCallbackPath(parsed.data.callbackUrl, '/');
  const email = encodeURIComponent(parsed.data.email);
  // A few links per address per quarter hour, whoever asks; the answer is the same whether or not an account
  // exists (the link would create one).
  const allowance = await allowMail('sign-in', parsed.data.email);
  if (!allowance.allowed)
    redirect(`/sign-in/check-email?email=${email}&already=${Math.ceil(allowance.retryAfterSeconds / 60)}`);
  // New accounts choose a display name first; /welcome passes existing ones straight through.
  await sendSignInLink(parsed.data.email, `/welcome?next=${encodeURIComponent(next)}`);
  redirect(`/sign-in/check-email?email=${email}`);
}

export async function chooseDisplayName(
  _previous: FormState<'displayName'>,
  formData: FormData,
): Promise<FormState<'displayName'>> {
  const values = formValues(formData);
  const viewer = await getViewer();
  if (!viewer) return invalid({}, 'Your session has ended: sign in again.', { displayName: values.displayName ?? '' });
  // The public name is chosen once, at first sign-in (as /welcome shows): a named account cannot rename itself.
  if (viewer.displayName) redirect(safeCallbackPath(values.next, '/profile'));
  const parsed = displayNameSchema.safeParse(values);
  if (!parsed.success)
    return invalid(z.flattenError(parsed.error).fieldErrors, undefined, { displayName: values.displayName ?? '' });
  // §6 Be yourself: no journalist's or staff member's name, no site name, no role words.
  const impersonating = await displayNameProblem(viewer, parsed.data.displayName);
  if (impersonating)
    return invalid({ displayName: [impersonating] }, undefined, { displayName: parsed.data.displayName });
  const taken = await db.user.findFirst({
    where: { displayName: parsed.data.displayName, id: { not: viewer.id } },
    select: { id: true },
  });
  const takenError = { displayName: [`“${parsed.data.displayName}” is taken; try another.`] };
  if (taken) return invalid(takenError, undefined, { displayName: parsed.data.displayName });
  try {
    await db.user.update({ where: { id: viewer.id }, data: { displayName: parsed.data.displayName } });
  } catch (error) {
    if (isUniqueViolation(error)) return invalid(takenError, undefined, { displayName: parsed.data.displayName });
    throw error;
  }
  redirect(safeCallbackPath(parsed.data.next, '/profile'));
}

const preferencesSchema = z.object({
  notifyReplies: z.literal('on').optional(),
  notifyAuthorReplies: z.literal('on').optional(),
  notifyModeration: z.literal('on').optional(),
});

export async function updatePreferences(_previous: FormState, formData: FormData): Promise<FormState> {
  const viewer = await getViewer();
  if (!viewer) return invalid({}, 'Your session has ended: sign in again.');
  // Every box unticked is a valid form, so anything that is not a form must not read as one.
  if (!(formData instanceof FormData)) return invalid({}, 'Those settings were not understood.');
  const parsed = preferencesSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalid({}, 'Those settings were not understood.');
  await db.user.update({
    where: { id: viewer.id },
    data: {
      notifyReplies: !!parsed.data.notifyReplies,
      notifyAuthorReplies: !!parsed.data.notifyAuthorReplies,
      notifyModeration: !!parsed.data.notifyModeration,
    },
  });
  return { status: 'done', message: 'Your email preferences are saved.', at: Date.now() };
}

const sessionCookies = ['next-auth.session-token', '__Secure-next-auth.session-token'];

export async function signOut(): Promise<void> {
  const jar = await cookies();
  for (const name of sessionCookies) {
    const token = jar.get(name)?.value;
    if (token) await db.session.deleteMany({ where: { sessionToken: token } });
    jar.delete(name);
  }
  redirect('/');
}

const appealSchema = z.object({
  commentId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
  statement: z
    .string({ error: 'Explain why the decision should change.' })
    .trim()
    .min(10, 'Explain in at least 10 characters why the decision should change.')
    .max(1000, 'Keep your appeal under 1,000 characters.')
    .refine((text) => !forbiddenControl.test(text), 'Remove the invisible control characters from your appeal.'),
});

export async function appealAction(
  _previous: FormState<'statement'>,
  formData: FormData,
): Promise<FormState<'statement'>> {
  const values = formValues(formData);
  const echo = { statement: values.statement ?? '' };
  const viewer = await getViewer();
  if (!viewer) return invalid({}, 'Your session has ended: sign in again.', echo);
  const parsed = appealSchema.safeParse(values);
  if (!parsed.success)
    return invalid(z.flattenError(parsed.error).fieldErrors as Partial<Record<'statement', string[]>>, undefined, echo);
  const result = await fileAppeal(viewer, parsed.data.commentId, parsed.data.statement);
  if (!result.ok) return invalid({}, result.message, echo);
  revalidatePath('/profile');
  return { status: 'done', message: result.message, at: Date.now() };
}
