// Turns a plain-text wire story into article fields. Pure: no database, no file system.
//
// Accepted layout (see ../shared/seed/article.txt):
//   optional header lines "Headline: …", "Slug: …", "Standfirst: …", "Dateline: …", "Published: …",
//   "Section: …" (one desk, e.g. "Courts") and "Tags: …" (comma-separated, e.g. "Huawei, Russia, 5G"):
//   comment presets match on section and tags (lib/policy/presets.ts)
//   body paragraphs: one per line, or blocks separated by blank lines (wrapped lines are joined)
//   "• NAME can be reached at EMAIL."          → the author, not body text (without the bullet, only when
//                                                 NAME looks like a name and EMAIL has an @, so a body sentence
//                                                 such as "The office can be reached at 555-0100." stays text)
//   "Please read our comment policy …"         → the policy link, not body text
import { z } from 'zod';

export type StoryMeta = {
  headline?: string;
  slug?: string;
  standfirst?: string;
  dateline?: string;
  published?: string;
  section?: string;
  tags?: string;
};

export type ParsedStory = {
  headline: string;
  slug: string;
  standfirst: string;
  dateline: string;
  publishedAt: Date;
  section: string;
  tags: string[];
  paragraphs: string[];
  author: { name: string; email: string; slug: string };
  /** The story carried the "Please read our comment policy" line. */
  linksPolicy: boolean;
  /** Where the story came from (the file name), for error messages. */
  source: string;
};

export class StoryParseError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source}: ${problems.join('; ')}`);
    this.name = 'StoryParseError';
  }
}

const headerPattern = /^(headline|slug|standfirst|dateline|published|section|tags)\s*:\s*(.*)$/i;
// "• Andrew Blake can be reached at ablake@washingtontimes.com." (bullet optional, final period optional)
const authorPattern = /^([•*·\-–]\s*)?(.+?)\s+(?:can|may) be reached at\s+(\S+?)\.?\s*$/i;
// "Andrew Blake", "Maria de la Cruz", "J.R. O’Brien-Smith": capitalised words, a few lowercase particles.
const namePattern =
  /^\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+(?:(?:de|del|la|le|van|von|der|den|da|di|du|dos|bin|al)\s+)*\p{Lu}[\p{L}\p{M}'’.\-]*){0,5}$/u;
// 2019-06-05, 2019-06-05T14:30, 2019-06-05 14:30:00Z, 2019-06-05T14:30:00.000+02:00
const datePattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const policyPattern = /^please read our comment policy\b/i;
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const emailSchema = z.email();

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** The first sentence (or first ~200 characters at a word boundary) of the lede. */
export function defaultStandfirst(lede: string): string {
  const sentence = /^(.{40,240}?[.!?])(?:\s|$)/.exec(lede)?.[1];
  if (sentence && !/\b(?:U\.S|Mr|Mrs|Ms|Dr|St)\.$/.test(sentence)) return sentence;
  if (lede.length <= 200) return lede;
  return `${lede.slice(0, 200).replace(/\s+\S*$/, '')}…`;
}

export function parseStory(text: string, meta: StoryMeta = {}, source = 'story', now = new Date()): ParsedStory {
  const problems: string[] = [];
  const cleaned = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\u0000/g, '');
  if (cleaned.trim() === '') throw new StoryParseError(source, ['the file is empty']);

  const lines = cleaned.split('\n');
  const header: StoryMeta = {};
  let index = 0;
  while (lines[index].trim() === '') index++;
  // Header lines only at the very top.
  for (; index < lines.length; index++) {
    const match = headerPattern.exec(lines[index].trim());
    if (!match) break;
    header[match[1].toLowerCase() as keyof StoryMeta] = match[2].trim();
  }

  // Blank-line mode: a blank line separates two lines of body text. Blank lines before the body, after it or
  // around the footer do not count (a trailing newline must not glue one-line paragraphs together).
  const kinds = lines.slice(index).map((raw) => {
    const line = raw.trim();
    if (line === '') return 'blank';
    return authorLine(line) || policyPattern.test(line) ? 'footer' : 'text';
  });
  let hasBlankLines = false;
  let previous: string | undefined;
  let gap = false;
  for (const kind of kinds) {
    if (kind === 'blank') gap = true;
    else {
      if (gap && previous === 'text' && kind === 'text') hasBlankLines = true;
      previous = kind;
      gap = false;
    }
  }
  const paragraphs: string[] = [];
  let author: { name: string; email: string } | undefined;
  let sawAuthorLine = false;
  let linksPolicy = false;
  let block: string[] = [];
  const flush = () => {
    if (block.length) paragraphs.push(block.join(' ').replace(/\s+/g, ' ').trim());
    block = [];
  };

  lines.slice(index).forEach((raw, offset) => {
    const line = raw.trim();
    const lineNo = index + offset + 1;
    if (line === '') return flush();
    const authorMatch = authorLine(line);
    if (authorMatch) {
      flush();
      sawAuthorLine = true;
      const { name, email } = authorMatch;
      if (!emailSchema.safeParse(email).success)
        problems.push(`line ${lineNo}: "${email}" is not a valid email address`);
      else if (author) problems.push(`line ${lineNo}: a second author line ("${name}"); one author per story`);
      else author = { name: name.trim(), email: email.toLowerCase() };
      return;
    }
    if (policyPattern.test(line)) {
      flush();
      linksPolicy = true;
      return;
    }
    block.push(line);
    if (!hasBlankLines) flush();
  });
  flush();

  if (paragraphs.length === 0) problems.push('no body paragraphs: the story has no text besides its header and footer');
  if (!sawAuthorLine)
    problems.push('no author line: expected a line such as "• Jane Doe can be reached at jdoe@example.com."');

  const headline = (meta.headline ?? header.headline ?? '').trim();
  if (!headline) problems.push('no headline: pass --headline "…" or start the file with a "Headline: …" line');
  else if (headline.length > 200) problems.push('the headline is longer than 200 characters');

  const givenSlug = meta.slug ?? header.slug;
  const slug = (givenSlug ?? slugify(headline)).trim();
  if (givenSlug !== undefined && slug === '') problems.push('the slug is empty');
  else if (headline && slug === '')
    problems.push(
      'the headline gives an empty slug (no letters or digits a URL can use): pass --slug or a "Slug:" line',
    );
  else if ((headline || givenSlug !== undefined) && !slugPattern.test(slug))
    problems.push(`"${slug}" is not a valid slug (lowercase letters, digits and single hyphens)`);

  const publishedText = (meta.published ?? header.published)?.trim();
  const publishedAt = publishedText ? parseDate(publishedText) : now;
  if (Number.isNaN(publishedAt.getTime()))
    problems.push(`"${publishedText}" is not a date (use e.g. 2019-06-05 or 2019-06-05T14:30:00Z)`);

  const section = (meta.section ?? header.section ?? '').trim().replace(/\s+/g, ' ');
  if (section.length > 60) problems.push('the section is longer than 60 characters');
  const tags = parseTags(meta.tags ?? header.tags ?? '');
  if (tags.some((tag) => tag.length > 60)) problems.push('a tag is longer than 60 characters');
  if (tags.length > 30) problems.push('more than 30 tags');

  if (problems.length) throw new StoryParseError(source, problems);

  return {
    headline,
    slug,
    standfirst: (meta.standfirst ?? header.standfirst ?? defaultStandfirst(paragraphs[0])).trim(),
    dateline: (meta.dateline ?? header.dateline ?? '').trim(),
    publishedAt,
    section,
    tags,
    paragraphs,
    author: { ...author!, slug: slugify(author!.name) || 'author' },
    linksPolicy,
    source,
  };
}

/** "Huawei, Russia,5G, huawei" → ["Huawei", "Russia", "5G"]: trimmed, blanks dropped, the first spelling of a
 *  tag kept when it repeats in another case. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags;
}

/** A footer line naming the author, or undefined for body text (see the layout notes at the top). */
function authorLine(line: string): { name: string; email: string } | undefined {
  const match = authorPattern.exec(line);
  if (!match) return undefined;
  const [, bullet, rawName, email] = match;
  const name = rawName.trim();
  const looksLikeName = namePattern.test(name);
  const isAuthor = email.includes('@') ? Boolean(bullet) || looksLikeName : Boolean(bullet) && looksLikeName;
  return isAuthor ? { name, email } : undefined;
}

/** ISO dates only: `new Date()` alone accepts "5" (May 2001) and rolls 2019-02-30 over to March 2. */
function parseDate(text: string): Date {
  const match = datePattern.exec(text);
  if (!match) return new Date(Number.NaN);
  const [, year, month, day] = match.map(Number);
  const calendarDay = new Date(Date.UTC(year, month - 1, day));
  if (
    calendarDay.getUTCFullYear() !== year ||
    calendarDay.getUTCMonth() !== month - 1 ||
    calendarDay.getUTCDate() !== day
  )
    return new Date(Number.NaN);
  return new Date(text.replace(' ', 'T'));
}
