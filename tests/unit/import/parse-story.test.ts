// The wire-story parser, pure: the real seed article and the ways a file can be wrong.
import { describe, expect, test } from 'vitest';
import { defaultStandfirst, parseStory, parseTags, slugify, StoryParseError } from '@/lib/articles/parse-story';
import { seedStoryText } from '../../support/seed-story';

const seedText = seedStoryText();
const footer = '• Andrew Blake can be reached at ablake@washingtontimes.com.';
const policy = 'Please read our comment policy before commenting.';
const now = new Date('2024-01-02T03:04:05Z');

/** The StoryParseError problems for a text that must not parse. */
function problemsOf(text: string, meta = {}): string[] {
  try {
    parseStory(text, meta, 'bad.txt', now);
  } catch (error) {
    expect(error).toBeInstanceOf(StoryParseError);
    expect((error as StoryParseError).source).toBe('bad.txt');
    expect((error as StoryParseError).message).toMatch(/^bad\.txt: /);
    return (error as StoryParseError).problems;
  }
  throw new Error('expected a StoryParseError');
}

const valid = (body: string, header = 'Headline: A test story\n') =>
  `${header}${body}\n• Jane Doe can be reached at jdoe@example.com.\n`;

describe('the seed article', () => {
  const story = parseStory(
    seedText,
    { headline: 'Huawei signs deal to build Russia’s 5G networks after U.S. ban' },
    'article.txt',
    now,
  );
  const bodyLines = seedText
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && line !== footer && line !== policy);

  test('the footer line is the author, not a paragraph', () => {
    expect(story.author).toEqual({ name: 'Andrew Blake', email: 'ablake@washingtontimes.com', slug: 'andrew-blake' });
    expect(story.paragraphs.some((p) => /can be reached at|ablake@/.test(p))).toBe(false);
  });

  test('the comment-policy line is not body text and sets linksPolicy', () => {
    expect(story.linksPolicy).toBe(true);
    expect(story.paragraphs.some((p) => /comment policy/i.test(p))).toBe(false);
  });

  test('one paragraph per body line, verbatim and in order', () => {
    expect(bodyLines).toHaveLength(9);
    expect(story.paragraphs).toEqual(bodyLines);
    expect(story.paragraphs[0]).toMatch(/^Chinese telecommunications giant Huawei/);
    expect(story.paragraphs.at(-1)).toMatch(/^The U\.S\. Commerce Department/);
  });

  test('headline, slug, defaults and source', () => {
    expect(story.headline).toBe('Huawei signs deal to build Russia’s 5G networks after U.S. ban');
    expect(story.slug).toBe('huawei-signs-deal-to-build-russias-5g-networks-after-u-s-ban');
    expect(story.standfirst).toBe(story.paragraphs[0]); // the lede ends in "U.S.", so it is taken whole
    expect(story.dateline).toBe('');
    expect(story.publishedAt).toEqual(now);
    expect(story.source).toBe('article.txt');
  });

  test('an uppercase email is lowercased; CRLF line endings and a BOM parse the same', () => {
    const shouting = seedText.replace('ablake@washingtontimes.com', 'ABlake@WashingtonTimes.com');
    expect(parseStory(shouting, { headline: 'x y' }).author.email).toBe('ablake@washingtontimes.com');
    const windows = `\uFEFF${seedText.replace(/\n/g, '\r\n')}`;
    expect(parseStory(windows, { headline: 'x y' }).paragraphs).toEqual(bodyLines);
  });

  test('trailing blank lines do not glue one-line paragraphs together', () => {
    expect(parseStory(`${seedText}\n\n\n`, { headline: 'x y' }).paragraphs).toEqual(bodyLines);
    // nor does a blank line before the footer
    const spaced = seedText.replace(footer, `\n${footer}`);
    expect(parseStory(spaced, { headline: 'x y' }).paragraphs).toEqual(bodyLines);
  });
});

describe('layout', () => {
  test('header lines set the fields; command-line meta wins over them', () => {
    const text = [
      'Headline: Council approves bike lanes',
      'Slug: council-bike-lanes',
      'Standfirst: The 7-2 vote ends a year of debate.',
      'Dateline: RIVERTON',
      'Published: 2019-06-04T16:00:00Z',
      '',
      'The city council voted on Tuesday.',
      '• Daniel Reyes can be reached at dreyes@example-news.com.',
    ].join('\n');
    const story = parseStory(text);
    expect(story).toMatchObject({
      headline: 'Council approves bike lanes',
      slug: 'council-bike-lanes',
      standfirst: 'The 7-2 vote ends a year of debate.',
      dateline: 'RIVERTON',
      paragraphs: ['The city council voted on Tuesday.'],
      linksPolicy: false,
    });
    expect(story.publishedAt.toISOString()).toBe('2019-06-04T16:00:00.000Z');
    expect(story.paragraphs.join(' ')).not.toMatch(/Headline|Slug|RIVERTON/);

    const overridden = parseStory(text, { headline: 'Other headline', slug: 'other', published: '2020-01-01' });
    expect(overridden.headline).toBe('Other headline');
    expect(overridden.slug).toBe('other');
    expect(overridden.publishedAt.toISOString()).toBe('2020-01-01T00:00:00.000Z');
    expect(overridden.dateline).toBe('RIVERTON');
  });

  test('header-looking lines after the body starts are body text', () => {
    const story = parseStory(valid('First paragraph.\nSlug: not a header here'));
    expect(story.paragraphs).toEqual(['First paragraph.', 'Slug: not a header here']);
    expect(story.slug).toBe('a-test-story');
  });

  test('blank-line-separated blocks: wrapped lines are joined into one paragraph', () => {
    const story = parseStory(
      valid('\nThe first paragraph is\nwrapped over   three\nlines.\n\nThe second one\nhas two.\n\n'),
    );
    expect(story.paragraphs).toEqual(['The first paragraph is wrapped over three lines.', 'The second one has two.']);
  });

  test('a body sentence that mentions "can be reached at" stays body text', () => {
    const story = parseStory(
      valid('The county office can be reached at 555-0100.\nThe hotline can be reached at help@county.gov.'),
    );
    expect(story.paragraphs).toEqual([
      'The county office can be reached at 555-0100.',
      'The hotline can be reached at help@county.gov.',
    ]);
    expect(story.author.email).toBe('jdoe@example.com');
  });

  test('a footer without the bullet is still the author', () => {
    const story = parseStory('Headline: Plain\nBody.\nMaria de la Cruz can be reached at MCruz@Example.com');
    expect(story.author).toEqual({ name: 'Maria de la Cruz', email: 'mcruz@example.com', slug: 'maria-de-la-cruz' });
    expect(story.paragraphs).toEqual(['Body.']);
  });

  test('hostile text: HTML and script are kept verbatim as plain text, NUL bytes are removed', () => {
    const body = '<script>alert("x")</script> <b>bold</b> & <img src=x onerror=alert(1)>';
    const story = parseStory(valid(`${body}\nNUL\u0000 in\u0000side.`, 'Headline: <i>Headline</i>\u0000\n'));
    expect(story.paragraphs).toEqual([body, 'NUL inside.']);
    expect(story.headline).toBe('<i>Headline</i>');
    expect(story.slug).toBe('i-headline-i');
    expect(JSON.stringify(story)).not.toContain('\u0000');
  });

  test('helpers: slugify and the default standfirst', () => {
    expect(slugify('  Crème brûlée: Russia’s 5G — now!  ')).toBe('creme-brulee-russias-5g-now');
    expect(slugify('x'.repeat(100))).toHaveLength(80);
    expect(defaultStandfirst('The council voted 7-2 on Tuesday night to build the lanes. Then it adjourned.')).toBe(
      'The council voted 7-2 on Tuesday night to build the lanes.',
    );
  });
});

describe('errors name the problem', () => {
  test('an empty file (also only whitespace or NULs)', () => {
    expect(problemsOf('')).toEqual(['the file is empty']);
    expect(problemsOf(' \n\n\t\u0000\n')).toEqual(['the file is empty']);
  });

  test('only the footer: no paragraphs', () => {
    const problems = problemsOf(`Headline: Nothing here\n${footer}\n${policy}\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/no body paragraphs/);
  });

  test('a bad email (reported once, not also as a missing author)', () => {
    const problems = problemsOf('Headline: x y\nBody.\n• Jane Doe can be reached at jdoe-at-example.com.');
    expect(problems).toEqual(['line 3: "jdoe-at-example.com" is not a valid email address']);
  });

  test('no author line', () => {
    const problems = problemsOf('Headline: x y\nBody text only.\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/no author line/);
  });

  test('two author lines', () => {
    expect(problemsOf(valid('Body.\n• John Roe can be reached at jroe@example.com.'))).toEqual([
      expect.stringMatching(/^line 4: a second author line \("Jane Doe"\)/),
    ]);
  });

  test('no headline', () => {
    const problems = problemsOf(valid('Body.', ''));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/no headline.*--headline/);
    expect(problemsOf(valid('Body.', ''), { headline: '   ' })).toEqual([expect.stringMatching(/no headline/)]);
  });

  test('bad slugs', () => {
    expect(problemsOf(valid('Body.'), { slug: 'Not A Slug' })).toEqual([
      expect.stringMatching(/"Not A Slug" is not a valid slug/),
    ]);
    expect(problemsOf(valid('Body.', 'Headline: x\nSlug: double--hyphen\n'))).toEqual([
      expect.stringMatching(/"double--hyphen" is not a valid slug/),
    ]);
    expect(problemsOf(valid('Body.', 'Headline: Привет мир\n'))).toEqual([expect.stringMatching(/empty slug.*--slug/)]);
  });

  test('bad dates, including ones new Date() would silently accept', () => {
    for (const published of ['not a date', '5', 'June 5', '2019-02-30', '2019-13-01', '2019-06-05T25:00']) {
      expect(problemsOf(valid('Body.'), { published })).toEqual([
        `"${published}" is not a date (use e.g. 2019-06-05 or 2019-06-05T14:30:00Z)`,
      ]);
    }
    expect(parseStory(valid('Body.'), { published: '2019-06-05 14:30:00+02:00' }).publishedAt.toISOString()).toBe(
      '2019-06-05T12:30:00.000Z',
    );
  });

  test('every problem is listed at once', () => {
    const problems = problemsOf('Slug: Bad Slug\n• Jane Doe can be reached at nope.\n', { published: 'soon' });
    expect(problems).toEqual([
      'line 2: "nope" is not a valid email address',
      expect.stringMatching(/no body paragraphs/),
      expect.stringMatching(/no headline/),
      expect.stringMatching(/"Bad Slug" is not a valid slug/),
      expect.stringMatching(/"soon" is not a date/),
    ]);
  });
});

describe('section and tags (issue 18: comment presets match on them)', () => {
  test('Section: and Tags: header lines', () => {
    const story = parseStory(
      valid('A paragraph.\n', 'Headline: A court report\nSection: Courts\nTags: Children,  Family court , children\n'),
      {},
      'court.txt',
      now,
    );
    expect(story.section).toBe('Courts');
    expect(story.tags).toEqual(['Children', 'Family court']);
    expect(story.paragraphs).toEqual(['A paragraph.']);
  });

  test('options beat header lines; none gives no section and no tags', () => {
    const header = 'Headline: A story\nSection: Opinion\nTags: Politics\n';
    expect(parseStory(valid('Text.\n', header), { section: 'Obituaries', tags: 'Deaths' }, 'x', now)).toMatchObject({
      section: 'Obituaries',
      tags: ['Deaths'],
    });
    expect(parseStory(valid('Text.\n'), {}, 'x', now)).toMatchObject({ section: '', tags: [] });
  });

  test('an over-long section or too many tags is a problem', () => {
    expect(problemsOf(valid('Text.\n'), { section: 'x'.repeat(61) })).toEqual([
      'the section is longer than 60 characters',
    ]);
    expect(problemsOf(valid('Text.\n'), { tags: Array.from({ length: 31 }, (_, i) => `t${i}`).join(',') })).toEqual([
      'more than 30 tags',
    ]);
  });

  test('parseTags drops blanks and repeats in another case', () => {
    expect(parseTags(' 5G ,, Huawei,huawei, Russia ')).toEqual(['5G', 'Huawei', 'Russia']);
  });
});
