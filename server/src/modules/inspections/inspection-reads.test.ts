import { startTestApp, type TestApp } from '../../test-support/test-app';
import { actingAs } from '../../seed/demo-draw';
import { seedDemoDraw } from '../../seed/demo-draw';
import { seedDemoInspections } from '../../seed/demo-inspections';
import { InspectionStatus } from './inspection.entity';
import { inspectionReads } from './inspection-reads';
import { taskItems } from '../tasks/task-reads';
import { drawOfTask } from '../draws/draw-reads';
import { recordEvidence } from '../evidence/evidence-reads';

/** The per-request loaders of a record's and a task's fields read the viewer's own bureau only. */
describe('per-request loaders under the viewer’s tenant', () => {
  let t: TestApp;
  let record: { id: string; task_id: string; status: InspectionStatus; team_ids: string[] };

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoDraw(t.app.services);
    await seedDemoInspections(t.app.services);
    [record] = await t.sql(
      `SELECT i.id, i.task_id, i.status, i.team_ids FROM inspections i JOIN tenants n ON n.id = i.tenant_id
        WHERE n.region_code = '410481' AND i.status = 'PUBLISHED' ORDER BY i.seq LIMIT 1`,
    );
  });
  afterAll(() => t.close());

  it('finds a record’s steps, confirmations, evidence, its task’s items and draw for its own bureau', async () => {
    const wugang = await actingAs(t.app.services, 'wugang.admin');
    const reads = inspectionReads(wugang);
    const [steps, confirmations, items, draw] = await Promise.all([
      reads.steps.load(record.id),
      reads.confirmations.load(record.id),
      taskItems(wugang, record.task_id),
      drawOfTask(wugang, record.task_id),
    ]);
    const [counts] = await t.sql(
      `SELECT (SELECT count(*)::int FROM inspection_steps WHERE inspection_id = $1) AS steps, (SELECT count(*)::int FROM inspection_confirmations WHERE inspection_id = $1) AS confirmations,
              (SELECT count(*)::int FROM task_items WHERE task_id = $2) AS items`,
      [record.id, record.task_id],
    );
    expect({ steps: steps.length, confirmations: confirmations.length, items: items.length }).toEqual(counts);
    expect(steps.map((s) => s.toStatus).at(-1)).toBe('PUBLISHED');
    expect(draw?.taskId).toBe(record.task_id);
    expect(await recordEvidence(wugang, record as never)).toEqual([]);
  });

  it('finds none of them for another bureau asking by the same ids', async () => {
    const changde = await actingAs(t.app.services, 'changde.admin');
    const reads = inspectionReads(changde);
    const found = await Promise.all([
      reads.steps.load(record.id),
      reads.confirmations.load(record.id),
      reads.actions.load({ id: record.id, status: InspectionStatus.APPROVED }),
      taskItems(changde, record.task_id),
      drawOfTask(changde, record.task_id),
    ]);
    expect(found).toEqual([[], [], [], [], null]);
  });
});
