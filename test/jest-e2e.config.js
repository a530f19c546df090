// End-to-end tests against real PostgreSQL and Redis (see test/global-setup.ts).
const { pathsToModuleNameMapper } = require('ts-jest');
const { ESM_ONLY_IGNORE } = require('./esm-only');
const { compilerOptions } = require('../tsconfig.json');

module.exports = {
  rootDir: '..',
  roots: ['<rootDir>/test'],
  testRegex: '.*\\.e2e-spec\\.ts$',
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': 'ts-jest', '^.+\\.js$': '<rootDir>/test/esm-to-cjs.transform.js' },
  // ESM-only packages, compiled to CommonJS for Jest (see test/esm-to-cjs.transform.js).
  transformIgnorePatterns: [ESM_ONLY_IGNORE],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/global-setup.ts',
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  testTimeout: 60_000,
};
