// §6 Be yourself, for display names: a name may not pass for one of our journalists or staff, or for the
// publication itself. Names are compared after the same normalisation the comment rules use (case, spacing,
// punctuation, accents, look-alike letters, leetspeak), so "ANDREW  BLAKE", "Andrew.Blake" and "Аndrew Blake"
// (Cyrillic А) are all Andrew Blake.
import { clauseLabel } from './clauses';
import { normalizeTerm } from './text/normalize';

/** Words that claim a role at the publication, as whole words (so "Staffordshire" and "Authority" are fine). */
const roleWords = new Set([
  'moderator',
  'moderators',
  'admin',
  'admins',
  'administrator',
  'administrators',
  'editor',
  'editors',
  'staff',
  'staffer',
  'staffers',
  'author',
  'authors',
  'official',
  'officials',
]);
/** Claims that stay claims when glued to other words ("TheLedgerModerator", "xModeratorx"). */
const gluedClaims = ['moderator', 'administrator', 'official'];

/** The words of a name, normalised; camelCase is split so "LedgerModerator" reads as two words. */
export function nameWords(name: string): string[] {
  const spaced = name.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
  return normalizeTerm(spaced).split(' ').filter(Boolean);
}

/** What two names must share to be the same name. */
export const nameKey = (name: string) => nameWords(name).join('');

export type NameRules = {
  /** Authors' and staff members' names (the chooser's own excluded). */
  protectedNames: readonly string[];
  siteName: string;
  /** Staff may say what they are. */
  mayUseRoleWords: boolean;
};

export const roleWordList = 'moderator, admin, editor, staff, author or official';

/** The reason a display name is refused under §6, or null when it may be used. */
export function impersonationProblem(name: string, rules: NameRules): string | null {
  const words = nameWords(name);
  const key = words.join('');
  if (!key) return null;
  const clause = clauseLabel('impersonation');
  if (rules.protectedNames.some((other) => nameKey(other) === key))
    return `${clause}: that is the name of one of our journalists or staff. Choose a name of your own.`;
  const site = nameWords(rules.siteName);
  const siteKey = site.join('');
  const distinctive = site.filter((word) => word.length > 3);
  if (key.includes(siteKey) || words.some((word) => distinctive.includes(word)))
    return `${clause}: a display name may not contain “${rules.siteName}”. Choose a name of your own.`;
  if (
    !rules.mayUseRoleWords &&
    (words.some((word) => roleWords.has(word)) || gluedClaims.some((claim) => key.includes(claim)))
  )
    return `${clause}: a display name may not claim a role (${roleWordList}). Staff are marked with a badge.`;
  return null;
}
