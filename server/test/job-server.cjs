// A server process for the multi-server tests: startApp as server/dist/main.js runs it with
// DATABASE_URL, plus one test job ("test-effect", which records which server ran it in job_effects)
// and a way for the test to send that job through this very server (IPC: { ref, data } → { ref, id }).
'use strict';
const path = require('node:path');
const dist = path.resolve(__dirname, '..', 'dist');
const { loadConfig } = require(path.join(dist, 'config.js'));
const { startApp } = require(path.join(dist, 'app.js'));

const server = process.env.TEST_SERVER_NAME || 'unnamed';
const effect = {
  name: 'test-effect',
  handle: async ({ services, job }, data) => {
    if (data.sleepMs) await new Promise((r) => setTimeout(r, data.sleepMs));
    await services.db.query('INSERT INTO job_effects (job_id, label, server) VALUES ($1, $2, $3)', [job.id, data.label, server]);
  },
};

(async () => {
  const config = loadConfig();
  const app = await startApp(config, config.databaseUrl, { jobs: [effect] });
  process.on('message', (message) => {
    app.services.jobs.send('test-effect', message.data).then(
      (id) => process.send({ ref: message.ref, id }),
      (error) => process.send({ ref: message.ref, error: String(error) }),
    );
  });
  // The test process went away: go too.
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => {
    app.close().finally(() => process.exit(0));
  });
  process.stdout.write(`SpotCheck 已启动（${server}）：${app.url}\n`);
})().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
