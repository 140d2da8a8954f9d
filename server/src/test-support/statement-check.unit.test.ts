import { checkStatement, loadParser } from './statement-check';

const TENANT_TABLES = new Set(['users', 'departments', 'inspections', 'tasks']);
const rules = (sql: string) => checkStatement(sql, TENANT_TABLES).map((f) => `${f.rule} ${f.table}`);

beforeAll(() => loadParser());

describe('the router-plannable statement check', () => {
  it('passes statements pinned to one tenant', () => {
    expect(rules(`SELECT * FROM users WHERE tenant_id = $1 AND id = $2`)).toEqual([]);
    expect(rules(`SELECT u.id FROM users u WHERE u.tenant_id = $1::uuid FOR UPDATE`)).toEqual([]);
    expect(rules(`SELECT u.id FROM users u JOIN departments d ON d.tenant_id = u.tenant_id AND d.id = u.department_id WHERE u.tenant_id = $1`)).toEqual([]);
    expect(rules(`UPDATE tasks SET title = $2 WHERE tenant_id = $1 AND id = $3`)).toEqual([]);
    expect(rules(`DELETE FROM tasks t USING users u WHERE t.tenant_id = $1 AND u.tenant_id = t.tenant_id AND u.id = t.created_by`)).toEqual([]);
    expect(rules(`INSERT INTO tasks (tenant_id, id, title) VALUES ($1, $2, $3), ($1, $4, $5)`)).toEqual([]);
    expect(
      rules(`SELECT t.id FROM tasks t WHERE t.tenant_id = $1 AND EXISTS (SELECT 1 FROM inspections i WHERE i.tenant_id = t.tenant_id AND i.task_id = t.id)`),
    ).toEqual([]);
    expect(rules(`WITH x AS (SELECT id FROM tasks WHERE tenant_id = $1) SELECT * FROM x`)).toEqual([]);
    expect(rules(`SELECT * FROM regions WHERE code = $1`)).toEqual([]); // not a tenant table
    expect(rules(`SELECT set_config('app.tenant_id', $1, true)`)).toEqual([]);
  });

  it('finds the statements that would fan out to every shard or cannot be routed', () => {
    // By id alone (the 12 locking reads of the Citus trial).
    expect(rules(`SELECT * FROM users WHERE id = $1 FOR UPDATE`)).toEqual(['UNPINNED_TENANT_TABLE users']);
    // RLS alone: no explicit condition.
    expect(rules(`SELECT count(*) FROM inspections`)).toEqual(['UNPINNED_TENANT_TABLE inspections']);
    // A join on ids but not on tenant_id.
    expect(rules(`SELECT 1 FROM users u JOIN departments d ON d.id = u.department_id WHERE u.tenant_id = $1`)).toEqual(['UNPINNED_TENANT_TABLE departments']);
    // Several tenants, or an OR: several shards.
    expect(rules(`SELECT * FROM tasks WHERE tenant_id = ANY($1)`)).toEqual(['UNPINNED_TENANT_TABLE tasks']);
    expect(rules(`SELECT * FROM tasks WHERE tenant_id = $1 OR id = $2`)).toEqual(['UNPINNED_TENANT_TABLE tasks']);
    // An uncorrelated subquery and a CTE are checked on their own.
    expect(rules(`SELECT * FROM tasks WHERE tenant_id = $1 AND id IN (SELECT task_id FROM inspections)`)).toEqual(['UNPINNED_TENANT_TABLE inspections']);
    expect(rules(`WITH x AS (SELECT id FROM tasks) SELECT * FROM users WHERE tenant_id = $1`)).toEqual(['UNPINNED_TENANT_TABLE tasks']);
    expect(rules(`UPDATE tasks SET title = $1 WHERE id = $2`)).toEqual(['UNPINNED_TENANT_TABLE tasks']);
    expect(rules(`DELETE FROM inspections WHERE task_id = $1`)).toEqual(['UNPINNED_TENANT_TABLE inspections']);
  });

  it('finds inserts that cannot be routed row by row', () => {
    expect(rules(`INSERT INTO tasks (id, title) VALUES ($1, $2)`)).toEqual(['INSERT_WITHOUT_TENANT tasks']);
    expect(rules(`INSERT INTO tasks (tenant_id, id) VALUES (app_current_tenant(), $1)`)).toEqual(['INSERT_WITHOUT_TENANT tasks']);
    // The draw's and the imports' shape: from a temporary stage table.
    expect(rules(`INSERT INTO inspections (tenant_id, id) SELECT $1, s.id FROM draw_stage s`)).toEqual(['INSERT_SELECT_FROM_OTHER_TABLE inspections']);
    expect(rules(`INSERT INTO inspections (tenant_id, id, task_id) SELECT t.tenant_id, gen_random_uuid(), t.id FROM tasks t WHERE t.tenant_id = $1`)).toEqual(
      [],
    );
  });

  it('reports what it cannot read', () => {
    expect(rules(`SELEC * FROM users`)).toEqual(['UNPARSABLE ']);
  });
});
