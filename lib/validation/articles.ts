// A story's comment settings, as a moderator sets them on /moderate/articles.
import { z } from 'zod';
import { id } from './fields';

export const articleSettingsSchema = z.object({
  articleId: id,
  // The story's own mode (issue 18); "presets" leaves it to the presets for its section and tags.
  commentMode: z
    .enum(['presets', 'open', 'premoderated', 'closed'], { error: 'Choose a comment mode.' })
    .transform((v) => (v === 'presets' ? null : v)),
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
export type ArticleSettingsField = 'autoCloseDays' | 'commentMode';
