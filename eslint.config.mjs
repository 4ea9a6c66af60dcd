// ESLint: Next's rules (core web vitals, React hooks, accessibility), typescript-eslint's recommended set, and
// the architecture map from the README enforced by eslint-plugin-boundaries. `npm test` runs it with
// --max-warnings 0, so a warning fails like an error.
//
// typescript-eslint without type information: on this 2-core machine `eslint .` takes ~23 s of CPU syntactic
// and ~56 s type-aware, on top of the `tsc --noEmit` that `npm test` already runs. Measured on the tree, the
// type-aware rules found no floating promise and no misused one that was a bug; what they reported was `any`
// from JSON.parse and async functions without await in tests. Not worth doubling the time.
import { defineConfig, globalIgnores } from 'eslint/config';
import boundaries from 'eslint-plugin-boundaries';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// ESLint accepts `// eslint-disable-next-line rule -- reason` but cannot require the reason; this rule does.
const requireDisableReason = {
  meta: {
    type: 'suggestion',
    schema: [],
    messages: { missing: 'Say why on the same line: `eslint-disable-next-line <rule> -- <reason>`.' },
  },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          if (/^\s*eslint-disable/.test(comment.value) && !/\s--\s*\S/.test(comment.value))
            context.report({ loc: comment.loc, messageId: 'missing' });
        }
      },
    };
  },
};

// Who may import what. Elements are top-level folders (lib/policy carved out of lib); files are what the map
// names inside them: the Prisma client (lib/db.ts), the generated Prisma code, and the root entry points.
// Anything not forbidden here is allowed: tests, bench, scripts and prisma may import anything.
const architecture = {
  plugins: { boundaries },
  settings: {
    'boundaries/elements': [
      { type: 'policy', pattern: 'lib/policy', partialMatch: false },
      { type: 'lib', pattern: 'lib', partialMatch: false },
      { type: 'app', pattern: 'app', partialMatch: false },
      { type: 'components', pattern: 'components', partialMatch: false },
      { type: 'tests', pattern: 'tests', partialMatch: false },
      { type: 'bench', pattern: 'bench', partialMatch: false },
      { type: 'scripts', pattern: 'scripts', partialMatch: false },
      { type: 'prisma', pattern: 'prisma', partialMatch: false },
    ],
    'boundaries/files': [
      { category: 'db', pattern: 'lib/db.ts' },
      { category: 'prisma-generated', pattern: 'lib/generated/**' },
      { category: 'root', pattern: '*.{ts,mjs}' },
    ],
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'allow',
        // Also check packages and node: built-ins, not only files of the project (for lib/policy and Prisma).
        checkAllOrigins: true,
        policies: [
          {
            from: { element: { type: 'components' } },
            disallow: { to: [{ element: { type: 'app' } }, { file: { categories: 'db' } }] },
            message:
              'components/ import neither app/ (pages pass actions in as props) nor lib/db (read through lib/data).',
          },
          {
            from: { element: { type: 'app' } },
            disallow: { to: { file: { categories: 'db' } } },
            message: 'app/ does not import lib/db: read through lib/data, write through a domain operation in lib/.',
          },
          {
            from: { element: { types: ['lib', 'policy'] } },
            disallow: { to: { element: { types: ['app', 'components'] } } },
            message: 'lib/ imports neither app/ nor components/: it is what they call, not the other way round.',
          },
          {
            from: { element: { type: 'policy' } },
            disallow: { to: [{ element: { type: '!policy' } }, { module: { origin: ['external', 'core'] } }] },
            message: 'lib/policy is pure TypeScript: it imports only itself and zod.',
          },
          // Later policies win over earlier ones: zod is the one package lib/policy may use.
          { from: { element: { type: 'policy' } }, allow: { to: { module: { source: 'zod' } } } },
          {
            from: [{ element: { types: ['app', 'components'] } }, { file: { categories: 'root' } }],
            disallow: { to: [{ module: { source: '@prisma/client' } }, { file: { categories: 'prisma-generated' } }] },
            message: 'Prisma is imported only under lib/ (and prisma/, scripts/, tests/, bench/).',
          },
        ],
      },
    ],
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  architecture,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { local: { rules: { 'require-disable-reason': requireDisableReason } } },
    rules: {
      'local/require-disable-reason': 'error',
      // A leading underscore marks a value left out on purpose (e.g. a property dropped by destructuring).
      '@typescript-eslint/no-unused-vars': ['warn', { varsIgnorePattern: '^_', argsIgnorePattern: '^_' }],
    },
  },
  globalIgnores([
    '.next/**',
    '.next-*/**',
    'data/**',
    'test-results/**',
    'playwright-report/**',
    'next-env.d.ts',
    // Generated: the Prisma clients and the Unicode confusables table.
    'lib/generated/**',
    'lib/policy/text/confusables-data.ts',
  ]),
]);
