// npm run import -- FILE [FILE…] [--headline "…"] [--slug …] [--published …] [--standfirst …] [--dateline …] [--section …] [--tags …] [--dry-run]
// Parses plain-text wire stories (lib/articles/parse-story.ts) and writes them in one transaction: all or nothing.
// Every problem in every file is reported before anything is written; the exit code is 1 if there was any.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolveDbTarget } from '../lib/database/target';
import { ImportError, importStories, type ImportIssue } from '../lib/articles/import-stories';
import { parseStory, StoryParseError, type ParsedStory, type StoryMeta } from '../lib/articles/parse-story';

const usage = `usage: npm run import -- FILE [FILE…] [options]

Imports plain-text stories (see prisma/seed/*.txt) into the database named by DATABASE_URL, all or nothing.

options (only with a single FILE; several files each need their own "Headline:" … header lines):
  --headline "…"     the headline (or a "Headline: …" line at the top of the file)
  --slug SLUG        the URL slug (default: from the headline)
  --standfirst "…"   the summary under the headline (default: the first sentence)
  --dateline PLACE   e.g. WASHINGTON
  --published DATE   e.g. 2019-06-05 or 2019-06-05T14:30:00Z (default: now)
  --section NAME     the desk, e.g. Courts (or a "Section: …" line); comment presets match on it
  --tags "A, B"      comma-separated topic tags (or a "Tags: …" line); comment presets match on them
  --dry-run          parse and check everything, duplicate slugs included, but write nothing
  --help             this text`;

const metaOptions = ['headline', 'slug', 'standfirst', 'dateline', 'published', 'section', 'tags'] as const;

/** A usage mistake: print the message and the usage. */
class UsageError extends Error {}

function parseCommandLine(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        headline: { type: 'string' },
        slug: { type: 'string' },
        standfirst: { type: 'string' },
        dateline: { type: 'string' },
        published: { type: 'string' },
        section: { type: 'string' },
        tags: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'cannot read the file: it does not exist';
  if (code === 'EISDIR') return 'cannot read the file: it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot read the file: permission denied';
  return `cannot read the file: ${error instanceof Error ? error.message : String(error)}`;
}

async function main(args: string[]): Promise<number> {
  const { values, positionals: files } = parseCommandLine(args);
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (files.length === 0) throw new UsageError('no FILE given');
  const meta: StoryMeta = {};
  for (const name of metaOptions) if (values[name] !== undefined) meta[name] = values[name];
  const given = Object.keys(meta);
  if (given.length && files.length > 1) {
    throw new UsageError(
      `${given.map((name) => `--${name}`).join(', ')} can only be used with a single FILE; ` +
        'to import several files at once, start each with its own "Headline: …" (and "Slug: …" etc.) lines',
    );
  }
  const dryRun = values['dry-run'];

  // 1. Read and parse every file, collecting every problem.
  const issues: ImportIssue[] = [];
  const stories: ParsedStory[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      issues.push({ source: file, problem: readProblem(error) });
      continue;
    }
    try {
      stories.push(parseStory(text, meta, file));
    } catch (error) {
      if (!(error instanceof StoryParseError)) throw error;
      issues.push(...error.problems.map((problem) => ({ source: file, problem })));
    }
  }

  if (stories.length === 0) return report(issues, dryRun);

  // 2. The database: never create an empty SQLite file by accident (that would also be "writing").
  const target = resolveDbTarget();
  if (target.provider === 'sqlite' && !existsSync(target.file)) {
    issues.push({
      source: 'DATABASE_URL',
      problem: `the database ${target.file} does not exist; run npm run db:deploy first`,
    });
    return report(issues, dryRun);
  }
  const { db, dbReady } = await import('../lib/db');
  try {
    await dbReady();
    // With problems already found, still check the parsed stories against the database (as a dry run) so one
    // run lists everything; otherwise write them (or, with --dry-run, check everything and roll back).
    const results = await importStories(db, stories, { dryRun: dryRun || issues.length > 0 }).catch(
      (error: unknown) => {
        if (!(error instanceof ImportError)) throw error;
        issues.push(...error.issues);
        return [];
      },
    );
    if (issues.length) return report(issues, dryRun);
    const verb = dryRun ? 'would create' : 'created';
    for (const result of results)
      console.log(`${verb}  /articles/${result.slug}  by ${result.authorName} <${result.author}>`);
    const count = `${results.length} ${plural(results.length, 'story', 'stories')}`;
    console.log(dryRun ? `dry run: ${count} checked, nothing written` : `imported ${count}`);
    return 0;
  } catch (error) {
    throw databaseError(error);
  } finally {
    await db.$disconnect();
  }
}

function report(issues: ImportIssue[], dryRun: boolean): number {
  const bySource = new Map<string, string[]>();
  for (const { source, problem } of issues) bySource.set(source, [...(bySource.get(source) ?? []), problem]);
  const lines = [
    `import: ${issues.length} ${plural(issues.length, 'problem', 'problems')}; ${dryRun ? 'dry run, ' : ''}nothing was written`,
  ];
  for (const [source, problems] of bySource) {
    lines.push(`${source}:`);
    for (const problem of problems) lines.push(`  - ${problem}`);
  }
  console.error(lines.join('\n'));
  return 1;
}

function plural(n: number, one: string, many: string) {
  return n === 1 ? one : many;
}

/** Prisma's "table does not exist" means an unmigrated database. */
function databaseError(error: unknown): unknown {
  const code = (error as { code?: string })?.code;
  if (code === 'P2021')
    return new Error(
      `the database has no tables yet; run npm run db:deploy first (${(error as Error).message.trim().split('\n').at(-1)})`,
    );
  return error;
}

main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    if (error instanceof UsageError) console.error(`import: ${error.message}\n\n${usage}`);
    else console.error(`import: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  });
