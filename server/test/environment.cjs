// The server tests' environment: jest's Node environment, with a way to the modules Node itself loads
// (server/test/native-modules.cjs hands the app's modules and its libraries to each file's imports).
// Loaded natively, the app also stops cleanly between files: pg-boss's stop leaves a loop that requires
// `node:timers/promises` anew every second, which from a file's registry failed once jest had torn the
// file down, and the next file in the worker inherited the error. Every statement sent through `pg` is
// recorded for the router-plannable check (statement-recorder.cjs).
const { TestEnvironment } = require('jest-environment-node');
const statements = require('./statement-recorder.cjs');
require('reflect-metadata');

statements.install();

module.exports = class ServerTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__nativeRequire = require;
  }

  async teardown() {
    statements.flush();
    await super.teardown();
  }
};
