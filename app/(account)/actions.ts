'use server';
import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { changeDisplayName, setDisplayName } from '@/lib/accounts/display-name';
import { saveNotificationPreferences } from '@/lib/accounts/preferences';
import { endSession } from '@/lib/accounts/sessions';
import { confirmAccountDeletion, requestAccountDeletion } from '@/lib/accounts/delete-account';
import { unmuteCommenter } from '@/lib/accounts/mutes';
import { readForm } from '@/lib/actions/form-action';
import { invalid, type FormState } from '@/lib/actions/form-state';
import { safeCallbackPath, sendSignInLink } from '@/lib/auth/sign-in-link';
import { getViewer } from '@/lib/auth/viewer';
import { allowMail } from '@/lib/mail/recipient-limits';
import { fileAppeal } from '@/lib/moderation/appeals';
import { fileMeasureAppeal } from '@/lib/moderation/measure-appeals';
import {
  changeDisplayNameSchema,
  confirmDeletionSchema,
  displayNameSchema,
  preferencesSchema,
  requestDeletionSchema,
  signInSchema,
  unmuteSchema,
} from '@/lib/validation/account';
import { appealSchema, measureAppealSchema, type MeasureAppealField } from '@/lib/validation/moderation';

const signedIn = { actor: getViewer, refused: 'Your session has ended: sign in again.' };

export async function requestSignInLinkAction(
  _previous: FormState<'email'>,
  formData: FormData,
): Promise<FormState<'email'>> {
  const form = await readForm(formData, { schema: signInSchema, echo: ['email'] });
  if (!form.ok) return form.state;
  const next = safeCallbackPath(form.data.callbackUrl, '/');
  const email = encodeURIComponent(form.data.email);
  // A few links per address per quarter hour, whoever asks; the answer is the same whether or not an account
  // exists (the link would create one).
  const allowance = await allowMail('sign-in', form.data.email);
  if (!allowance.allowed)
    redirect(`/sign-in/check-email?email=${email}&already=${Math.ceil(allowance.retryAfterSeconds / 60)}`);
  // New accounts choose a display name first; /welcome passes existing ones straight through.
  await sendSignInLink(form.data.email, `/welcome?next=${encodeURIComponent(next)}`);
  redirect(`/sign-in/check-email?email=${email}`);
}

export async function chooseDisplayNameAction(
  _previous: FormState<'displayName'>,
  formData: FormData,
): Promise<FormState<'displayName'>> {
  const form = await readForm(formData, {
    guard: {
      ...signedIn,
      // The public name is chosen once, at first sign-in (as /welcome shows): a named account cannot rename itself.
      actor: async (values) => {
        const viewer = await getViewer();
        if (viewer?.displayName) redirect(safeCallbackPath(values.next, '/profile'));
        return viewer;
      },
    },
    schema: displayNameSchema,
    echo: ['displayName'],
  });
  if (!form.ok) return form.state;
  const { displayName, next } = form.data;
  const result = await setDisplayName(form.actor, displayName);
  if (!result.ok) return invalid({ displayName: [result.problem] }, undefined, { displayName });
  redirect(safeCallbackPath(next, '/profile'));
}

export async function changeDisplayNameAction(
  _previous: FormState<'displayName'>,
  formData: FormData,
): Promise<FormState<'displayName'>> {
  const form = await readForm(formData, { guard: signedIn, schema: changeDisplayNameSchema, echo: ['displayName'] });
  if (!form.ok) return form.state;
  const { displayName } = form.data;
  const result = await changeDisplayName(form.actor, displayName);
  if (!result.ok) return invalid({ displayName: [result.problem] }, undefined, { displayName });
  // The name shows beside every comment the reader wrote: their stories' pages change.
  revalidatePath('/', 'layout');
  return { status: 'done', message: `Your display name is now “${displayName}”.`, tone: 'ok', at: Date.now() };
}

export async function updatePreferencesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData, {
    guard: signedIn,
    schema: preferencesSchema,
    message: 'Those settings were not understood.',
  });
  if (!form.ok) return form.state;
  await saveNotificationPreferences(form.actor.id, {
    notifyReplies: !!form.data.notifyReplies,
    notifyAuthorReplies: !!form.data.notifyAuthorReplies,
    notifyModeration: !!form.data.notifyModeration,
  });
  return { status: 'done', message: 'Your email preferences are saved.', at: Date.now() };
}

const sessionCookies = ['next-auth.session-token', '__Secure-next-auth.session-token'];

export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  for (const name of sessionCookies) {
    const token = jar.get(name)?.value;
    if (token) await endSession(token);
    jar.delete(name);
  }
  redirect('/');
}

export async function appealAction(
  _previous: FormState<'statement'>,
  formData: FormData,
): Promise<FormState<'statement'>> {
  const form = await readForm(formData, { guard: signedIn, schema: appealSchema, echo: ['statement'] });
  if (!form.ok) return form.state;
  const result = await fileAppeal(form.actor, form.data.commentId, form.data.statement);
  if (!result.ok) return invalid({}, result.message, form.echo);
  revalidatePath('/profile');
  return { status: 'done', message: result.message, at: Date.now() };
}

/** Issue 16: a reader appeals a measure on their account (suspended and banned readers can sign in to do it). */
export async function appealMeasureAction(
  _previous: FormState<MeasureAppealField>,
  formData: FormData,
): Promise<FormState<MeasureAppealField>> {
  const form = await readForm(formData, { guard: signedIn, schema: measureAppealSchema, echo: ['statement'] });
  if (!form.ok) return form.state;
  const result = await fileMeasureAppeal(form.actor, form.data.measure, form.data.statement);
  if (!result.ok) return invalid({}, result.message, form.echo);
  revalidatePath('/profile');
  return { status: 'done', message: result.message, tone: 'ok', at: Date.now() };
}

/** Issue 17: "Delete my account", step one: emails the signed-in reader a confirmation link. */
export async function requestAccountDeletionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData, { guard: signedIn, schema: requestDeletionSchema });
  if (!form.ok) return form.state;
  const result = await requestAccountDeletion(form.actor);
  if (!result.ok) return invalid({}, result.message);
  return { status: 'done', message: result.message, at: Date.now() };
}

/** Step two, the button on the emailed link's page: the signed token is the capability (as for unsubscribing), so
 *  it works in another browser too. Erases the account, ends the session here, and says so. */
export async function confirmAccountDeletionAction(formData: FormData): Promise<void> {
  const form = await readForm(formData, { schema: confirmDeletionSchema });
  if (!form.ok) return;
  const result = await confirmAccountDeletion(form.data.token);
  // The link's page explains a refusal (an expired link, the last administrator).
  if (!result.ok) redirect(`/delete-account/${encodeURIComponent(form.data.token)}`);
  const jar = await cookies();
  for (const name of sessionCookies) jar.delete(name);
  revalidatePath('/', 'layout');
  redirect('/account-deleted');
}

/** Unmutes a reader from the profile's list. */
export async function unmuteCommenterAction(formData: FormData): Promise<void> {
  const form = await readForm(formData, { guard: signedIn, schema: unmuteSchema });
  if (!form.ok) return;
  await unmuteCommenter(form.actor, form.data.userId);
  revalidatePath('/profile');
}
