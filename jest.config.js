/**
 * One jest run in layers: the pure `shared` package, the verifier's command, the server's unit tests
 * (`*.unit.test.ts`: pure code, no database, no app) and the server's integration tests on
 * one embedded PostgreSQL (each file on a clone of a migrated, demo-seeded template).
 */
// Transpile only (tsconfig.test.json: isolatedModules, CommonJS): the types of the tests are checked
// once per run by `tsc -p tsconfig.tests.json` (in `npm run test:unit` and `npm run typecheck`), the
// rest by the build; checking them again per test file made a cold run minutes slower.
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/../tsconfig.test.json', diagnostics: { ignoreCodes: [151002] } }];
// The app's source but its tests and their support: the server tests take it from Node's own loader
// (server/test/native-modules.cjs).
const APP_SOURCE = '^(?!.*(\\.test\\.ts$|/test-support/|/security/support/)).*/server/src/.*\\.ts$';
const UNIT = '\\.unit\\.test\\.ts$';

module.exports = {
  projects: [
    {
      displayName: 'shared',
      rootDir: 'shared',
      testMatch: ['<rootDir>/src/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      testEnvironment: 'node',
    },
    {
      displayName: 'verifier',
      rootDir: 'verifier',
      testMatch: ['<rootDir>/src/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      testEnvironment: 'node',
    },
    {
      displayName: 'server-unit',
      rootDir: 'server',
      testMatch: ['<rootDir>/src/**/*.unit.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      testEnvironment: 'node',
      setupFiles: ['reflect-metadata'],
    },
    {
      displayName: 'server',
      rootDir: 'server',
      testMatch: ['<rootDir>/src/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', UNIT],
      transform: {
        [APP_SOURCE]: '<rootDir>/test/native-modules.cjs',
        '^.+\\.ts$': tsJest,
      },
      moduleNameMapper: {
        '^(graphql|typeorm)$': '<rootDir>/test/native/$1.cjs',
        '^@spotcheck/shared$': '<rootDir>/test/native/shared.cjs',
      },
      testEnvironment: '<rootDir>/test/environment.cjs',
      globalSetup: '<rootDir>/test/global-setup.mjs',
      globalTeardown: '<rootDir>/test/global-teardown.mjs',
      setupFiles: ['reflect-metadata'],
    },
  ],
  // A global option: in a multi-project run jest reads it here, not from a project.
  testTimeout: 60000,
  // Three workers on this 2-core machine (jest's default would be one): a server test file spends much
  // of its time waiting (on PostgreSQL, on the servers and processes it starts and stops), and the other
  // files use that time. Whole run, cold cache, load average 3-5 from other work: 234 s with three
  // workers, 352 s with two, 627 s with one. (`npx jest --maxWorkers=1 …` on a busy machine.)
  maxWorkers: 3,
  // Each worker runs dozens of files and keeps a little of each (module registries, the app's
  // caches); on a fresh clone one worker reached V8's 4 GB heap limit and aborted the whole run. A worker
  // above this after a file is replaced by a fresh one.
  workerIdleMemoryLimit: '1536MB',
};
