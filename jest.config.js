// One place for path aliases: they are read from tsconfig.json.
const { compilerOptions } = require('./tsconfig.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}(|/.*)$`, `<rootDir>/${target}$1`]),
);

// With isolatedModules in tsconfig, ts-jest transpiles each file alone (no type check: fast);
// `npm test` type-checks everything first with tsc.
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] };
const tier = (displayName, testMatch, extra = {}) => ({
  displayName,
  testMatch,
  rootDir: __dirname,
  testEnvironment: 'node',
  transform,
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  setupFilesAfterEnv: ['<rootDir>/test/kill-leftover-children.ts'],
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
