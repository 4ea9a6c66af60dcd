// The import rules in eslint.config.mjs hold only if they fire: each case lints a snippet as if it lived at
// a path in the tree (the file need not exist; what it imports does) and checks which rule reports it.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, test } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

// The first lint loads the config, the plugins and the TypeScript parser: seconds on a busy machine, which
// would count against the first test's 5 s.
beforeAll(() => eslint.lintText('', { filePath: 'lib/example.ts' }), 60_000);

async function reports(filePath: string, code: string, rule = 'boundaries/dependencies') {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((message) => message.ruleId === rule).map((message) => message.message);
}

const importing = (source: string) => `import * as imported from '${source}';\nexport const used = imported;\n`;

describe('the architecture map is enforced by the linter', () => {
  test.each([
    ['components/comments/example.tsx', '@/lib/db', /lib\/db/],
    ['components/comments/example.tsx', '@/app/layout', /app\//],
    ['components/comments/example.tsx', '@prisma/client', /Prisma/],
    ['components/comments/example.tsx', '@/lib/generated/sqlite/enums', /Prisma/],
    ['app/(reader)/example/page.tsx', '@/lib/db', /lib\/db/],
    ['app/(reader)/example/page.tsx', '../../../lib/db', /lib\/db/],
    ['app/(reader)/example/page.tsx', '@/lib/generated/sqlite/client', /Prisma/],
    ['lib/data/example.ts', '@/app/layout', /app\//],
    ['lib/data/example.ts', '@/components/ui/charts', /components\//],
    ['lib/policy/example.ts', 'next/headers', /lib\/policy/],
    ['lib/policy/example.ts', 'node:crypto', /lib\/policy/],
    ['lib/policy/example.ts', '@/lib/env', /lib\/policy/],
    ['lib/policy/text/example.ts', '@/lib/db', /lib\/policy/],
    ['server.ts', '@prisma/client', /Prisma/],
    ['proxy.ts', './lib/generated/sqlite/client', /Prisma/],
  ])('%s may not import %s', async (filePath, source, message) => {
    const found = await reports(filePath, importing(source));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  test.each([
    ['app/(reader)/example/page.tsx', '@/lib/data/articles'],
    ['app/(reader)/example/page.tsx', '@/components/ui/charts'],
    ['components/comments/example.tsx', '@/lib/data/articles'],
    ['lib/data/example.ts', '@/lib/db'],
    ['lib/comments/example.ts', '@prisma/client'],
    ['lib/policy/example.ts', 'zod'],
    ['lib/policy/example.ts', './evaluate'],
    ['instrumentation.ts', './lib/db'],
    ['tests/unit/example.test.ts', '@/lib/db'],
    ['tests/unit/example.test.ts', '@/app/layout'],
    ['bench/example.ts', '@/lib/generated/sqlite/client'],
    ['scripts/example.ts', '@prisma/client'],
  ])('%s may import %s', async (filePath, source) => {
    expect(await reports(filePath, importing(source))).toEqual([]);
  });
});

describe('every eslint-disable says why', () => {
  const withDirective = (directive: string) => `// ${directive}\nexport const value: any = 1;\n`;

  test('a directive without a reason is an error', async () => {
    const found = await reports(
      'lib/site/example.ts',
      withDirective('eslint-disable-next-line @typescript-eslint/no-explicit-any'),
      'local/require-disable-reason',
    );
    expect(found).toHaveLength(1);
  });

  test('a directive with a reason on the same line passes', async () => {
    const found = await reports(
      'lib/site/example.ts',
      withDirective('eslint-disable-next-line @typescript-eslint/no-explicit-any -- the library types it so'),
      'local/require-disable-reason',
    );
    expect(found).toEqual([]);
  });
});
