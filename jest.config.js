// One place for path aliases: they are read from tsconfig.json.
const { compilerOptions } = require('./tsconfig.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}(|/.*)$`, `<rootDir>/${target}$1`]),
);

// SWC strips types without checking them (fast); `npm test` type-checks first with tsc.
const swcConfig = JSON.parse(require('fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const tier = (displayName, testMatch, extra = {}) => ({
  displayName,
  testMatch,
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcConfig, swcrc: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  ...extra,
});

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    tier('unit', ['<rootDir>/{apps,libs}/**/*.spec.ts']),
    tier('int', ['<rootDir>/{apps,libs}/**/*.int-spec.ts'], {
      // The EventStoreDB contract needs a server; global-setup says so when none is configured.
      testPathIgnorePatterns: process.env.EVENTSTORE_CONNECTION_STRING ? [] : ['esdb-event-store\\.contract'],
    }),
    tier('e2e', ['<rootDir>/test/**/*.e2e-spec.ts']),
  ],
  globalSetup: '<rootDir>/test/global-setup.js',
};
