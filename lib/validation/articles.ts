// A story's comment settings, as a moderator sets them on /moderate/articles.
import { z } from 'zod';
import { id } from './fields';

export const articleSettingsSchema = z.object({
  articleId: id,
  commentsOpen: z.literal('on').optional(),
  premoderate: z.literal('on').optional(),
  autoCloseDays: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .pipe(
      z
        .number({ error: 'Enter a number of days.' })
        .int('Whole days only.')
        .min(1, 'At least 1 day.')
        .max(3650, 'At most 3,650 days.')
        .nullable(),
    ),
});
export type ArticleSettingsField = 'autoCloseDays';
