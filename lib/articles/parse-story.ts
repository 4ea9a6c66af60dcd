// Turns a plain-text wire story into article fields. Pure: no database, no file system.
//
// Accepted layout (see ../shared/seed/article.txt):
//   optional header lines "Headline: …", "Slug: …", "Standfirst: …", "Dateline: …", "Published: …"
//   body paragraphs: one per line, or blocks separated by blank lines (wrapped lines are joined)
//   "• NAME can be reached at EMAIL."          → the author, not body text
//   "Please read our comment policy …"         → the policy link, not body text
import { z } from 'zod';

export type StoryMeta = {
  headline?: string;
  slug?: string;
  standfirst?: string;
  dateline?: string;
  published?: string;
};

export type ParsedStory = {
  headline: string;
  slug: string;
  standfirst: string;
  dateline: string;
  publishedAt: Date;
  paragraphs: string[];
  author: { name: string; email: string; slug: string };
  /** The story carried the "Please read our comment policy" line. */
  linksPolicy: boolean;
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

const headerPattern = /^(headline|slug|standfirst|dateline|published)\s*:\s*(.*)$/i;
// "• Andrew Blake can be reached at ablake@washingtontimes.com." (bullet optional, final period optional)
const authorPattern = /^[•*·\-–]?\s*(.+?)\s+(?:can|may) be reached at\s+(\S+?)\.?\s*$/i;
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
  const cleaned = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\u0000/g, '');
  if (cleaned.trim() === '') throw new StoryParseError(source, ['the file is empty']);

  const lines = cleaned.split('\n');
  const header: StoryMeta = {};
  let index = 0;
  // Header lines only at the very top.
  for (; index < lines.length; index++) {
    const match = headerPattern.exec(lines[index].trim());
    if (!match) break;
    header[match[1].toLowerCase() as keyof StoryMeta] = match[2].trim();
  }

  const hasBlankLines = lines.slice(index).some((line, i, rest) => line.trim() === '' && i > 0 && i < rest.length - 1);
  const paragraphs: string[] = [];
  let author: { name: string; email: string } | undefined;
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
    const authorMatch = authorPattern.exec(line);
    if (authorMatch) {
      flush();
      const [, name, email] = authorMatch;
      if (!emailSchema.safeParse(email).success) problems.push(`line ${lineNo}: "${email}" is not a valid email address`);
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
  if (!author) problems.push('no author line: expected a line such as "• Jane Doe can be reached at jdoe@example.com."');

  const headline = (meta.headline ?? header.headline ?? '').trim();
  if (!headline) problems.push('no headline: pass --headline "…" or start the file with a "Headline: …" line');
  else if (headline.length > 200) problems.push('the headline is longer than 200 characters');

  const slug = (meta.slug ?? header.slug ?? slugify(headline)).trim();
  if (headline && !slugPattern.test(slug)) problems.push(`"${slug}" is not a valid slug (lowercase letters, digits and single hyphens)`);

  const publishedText = meta.published ?? header.published;
  const publishedAt = publishedText ? new Date(publishedText) : now;
  if (Number.isNaN(publishedAt.getTime())) problems.push(`"${publishedText}" is not a date (use e.g. 2019-06-05 or 2019-06-05T14:30:00Z)`);

  if (problems.length) throw new StoryParseError(source, problems);

  return {
    headline,
    slug,
    standfirst: (meta.standfirst ?? header.standfirst ?? defaultStandfirst(paragraphs[0])).trim(),
    dateline: (meta.dateline ?? header.dateline ?? '').trim(),
    publishedAt,
    paragraphs,
    author: { ...author!, slug: slugify(author!.name) },
    linksPolicy,
  };
}
