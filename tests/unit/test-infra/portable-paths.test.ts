// A test that only runs on one machine is a defect: nothing the tests, benchmarks or scripts run may read
// from an absolute path outside the checkout (the import tests once read the seed story from /work/shared).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
// A quoted string that starts with a home, workspace or mount directory. /tmp and /usr/bin/chromium are
// fine: every machine has them (tmpdir() is preferred, but a literal /tmp is not machine-specific).
const outside = /['"`]\/(?:work|home|root|Users|srv|mnt|opt|data)\//;

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mjs|js)$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

test('no test, benchmark or script names a path outside the repository', () => {
  const offenders = ['tests', 'bench', 'scripts', 'prisma']
    .flatMap(sources)
    .filter((file) => file !== path.relative(root, fileURLToPath(import.meta.url)))
    .flatMap((file) =>
      readFileSync(path.join(root, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => (outside.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
  expect(offenders).toEqual([]);
});

test('the detector fires on the path the import tests used to read', () => {
  expect(outside.test("const seedFile = '/work/shared/seed/article.txt';")).toBe(true);
  expect(outside.test("executablePath: '/usr/bin/chromium'")).toBe(false);
});
