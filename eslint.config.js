import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * The layers of src (docs/architecture.md): what each may import. `values` may be imported as code;
 * `types` only with `import type` (a presenter describes a repository's row, a report a presenter's
 * shape); every other layer is refused. src/domain has its own, stricter rule below (no I/O at all).
 */
const LAYERS = {
  config: { values: ['db', 'domain', 'errors'], types: ['storage'] },
  errors: { values: ['domain'], types: [] },
  db: { values: ['config', 'domain', 'errors'], types: [] },
  repositories: { values: ['db', 'domain', 'errors', 'config'], types: [] },
  storage: { values: ['config', 'domain', 'errors'], types: [] },
  spreadsheets: { values: ['config', 'domain', 'errors'], types: [] },
  dataset: { values: ['config', 'domain', 'errors'], types: [] },
  ingestion: { values: ['config', 'dataset', 'domain', 'errors'], types: [] },
  presenters: { values: ['domain', 'errors'], types: ['db', 'repositories', 'services'] },
  reports: { values: ['config', 'domain', 'errors'], types: ['presenters'] },
  services: {
    values: [
      'config',
      'dataset',
      'db',
      'domain',
      'errors',
      'ingestion',
      'presenters',
      'reports',
      'repositories',
      'spreadsheets',
      'storage',
    ],
    types: [],
  },
  http: {
    values: ['config', 'db', 'domain', 'errors', 'presenters', 'reports', 'services', 'spreadsheets', 'storage'],
    types: ['repositories'],
  },
  cli: {
    values: [
      'config',
      'dataset',
      'db',
      'domain',
      'errors',
      'ingestion',
      'presenters',
      'server',
      'services',
      'spreadsheets',
      'storage',
    ],
    types: ['repositories'],
  },
};
const ALL = [...Object.keys(LAYERS), 'domain', 'server'];
// Relative paths that reach src/<layer> from any depth: a bare `**/reports/**` would also match
// src/services/reports, and `**/ingestion/**` src/domain/ingestion.
const UP = ['../', '../../', '../../../', '../../../../', '../../../../../'];
const pathsOf = (layer) => (layer === 'server' ? UP.map((u) => `${u}server.ts`) : UP.map((u) => `${u}${layer}/**`));

function layerRule(layer, { values, types }, extraValues = []) {
  const refused = ALL.filter((l) => l !== layer && !values.includes(l) && !types.includes(l) && !extraValues.includes(l));
  const typeOnly = types.filter((l) => !extraValues.includes(l));
  const patterns = [];
  if (refused.length)
    patterns.push({ group: refused.flatMap(pathsOf), message: `src/${layer} may not import this layer (docs/architecture.md)` });
  if (typeOnly.length)
    patterns.push({
      group: typeOnly.flatMap(pathsOf),
      allowTypeImports: true,
      message: `src/${layer} imports only types from this layer (import type …)`,
    });
  return { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] };
}

const layerConfigs = [
  ...Object.entries(LAYERS).map(([layer, rule]) => ({
    files: [`src/${layer}/**/*.ts`],
    ignores: ['src/**/*.test.ts'],
    rules: layerRule(layer, rule),
  })),
  // The drivers' access checks run before any service and read the org tree and the resource's owner
  // themselves (http/auth, the CLI's actor, the login rate limit's store).
  {
    files: ['src/http/auth/**/*.ts', 'src/http/rate-limit-store.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: layerRule('http', LAYERS.http, ['repositories']),
  },
  { files: ['src/cli/cli-actor.ts'], rules: layerRule('cli', LAYERS.cli, ['repositories']) },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'bench/results/', 'test-artifacts/', 'tmp-scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Configuration is read in one place only.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'read configuration through src/config/env.ts' },
      ],
    },
  },
  {
    files: ['src/config/env.ts', 'test/**', 'bench/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // The web shares the server's contract and pure logic, never its I/O: it takes the response types
    // inferred from the presenters' zod schemas (types only, so no server code is bundled) and calls the
    // pure domain helpers (src/domain/**) instead of copying them.
    files: ['web/src/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/presenters/**'],
              allowTypeImports: true,
              message: 'the web imports only types from src/presenters (import type …)',
            },
            {
              group: [
                '**/src/cli/**',
                '**/src/config/**',
                '**/src/dataset/**',
                '**/src/db/**',
                '**/src/http/**',
                '**/src/ingestion/**',
                '**/src/reports/**',
                '**/src/repositories/**',
                '**/src/services/**',
                '**/src/spreadsheets/**',
                '**/src/storage/**',
                '**/src/server.ts',
              ],
              message: 'the web reaches the server only over HTTP; share code through src/domain or src/presenters types',
            },
          ],
        },
      ],
    },
  },
  ...layerConfigs,
  {
    // The domain core stays pure: no database, HTTP or file system.
    files: ['src/domain/**'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:*',
            // Hashing is computation, not I/O.
            '!node:crypto',
            'fs',
            'path',
            'pg',
            'kysely',
            'fastify',
            '@electric-sql/*',
            '**/db/**',
            '**/http/**',
            '**/repositories/**',
            '**/services/**',
          ],
        },
      ],
    },
  },
);
