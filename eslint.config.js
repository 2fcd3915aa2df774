import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
