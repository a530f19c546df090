// Unit tests: *.spec.ts beside the code, no I/O.
const { pathsToModuleNameMapper } = require('ts-jest');
const { ESM_ONLY_IGNORE } = require('./test/esm-only');
const { compilerOptions } = require('./tsconfig.json');

module.exports = {
  rootDir: '.',
  roots: ['<rootDir>/libs', '<rootDir>/apps'],
  testRegex: '.*\\.spec\\.ts$',
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': 'ts-jest', '^.+\\.js$': '<rootDir>/test/esm-to-cjs.transform.js' },
  // ESM-only packages, compiled to CommonJS for Jest (see test/esm-to-cjs.transform.js).
  transformIgnorePatterns: [ESM_ONLY_IGNORE],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/test/setup-unit-env.ts'],
  // argon2 hashing and PDF rendering take seconds on a busy runner; speed is measured by npm run bench.
  testTimeout: 30_000,
};
