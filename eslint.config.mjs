import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/**
 * A lib is entered through its index.ts: no `@app/<lib>/<file>`, and no relative path out of one lib
 * into another (`../../../surveys/...`). What a lib offers is what its index exports.
 */
const throughTheIndex = {
  group: ['@app/*/**'],
  message: 'Import the lib through its index (@app/<lib>); export what you need from its index.ts.',
};
const relativeInto = (regex) => ({
  regex,
  message: "A relative import must not reach into another lib (or an app); use the lib's @app/<lib> index.",
});

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      '.data/',
      'coverage/',
      'libs/web/assets/',
      '**/*.js',
      '!eslint.config.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        { patterns: [throughTheIndex, relativeInto(String.raw`^(\.\./)+libs/`)] },
      ],
    },
  },
  {
    // From libs/<lib>/src/<dir>/, "../../../surveys/questionnaires/x.json" leaves the lib.
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            throughTheIndex,
            relativeInto(String.raw`^(\.\./)+(apps|libs|[a-z-]+/(src|test|questionnaires|data|assets))(/|$)`),
          ],
        },
      ],
    },
  },
  {
    // TypeORM needs every entity class; the lib indexes would pull in modules and services as well.
    files: ['libs/database/src/entities.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
