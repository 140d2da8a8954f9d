// A PostgreSQL of its own for a test, in a separate process so that the test can stop and start it
// again (a database restart under a running server). Usage: node embedded-pg.cjs <data dir> [port]
// Prints `READY <admin url>` once it accepts connections; SIGTERM stops PostgreSQL (fast shutdown).
'use strict';
const path = require('node:path');
const { startEmbeddedPostgres } = require(path.resolve(__dirname, '..', 'dist', 'db', 'embedded.js'));

(async () => {
  const [dataDir, port] = process.argv.slice(2);
  const pg = await startEmbeddedPostgres(dataDir, Number(port || 0));
  const actual = new URL(pg.adminUrl).port;
  if (port && port !== '0' && actual !== port) {
    await pg.stop();
    throw new Error(`port ${port} was taken; PostgreSQL would have come back on ${actual}`);
  }
  const stop = () => pg.stop().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
  process.stdout.write(`READY ${pg.adminUrl}\n`);
})().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
