/** One jest run: the pure shared package, the verifier's command, and the server's integration tests on one embedded PostgreSQL. */
// Tests are CommonJS like the build; ts-jest warns about node16 module kinds, which change nothing here.
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/../tsconfig.test.json', diagnostics: { ignoreCodes: [151002] } }];

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
      displayName: 'server',
      rootDir: 'server',
      testMatch: ['<rootDir>/src/**/*.test.ts'],
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
