import fs from 'node:fs';
import { Client } from 'pg';
import { APP_ROLE } from '../db/data-source';
import { startTestApp, type TestApp } from '../test-support/test-app';
import { checkOperations, setUpApiBench, type ApiBenchSetup, type OperationsReport } from './api-check';
import { answerDifferences } from './api-compare';
import { startFloorServer, type FloorServer } from './api-floor';
import { runLoad } from './api-load';
import { measureEntry } from './api-measure';
import { SCREENS, loadRequest } from './api-mix';
import { CLIENT_DOCUMENTS_FILE } from './client-documents';
import { seedDemoDraw } from '../seed/demo-draw';
import { seedDemoInspections } from '../seed/demo-inspections';
import { seedDemoJointTask } from '../seed/demo-joint-task';

/**
 * `npm run bench -- api` at a tiny scale: the same set-up, the same operations sent once to the
 * service and once to the floor, and a few requests of the mix under load against each. The bench
 * measures nothing unless every operation answers without errors and the floor answers the same.
 */
describe('the api bench on the demo', () => {
  let t: TestApp;
  let admin: Client;
  let floor: FloorServer;
  let setup: ApiBenchSetup;
  let report: OperationsReport;

  beforeAll(async () => {
    t = await startTestApp();
    // The demo's ceremonies, as `npm start` (and the bench) replays them after the seed: the test
    // template holds the seed only.
    await seedDemoDraw(t.app.services);
    await seedDemoJointTask(t.app.services);
    await seedDemoInspections(t.app.services);
    admin = new Client({ connectionString: t.adminUrl });
    await admin.connect();
    setup = await setUpApiBench(t.app, admin);
    floor = await startFloorServer({ databaseUrl: t.adminUrl, role: APP_ROLE, viewers: setup.viewers, poolSize: 2 });
    report = await checkOperations(setup, floor.url);
  }, 120_000);

  afterAll(async () => {
    setup?.counter.stop();
    await floor?.close();
    await admin?.end();
    await t?.close();
  });

  it("sends the client's own documents, fragments included, as Apollo sends them", () => {
    const generated = fs.readFileSync(CLIENT_DOCUMENTS_FILE, 'utf8');
    for (const name of Object.values(SCREENS)) expect(generated).toContain(`export const ${name}Document = `);
    expect(setup.queries.Inspection).toContain('fragment InspectionDetailFields on Inspection');
    expect(setup.queries.Inspection).toContain('fragment InspectionRow on Inspection');
    expect(setup.queries.TransitionInspection).toContain('...InspectionDetailFields');
    expect(setup.queries.InspectionAssignments).toMatch(/team \{\s+id\s+name\s+user \{\s+id\s+__typename/);
  });

  it('covers every screen of the issue, as users of several bureaus and the public', () => {
    const screens = new Set([...report.measured, report.approve].map((m) => m.entry.screen));
    expect([...screens].sort()).toEqual(Object.keys(SCREENS).sort());
    const bureaus = new Set(report.measured.map((m) => m.entry.user?.split('.')[0] ?? 'public'));
    expect(bureaus).toEqual(new Set(['wugang', 'pingdingshan', 'changde', 'public']));
  });

  it("answers every operation without GraphQL errors, and the floor's answers equal the service's", () => {
    expect(report.problems).toEqual([]);
    for (const m of [...report.measured, report.approve]) {
      expect(m.errors).toBeNull();
      expect(m.data).not.toBeNull();
      expect(m.statements).toBeGreaterThan(0);
      expect(m.roundTrips).toBeGreaterThan(0);
      expect(m.roundTrips).toBeLessThanOrEqual(m.statements);
    }
    expect((report.approve.data as { transitionInspection: { status: string } }).transitionInspection.status).toBe('APPROVED');
    // The lists read real rows, not empty pages only.
    const records = report.measured.find((m) => m.entry.screen === 'records' && m.entry.user === 'wugang.admin')!;
    expect((records.data as { inspections: { edges: unknown[] } }).inspections.edges.length).toBeGreaterThan(0);
    const assignments = report.measured.find((m) => m.entry.screen === 'assignments')!;
    expect((assignments.data as { inspectionAssignments: { edges: unknown[] } }).inspectionAssignments.edges).toHaveLength(20);
    expect(report.pageSizes.length).toBeGreaterThan(0);
  });

  it('reports a failing operation and a floor that answers differently', async () => {
    const broken = await measureEntry(setup.url, setup.counter, setup.queries, setup.tokens, {
      screen: 'record',
      user: 'wugang.admin',
      variables: { id: null },
    });
    expect(broken.errors).not.toBeNull();
    const page = report.measured.find((m) => m.entry.screen === 'record')!.data as { node: Record<string, unknown> };
    expect(answerDifferences(page, { node: { ...page.node, status: 'DRAFT' } })).toEqual([expect.stringContaining('/node/status')]);
    expect(answerDifferences(page, { node: { ...page.node, team: [] } })).toEqual([expect.stringContaining('/node/team')]);
    const { steps: _, ...withoutSteps } = page.node;
    expect(answerDifferences(page, { node: withoutSteps })).toEqual([expect.stringContaining('/node/steps')]);
  });

  it('runs the mix under load against both, every answer checked', async () => {
    const requests = setup.mix.map((entry) => loadRequest(setup.queries, setup.tokens, entry));
    for (const url of [setup.url, floor.url]) {
      const result = await runLoad({ url, requests, connections: 2, seconds: 0.5 });
      expect(result.firstFailure).toBeNull();
      expect(result.requests).toBeGreaterThan(0);
      expect(result.p95Ms).toBeGreaterThan(0);
    }
  });
});
