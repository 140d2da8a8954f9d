import { toGlobalId } from '@spotcheck/shared';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { seedDemoDraw } from '../../seed/demo-draw';
import { seedDemoInspections } from '../../seed/demo-inspections';
import { countStatements, poolIdle } from '../../db/statement-counter';
import { appPool } from '../../db/app-pool';
import { clientOperation } from '../../test-support/client-documents';

/**
 * The SQL statements the web app's own operations cost (client/src's documents, fragments included),
 * counted on the request pool: no operation above 15, approving a record at most 20, and a list page
 * the same at 20 rows as at 50.
 */
describe('the web app’s operations on records: SQL statements per request', () => {
  let t: TestApp;
  let office: string;
  let drawId: string;
  let published: string;
  let submitted: { id: string; head: string };
  let another: { id: string; head: string };

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoDraw(t.app.services);
    await seedDemoInspections(t.app.services);
    office = await t.login('wugang.admin');
    const [draw] = await t.sql(`SELECT d.id FROM draws d JOIN tasks k ON k.id = d.task_id WHERE k.starts_on = '2023-06-05'`);
    drawId = toGlobalId('Draw', draw.id);
    const [p] = await t.sql(
      `SELECT i.id FROM inspections i JOIN tenants n ON n.id = i.tenant_id WHERE n.region_code = '410481' AND i.status = 'PUBLISHED' ORDER BY i.seq LIMIT 1`,
    );
    published = toGlobalId('Inspection', p.id);
    const [s, s2] = await t.sql(
      `SELECT i.id, u.username FROM inspections i JOIN tenants n ON n.id = i.tenant_id JOIN inspection_items it ON it.id = i.item_ids[1]
         JOIN departments d ON d.id = it.department_id JOIN users u ON u.id = d.head_user_id
        WHERE n.region_code = '410481' AND i.status = 'SUBMITTED' ORDER BY i.seq LIMIT 2`,
    );
    [submitted, another] = [s, s2].map((r) => ({ id: toGlobalId('Inspection', r.id), head: r.username }));
  });
  afterAll(() => t.close());

  /** A request's read transaction commits just after its answer is written: wait for every connection to be back. */
  async function connectionsReturned() {
    await poolIdle(t.app.services.db);
    const pool = appPool(t.app.services.db);
    expect(pool.totalCount - pool.idleCount).toBe(0);
  }

  /** The statements one request sends, after checking that it was answered without errors. */
  async function statementsOf(name: string, variables: Record<string, unknown>, token = office): Promise<number> {
    // The counter sees the whole pool: start when the seed's and sign-in's work is over.
    await connectionsReturned();
    const counter = countStatements(t.app.services.db);
    try {
      const result = await t.gql(clientOperation(name), variables, token);
      expect({ name, errors: result.errors }).toEqual({ name, errors: undefined });
      await connectionsReturned();
      if (process.env.STATEMENTS_REPORT) process.stderr.write(`statements ${name} ${JSON.stringify(variables)}: ${counter.statements}\n`);
      return counter.statements;
    } finally {
      counter.stop();
    }
  }

  it('lists a draw’s assignments (AssignmentsCard) in few statements, whatever the page size', async () => {
    const twenty = await statementsOf('InspectionAssignments', { drawId, first: 20 });
    const fifty = await statementsOf('InspectionAssignments', { drawId, first: 50 });
    expect({ twenty, fifty, atMost15: fifty <= 15 }).toEqual({ twenty: fifty, fifty, atMost15: true });
  });

  it('lists the records (InspectionRow) in few statements, whatever the page size', async () => {
    const twenty = await statementsOf('Inspections', { first: 20 });
    const fifty = await statementsOf('Inspections', { first: 50 });
    expect({ twenty, fifty, atMost15: fifty <= 15 }).toEqual({ twenty: fifty, fifty, atMost15: true });
  });

  it('lists the workbench’s records awaiting the viewer, with the actions of each, in few statements, whatever the page size', async () => {
    const head = await t.login(submitted.head);
    const twenty = await statementsOf('WorkbenchRecords', { first: 20 }, head);
    const fifty = await statementsOf('WorkbenchRecords', { first: 50 }, head);
    expect({ twenty, fifty, atMost15: fifty <= 15 }).toEqual({ twenty: fifty, fifty, atMost15: true });
  });

  it.each([
    ['WorkbenchTasks', { inProgress: true }],
    ['WorkbenchStatements', {}],
    ['Tasks', {}],
    ['Plans', {}],
    ['Items', {}],
    ['Inspectors', {}],
    ['Departments', {}],
    ['MyNotifications', {}],
    ['AuditEvents', {}],
    ['Dashboard', { year: 2023 }],
    ['Me', {}],
  ])('sends few statements for %s, at 20 rows as at 50', async (name, variables) => {
    const twenty = await statementsOf(name, { first: 20, ...variables });
    const fifty = await statementsOf(name, { first: 50, ...variables });
    expect({ twenty, fifty, atMost15: fifty <= 15 }).toEqual({ twenty: fifty, fifty, atMost15: true });
  });

  it('answers a draw’s results (DrawResults) in few statements, whatever the page size', async () => {
    const twenty = await statementsOf('DrawResults', { drawId, first: 20 });
    const fifty = await statementsOf('DrawResults', { drawId, first: 50 });
    expect({ twenty, fifty, atMost15: fifty <= 15 }).toEqual({ twenty: fifty, fifty, atMost15: true });
  });

  // 13: BEGIN, the tenant, the record, COMMIT and nine fields (steps and confirmations in one statement,
  // the viewer's own team membership read from the team's rows); 15–16 before.
  it('opens a record page (InspectionDetailFields) in at most 13 statements', async () => {
    expect(await statementsOf('Inspection', { id: published })).toBeLessThanOrEqual(13);
  });

  /** Moves a submitted record to review, then measures its approval with the page's fragment. */
  async function approvalStatements(id: string, head: string): Promise<number> {
    await statementsOf('TransitionInspection', { id, action: 'PASS_REVIEW' }, await t.login(head));
    return statementsOf('TransitionInspection', { id, action: 'APPROVE' }, await t.login('wugang.leader'));
  }

  // 20: the approval's transaction sends 9 (BEGIN, the tenant, the locked record, what the transition
  // checks with the record's trail, the update with its step, the audit chain's lock, the notification
  // of those who act next with its events, the event, COMMIT) and the record's page 11 (its record, steps
  // and confirmations are the transaction's); 26 before, 71 before the request's loaders.
  it('approves a record, answering InspectionDetailFields, in at most 20 statements', async () => {
    expect(await approvalStatements(submitted.id, submitted.head)).toBeLessThanOrEqual(20);
  });

  it('answers an approval with the record as approved, its new step included, as a fresh read shows it', async () => {
    const leader = await t.login('wugang.leader');
    await statementsOf('TransitionInspection', { id: another.id, action: 'PASS_REVIEW' }, await t.login(another.head));
    const approved = await t.gql(clientOperation('TransitionInspection'), { id: another.id, action: 'APPROVE' }, leader);
    const read = await t.gql(clientOperation('Inspection'), { id: another.id }, leader);
    expect(approved.data.transitionInspection.status).toBe('APPROVED');
    expect(approved.data.transitionInspection.steps.map((s: { action: string }) => s.action).slice(-2)).toEqual(['PASS_REVIEW', 'APPROVE']);
    expect(approved.data.transitionInspection).toEqual(stripTypename(read.data.node));
  });
});

function stripTypename(node: Record<string, unknown>): Record<string, unknown> {
  const { __typename: _, ...rest } = node;
  return rest;
}
