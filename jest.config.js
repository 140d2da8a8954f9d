/**
 * One jest run in layers: the pure `shared` package, the verifier's command, the server's unit tests
 * (`*.unit.test.ts`: pure code, no database, no build needed) and the server's integration tests on
 * one embedded PostgreSQL (each file on a clone of a migrated, demo-seeded template).
 */
// Transpile only (isolatedModules in tsconfig.test.json): `npm run build` and `npm run typecheck`
// check the types; checking them again per test file made a cold run minutes slower.
// ts-jest warns about node16 module kinds, which change nothing here (tests are CommonJS like the build).
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/../tsconfig.test.json', diagnostics: { ignoreCodes: [151002] } }];
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
      transform: { '^.+\\.ts$': tsJest },
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/global-setup.mjs',
      globalTeardown: '<rootDir>/test/global-teardown.mjs',
      setupFiles: ['reflect-metadata'],
    },
  ],
  // A global option: in a multi-project run jest reads it here, not from a project.
  testTimeout: 60000,
  // Each worker runs some seventy files and keeps a little of each (module registries, the app's
  // caches); on a fresh clone one worker reached V8's 4 GB heap limit and aborted the whole run. A worker
  // above this after a file is replaced by a fresh one.
  workerIdleMemoryLimit: '1536MB',
};
