import { startTestApp, type TestApp } from '../test-support/test-app';
import { seedDemoDraw } from '../seed/demo-draw';
import { seedDemoInspections } from '../seed/demo-inspections';
import { inTenant } from './tenancy';
import { JsonRowShape } from './json-rows';
import { Department } from '../modules/departments/department.entity';
import { MarketEntity } from '../modules/entities/market-entity.entity';
import { Inspector } from '../modules/inspectors/inspector.entity';
import { InspectionItem } from '../modules/items/inspection-item.entity';
import { Inspection } from '../modules/inspections/inspection.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { Draw } from '../modules/draws/draw.entity';

/** Rows read as JSON and hydrated must be exactly what TypeORM's `find` returns, class and all. */
describe('JsonRowShape: rows as JSON, hydrated as TypeORM hydrates them', () => {
  let t: TestApp;
  let wugang: string;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoDraw(t.app.services);
    await seedDemoInspections(t.app.services);
    [{ id: wugang }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410481'`);
  });
  afterAll(() => t.close());

  const cases = [
    ['market_entities', MarketEntity],
    ['inspection_items', InspectionItem], // a numeric ratio with a transformer, jsonb rules
    ['inspectors', Inspector],
    ['departments', Department],
    ['inspections', Inspection], // timestamps, dates, arrays
    ['audit_events', AuditEvent], // a bigint with a transformer
  ] as const;

  it.each(cases)('%s', async (table, entity) => {
    const db = t.app.services.db;
    const shape = new JsonRowShape<any>(db, entity);
    await inTenant(db, wugang, async (m) => {
      const [{ rows }] = await m.query(`SELECT json_agg(r) AS rows FROM (SELECT ${shape.columns('x')} FROM ${table} x ORDER BY x.id LIMIT 40) r`);
      expect(rows.length).toBeGreaterThan(0);
      const expected = await m.getRepository<any>(entity).find({ order: { id: 'ASC' }, take: 40 });
      const hydrated = shape.hydrateAll(rows);
      expect(hydrated[0]).toBeInstanceOf(entity);
      expect(hydrated).toStrictEqual(expected);
    });
  });

  it('keeps what JSON would round: numeric scale and timestamps to the millisecond', async () => {
    const shape = new JsonRowShape(t.app.services.db, InspectionItem);
    const [row] = await inTenant(t.app.services.db, wugang, (m) =>
      m.query(`SELECT row_to_json(r) AS row FROM (SELECT ${shape.columns('x')} FROM inspection_items x WHERE x.min_ratio IS NOT NULL LIMIT 1) r`),
    );
    expect(typeof row.row.minRatio).toBe('string');
    const item = shape.hydrate(row.row);
    // The app's Date is Node's own (server/test/native-modules.cjs), not this file's: compare values.
    expect(item.createdAt.toISOString()).toBe(new Date(row.row.createdAt).toISOString());
    expect(item.minRatio).toMatch(/^\d\.\d+$/);
  });

  it('refuses an entity whose columns JSON cannot carry', () => {
    expect(() => new JsonRowShape(t.app.services.db, Draw)).toThrow(/recordGz \(bytea\) is not supported/);
  });
});
