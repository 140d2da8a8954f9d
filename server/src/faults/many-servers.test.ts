/**
 * SLOW (child processes): two server processes on one database. Set SPOTCHECK_SKIP_SLOW=1 to skip.
 * The in-process variants of these checks are in jobs/jobs.test.ts; here the servers are separate OS
 * processes, as two replicas behind a load balancer would be.
 */
import { JOB_SERVER_JS, sleep, spawnServer, waitUntil, type ServerProcess } from '../test-support/server-process';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database';
import { listen } from '../test-support/ws-listen';
import { slowDescribe } from '../test-support/slow';
import { approveLate } from '../test-support/draw-fixture';

jest.setTimeout(120_000);

slowDescribe('two server processes on one database', () => {
  let db: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  const servers = { job: (name: string) => ({ TEST_SERVER_NAME: name, JOBS_POLL_SECONDS: '1', DEADLINE_SWEEP_CRON: '0 0 1 1 *' }) };

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.sql(`CREATE TABLE job_effects (job_id uuid, label text, server text)`);
    await db.sql(`GRANT SELECT, INSERT ON job_effects TO spotcheck_app`);
    // Both start at once, as replicas do: migrations, queues and grants must not trip over each other.
    [a, b] = await Promise.all([spawnServer(db.url, servers.job('a'), JOB_SERVER_JS), spawnServer(db.url, servers.job('b'), JOB_SERVER_JS)]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
  });

  it('streams the draw ceremony to a witness on server A while the office works on server B', async () => {
    const office = await b.login('changde.admin');
    const supervisor = await a.login('changde.supervisor');
    const items = (await b.gql('{ items { edges { node { id name } } } }', {}, office)).data.items.edges.map((e: any) => e.node);
    const plan = (await b.gql('{ plans { edges { node { id } } } }', {}, office)).data.plans.edges[0].node.id;
    const task = await b.gql(
      'mutation($input: TaskInput!) { createTask(input: $input) { id } }',
      {
        input: {
          planId: plan,
          round: 1,
          title: '两台服务器上的摇号',
          purpose: '检查测绘资质',
          procedure: '摇号、核查、报告',
          divisionOfLabour: '测绘地理信息科',
          confidentiality: '结果公布前保密',
          startsOn: '2026-05-06',
          endsOn: '2026-05-29',
          teamSize: 2,
          items: [{ itemId: items.find((i: any) => i.name === '测绘资质单位监督检查').id, ratio: '0.10' }],
          reason: '测试：补办第一轮',
        },
      },
      office,
    );
    await approveLate(b, task.data.createTask.id, await b.login('changde.leader'));
    const drawId = (await b.gql('mutation($id: ID!) { commitDraw(taskId: $id) { id } }', { id: task.data.createTask.id }, office)).data.commitDraw.id;

    const witness = await listen<{ drawCeremony: { phase: string; draw: { status: string } } }>(
      a.url,
      supervisor,
      'subscription($id: ID!) { drawCeremony(drawId: $id) { phase draw { status } } }',
      { id: drawId },
    );
    try {
      // The witness enters the value on A, the office the public number and the draw on B.
      await a.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: WITNESS, value: "见证 0417") { id } }', { id: drawId }, supervisor);
      await b.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: PUBLIC_NUMBER, value: "203") { id } }', { id: drawId }, office);
      // As in the witness room: both values are on the witness's screen before the draw (an event
      // reads the draw when it is delivered, so one delivered after the draw shows it drawn). The
      // commit's own event, sent on B just before the witness subscribed on A, may still arrive first.
      const steps = () => witness.events.filter((e) => e.drawCeremony.phase !== 'COMMITTED');
      await waitUntil('both entropy events on A', async () => steps().length >= 2, 10_000, 50);
      expect((await b.gql('mutation($id: ID!) { performDraw(drawId: $id) { status } }', { id: drawId }, office)).data.performDraw.status).toBe('DRAWN');
      await waitUntil('the draw event on A', async () => steps().length >= 3, 10_000, 50);
      expect(steps().map((e) => `${e.drawCeremony.phase}:${e.drawCeremony.draw.status}`)).toEqual(['ENTROPY:COMMITTED', 'ENTROPY:COMMITTED', 'DRAWN:DRAWN']);
    } finally {
      await witness.close();
    }
  });

  it('runs every job sent through server B exactly once, with both servers working the queue', async () => {
    const sent = new Map<number, (answer: { id?: string; error?: string }) => void>();
    b.child.on('message', (answer: { ref: number; id?: string; error?: string }) => sent.get(answer.ref)?.(answer));
    const send = (ref: number, data: object) =>
      new Promise<string>((resolve, reject) => {
        sent.set(ref, (answer) => (answer.id ? resolve(answer.id) : reject(new Error(answer.error))));
        b.child.send({ ref, data });
      });
    const labels = Array.from({ length: 16 }, (_, i) => `job-${String(i).padStart(2, '0')}`);
    const ids = await Promise.all(labels.map((label, i) => send(i, { label, sleepMs: 300 })));
    expect(new Set(ids).size).toBe(labels.length);

    await waitUntil('every job to run', async () => (await db.sql('SELECT 1 FROM job_effects')).length >= labels.length, 60_000);
    await sleep(2000); // a second run of any job would show up by now
    const rows = await db.sql<{ job_id: string; label: string; server: string }>('SELECT job_id, label, server FROM job_effects ORDER BY label');
    expect(rows.map((r) => r.label)).toEqual(labels);
    expect(rows.map((r) => r.job_id).sort()).toEqual([...ids].sort());
    // Each worker takes the next job as soon as it finishes one, the other polls every second: both get some.
    expect(new Set(rows.map((r) => r.server))).toEqual(new Set(['a', 'b']));
    const states = await db.sql(`SELECT state, count(*)::int AS n FROM pgboss.job WHERE name = 'test-effect' GROUP BY state`);
    expect(states).toEqual([{ state: 'completed', n: labels.length }]);
  });
});
