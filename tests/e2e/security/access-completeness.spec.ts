// The access table (tests/support/access-table.ts) lists exactly the actions, route methods and pages in the source
// (and in the build's manifest), and every action has a scenario: the other access specs walk the table, so a
// row missing here would be a door nobody tests.
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  actionEntries as actions,
  pageEntries as pages,
  routeEntries as routes,
  streamEntries as streams,
} from '../../support/access-table';
import { actionManifest, findAction, isInlineExport } from '../../support/server-actions';
import { scenarios } from './scenarios';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name === 'generated' || name.startsWith('.')) return [];
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.(ts|tsx|js|jsx|mjs)$/.test(name) ? [full] : [];
  });
}
const rel = (file: string) => path.relative(process.cwd(), file).split(path.sep).join('/');
const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/[^\n]*/g, '$1');

/** Exported async functions of `'use server'` files, and inline `'use server'` closures (by enclosing function). */
function actionsInSource() {
  const found: { file: string; exportName: string; inline: boolean }[] = [];
  for (const file of ['app', 'components', 'lib'].flatMap(sourceFiles)) {
    const code = withoutComments(readFileSync(file, 'utf8'));
    if (!/['"]use server['"]/.test(code)) continue;
    if (/^\s*['"]use server['"]/.test(code)) {
      for (const match of code.matchAll(
        /export\s+(?:default\s+)?async\s+function\s+(\w+)|export\s+const\s+(\w+)\s*=\s*async\b/g,
      ))
        found.push({ file: rel(file), exportName: (match[1] ?? match[2])!, inline: false });
      for (const match of code.matchAll(/export\s*\{([^}]*)\}/g))
        for (const part of match[1]!.split(','))
          found.push({
            file: rel(file),
            exportName: part
              .trim()
              .split(/\s+as\s+/)
              .at(-1)!,
            inline: false,
          });
    } else {
      for (const match of code.matchAll(/['"]use server['"]/g)) {
        const before = code.slice(0, match.index);
        const enclosing = [...before.matchAll(/async\s+function\s+(\w+)|(\w+)\s*=\s*async\b/g)].at(-1);
        found.push({ file: rel(file), exportName: enclosing?.[1] ?? enclosing?.[2] ?? '(anonymous)', inline: true });
      }
    }
  }
  return found;
}

const httpMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
function routesInSource() {
  const found: { file: string; method: string }[] = [];
  for (const file of sourceFiles('app').filter((f) => /\/route\.(ts|js)$/.test(f))) {
    const code = withoutComments(readFileSync(file, 'utf8'));
    const names = [
      ...[...code.matchAll(/export\s+(?:async\s+)?function\s+(\w+)|export\s+(?:const|let)\s+(\w+)/g)].map(
        (m) => (m[1] ?? m[2])!,
      ),
      ...[...code.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) =>
        m[1]!.split(',').map((part) =>
          part
            .trim()
            .split(/\s+as\s+/)
            .at(-1)!,
        ),
      ),
    ];
    for (const name of names) if (httpMethods.includes(name)) found.push({ file: rel(file), method: name });
  }
  return found;
}

const pagesInSource = () =>
  sourceFiles('app')
    .filter((f) => /\/page\.(tsx|ts|jsx|js)$/.test(f))
    .map(rel);
const routePath = (file: string) =>
  `/${file
    .replace(/^app\//, '')
    .replace(/\/?(page|route)\.\w+$/, '')
    .split('/')
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .join('/')}`;

test.describe('the access table is complete', () => {
  test('every server action in the source has exactly one row, and every row has an action', () => {
    const inSource = actionsInSource()
      .map((a) => `${a.file}#${a.exportName}${a.inline ? ' (inline)' : ''}`)
      .sort();
    const inTable = actions.map((a) => `${a.file}#${a.exportName}${a.inline ? ' (inline)' : ''}`).sort();
    expect(inSource.length, 'server actions found in the source').toBeGreaterThan(10);
    expect(
      inSource.filter((a) => !inTable.includes(a)),
      'actions without a row in tests/support/access-table.ts',
    ).toEqual([]);
    expect(
      inTable.filter((a) => !inSource.includes(a)),
      'rows for actions that no longer exist',
    ).toEqual([]);
    expect(new Set(inTable).size, 'duplicate rows').toBe(inTable.length);
  });

  test('every server action in the build has a row (nothing compiled that the scan missed)', () => {
    const unlisted = actionManifest()
      .filter(
        (m) =>
          !actions.some(
            (a) =>
              a.file === m.filename && (a.inline ? isInlineExport(m.exportedName) : a.exportName === m.exportedName),
          ),
      )
      .map((m) => `${m.filename}#${m.exportedName}`);
    expect(unlisted).toEqual([]);
    for (const entry of actions) expect(() => findAction(entry.file, entry.exportName, entry.inline)).not.toThrow();
  });

  test('every route handler method in the source has exactly one row, and every row has a handler', () => {
    const inSource = routesInSource()
      .map((r) => `${r.method} ${r.file}`)
      .sort();
    const inTable = routes.map((r) => `${r.method} ${r.file}`).sort();
    expect(
      inSource.filter((r) => !inTable.includes(r)),
      'route methods without a row',
    ).toEqual([]);
    expect(
      inTable.filter((r) => !inSource.includes(r)),
      'rows for route methods that no longer exist',
    ).toEqual([]);
    for (const route of routes) expect(route.path, route.file).toBe(routePath(route.file));
  });

  test('every page in the source has exactly one row, and every row has a page', () => {
    const inSource = pagesInSource().sort();
    const inTable = pages.map((p) => p.file).sort();
    expect(
      inSource.filter((p) => !inTable.includes(p)),
      'pages without a row',
    ).toEqual([]);
    expect(
      inTable.filter((p) => !inSource.includes(p)),
      'rows for pages that no longer exist',
    ).toEqual([]);
    for (const page of pages) expect(page.path, page.file).toBe(routePath(page.file));
  });

  test('every stream server.ts answers before Next has exactly one row', () => {
    // A stream is a hub under lib/live with an open(req, res, …) that lib/server/request-handler.ts calls.
    const inSource = sourceFiles('lib/live')
      .filter((file) => /\bopen\(req: IncomingMessage, res: ServerResponse/.test(readFileSync(file, 'utf8')))
      .map(rel)
      .sort();
    expect(streams.map((s) => s.file).sort()).toEqual(inSource);
  });

  test('every action has a scenario in scenarios.ts', () => {
    expect(actions.filter((a) => !scenarios[a.exportName]).map((a) => a.exportName)).toEqual([]);
  });
});
