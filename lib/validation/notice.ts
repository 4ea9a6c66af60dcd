// A notice of illegal content (EU Digital Services Act, Art. 16): what anyone, with or without an account, sends
// about a comment or a story, and a moderator's decision on it (Art. 17). The form works without JavaScript, so
// every message here is what the reader reads under the field.
import { z } from 'zod';
import { clauseIds } from '../policy/clauses';
import { forbiddenControl, id } from './fields';

/** The kinds of law or right a notice can name (Art. 16(2)(a) asks why the content is illegal). */
export const noticeCategories = [
  { id: 'defamation', label: 'Defamation or damage to reputation' },
  { id: 'privacy', label: 'Privacy or personal data' },
  { id: 'hate-speech', label: 'Illegal hate speech or incitement' },
  { id: 'threats', label: 'Threats, harassment or stalking' },
  { id: 'copyright', label: 'Copyright or other intellectual property' },
  { id: 'child-safety', label: 'Child sexual abuse material or child safety' },
  { id: 'terrorism', label: 'Terrorist content' },
  { id: 'fraud', label: 'Fraud, scams or illegal goods' },
  { id: 'contempt', label: 'Contempt of court or reporting restrictions' },
  { id: 'other', label: 'Another law (name it below)' },
] as const;
export type NoticeCategory = (typeof noticeCategories)[number]['id'];
const categoryIds = noticeCategories.map((c) => c.id) as [NoticeCategory, ...NoticeCategory[]];
export const noticeCategoryLabel = (value: string) =>
  noticeCategories.find((c) => c.id === value)?.label ?? 'Another law';

export const noticeExplanationMin = 30;
export const noticeExplanationMax = 4000;

const text = (max: number, tooLong: string) =>
  z
    .string()
    .optional()
    .transform((value) => (value ?? '').replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .max(max, tooLong)
        .refine((value) => !forbiddenControl.test(value), 'Remove the invisible control characters.'),
    );

export const noticeSchema = z
  .object({
    // Exactly one of comment and article: the comment noticed, or the story itself.
    commentId: z
      .union([z.literal(''), id])
      .optional()
      .transform((value) => value || undefined),
    articleSlug: z
      .union([
        z.literal(''),
        z
          .string()
          .trim()
          .max(200)
          .regex(/^[\w-]+$/, 'Invalid story.'),
      ])
      .optional()
      .transform((value) => value || undefined),
    category: z.enum(categoryIds, { error: 'Choose the kind of law or right concerned.' }),
    law: text(300, 'Keep the law or right under 300 characters.'),
    explanation: text(
      noticeExplanationMax,
      `Keep the explanation under ${noticeExplanationMax.toLocaleString('en-US')} characters.`,
    ).pipe(
      z
        .string()
        .min(
          noticeExplanationMin,
          `Explain in at least ${noticeExplanationMin} characters why the content is illegal.`,
        ),
    ),
    name: text(200, 'Keep your name under 200 characters.').pipe(z.string().min(2, 'Give your name.')),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: 'Give an email address we can send the receipt and the decision to.' }).max(254)),
    goodFaith: z.literal('on', {
      error: 'Confirm that you believe, in good faith, that the information is accurate and complete.',
    }),
  })
  .superRefine((value, ctx) => {
    if (!value.commentId && !value.articleSlug)
      ctx.addIssue({ code: 'custom', path: ['commentId'], message: 'Open this form from the comment or story.' });
    if (value.category === 'other' && value.law.length < 3)
      ctx.addIssue({ code: 'custom', path: ['law'], message: 'Name the law or right concerned.' });
  });
export type NoticeInput = z.output<typeof noticeSchema>;
export type NoticeField = keyof z.input<typeof noticeSchema>;

export const noticeOutcomes = ['removed', 'no-action'] as const;
export type NoticeOutcome = (typeof noticeOutcomes)[number];

export const noticeDecisionSchema = z
  .object({
    noticeId: id,
    outcome: z.enum(noticeOutcomes, { error: 'Choose remove or no action.' }),
    clause: z
      .union([z.literal(''), z.enum(clauseIds as unknown as [string, ...string[]])])
      .optional()
      .transform((value) => value || undefined),
    reason: text(2000, 'Keep the reasons under 2,000 characters.').pipe(
      z.string().min(10, 'Give the reasons the reporter (and the writer) will read.'),
    ),
  })
  .superRefine((value, ctx) => {
    if (value.outcome === 'removed' && !value.clause)
      ctx.addIssue({ code: 'custom', path: ['clause'], message: 'Choose the clause the removal cites.' });
  });
export type NoticeDecisionField = keyof z.input<typeof noticeDecisionSchema>;
