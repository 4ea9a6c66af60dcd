'use server';
import { redirect } from 'next/navigation';
import { readForm } from '@/lib/actions/form-action';
import { invalid, type FormState } from '@/lib/actions/form-state';
import { submitNotice } from '@/lib/notices/notices';
import { clientIp } from '@/lib/security/client-ip';
import { noticeSchema, type NoticeField } from '@/lib/validation/notice';

/** A notice of illegal content: anyone may send one, signed in or not (DSA Art. 16). */
export async function submitNoticeAction(
  _previous: FormState<NoticeField>,
  formData: FormData,
): Promise<FormState<NoticeField>> {
  const form = await readForm(formData, {
    schema: noticeSchema,
    echo: ['category', 'law', 'explanation', 'name', 'email', 'goodFaith'],
    message: 'Please correct the marked fields.',
  });
  if (!form.ok) return form.state;
  const result = await submitNotice(form.data, await clientIp());
  if (!result.ok) return invalid({}, result.message, form.echo);
  redirect(`/notices?sent=${result.reference}`);
}
