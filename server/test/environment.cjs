// The server tests' environment: jest's Node environment, with pg-boss loaded by Node itself rather than
// into each test file's module registry (server/test/native-pg-boss.cjs hands it to the app's import).
// pg-boss's stop leaves a detached loop (offWork) that requires `node:timers/promises` anew every second
// until its workers have stopped; from a file's registry that require fails once jest has torn the file
// down ("Cannot destructure property 'setTimeout'"), and the next file in the worker inherits the error.
// Loaded natively it keeps working, so a test app closes without waiting that loop out.
const { TestEnvironment } = require('jest-environment-node');
const PgBoss = require('pg-boss');

module.exports = class ServerTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__nativePgBoss = PgBoss;
  }
};
