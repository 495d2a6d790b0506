// Lint for the project's own TypeScript (the legal text is linted by `secc lint`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'packages/*/dist/', 'coverage/', 'bench/out/', '.secc-cache/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'warn',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The same bytes on every machine (issue 11, class 4): nothing in src/ may order or format by
  // the locale or the time zone. Strings compare with src/shared/order.ts.
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['localeCompare', 'toLocaleString', 'toLocaleDateString', 'toLocaleTimeString', 'toLocaleUpperCase', 'toLocaleLowerCase'].map(
          (property) => ({ property, message: 'Locale-dependent: use src/shared/order.ts (compareText, groupThousands).' }),
        ),
        ...[
          'getFullYear',
          'getMonth',
          'getDate',
          'getDay',
          'getHours',
          'getMinutes',
          'getSeconds',
          'getTimezoneOffset',
          'toDateString',
          'toTimeString',
        ].map((property) => ({ property, message: 'Time-zone dependent: use the getUTC… methods or pass dates in.' })),
        { object: 'Intl', message: 'Locale-dependent: Intl follows LANG unless a locale is fixed; use src/shared/order.ts.' },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vfile-sort', message: 'vfile-sort orders with localeCompare; use src/shared/order.ts.' }] },
      ],
    },
  },
  { files: ['bin/**/*.js', '*.js'], languageOptions: { globals: globals.node } },
  // Tests may assert presence with `!`: a wrong assumption fails the test, which is the point.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-non-null-assertion': 'off' } },
);
